import { describe, expect, it } from 'vitest';
import { plainDate } from '../../../src/domain/plain-date.js';
import { byUrgency, itemPath, type WeekItem } from './week-item.js';

const item = (over: Partial<WeekItem>): WeekItem => ({
  kind: 'action',
  programId: 'p-1',
  programCode: 'KHG-KW500',
  programName: 'Kettle KW-500',
  id: 'x',
  key: 'A-1',
  title: 'Something',
  dueDate: null,
  isOverdue: false,
  ask: 'do',
  flags: [],
  ...over,
});

describe('itemPath', () => {
  it('leads each kind of item to where it is dealt with, the key encoded', () => {
    expect(itemPath(item({ kind: 'decision', key: 'D-3' }))).toBe('/programs/KHG-KW500/decisions/D-3');
    expect(itemPath(item({ kind: 'confirmation', key: 'A-7' }))).toBe('/programs/KHG-KW500/actions#A-7');
    expect(itemPath(item({ kind: 'risk_review', key: 'R-2' }))).toBe('/programs/KHG-KW500/risks/R-2');
    expect(itemPath(item({ kind: 'milestone', key: 'M-12', programCode: 'A B' }))).toBe('/programs/A%20B#M-12');
  });
});

describe('byUrgency', () => {
  it('puts overdue items first, oldest first, then by due date, and undated ones last so the gap shows', () => {
    const sorted = byUrgency([
      item({ key: 'undated' }),
      item({ key: 'friday', dueDate: plainDate('2026-03-06') }),
      item({ key: 'overdue-recent', dueDate: plainDate('2026-03-03'), isOverdue: true }),
      item({ key: 'thursday', dueDate: plainDate('2026-03-05') }),
      item({ key: 'overdue-old', dueDate: plainDate('2026-02-20'), isOverdue: true }),
    ]);
    expect(sorted.map((i) => i.key)).toEqual(['overdue-old', 'overdue-recent', 'thursday', 'friday', 'undated']);
  });

  it('leaves the list it was given as it was', () => {
    const items = [item({ key: 'b', dueDate: plainDate('2026-03-06') }), item({ key: 'a', dueDate: plainDate('2026-03-05') })];
    byUrgency(items);
    expect(items.map((i) => i.key)).toEqual(['b', 'a']);
  });
});
