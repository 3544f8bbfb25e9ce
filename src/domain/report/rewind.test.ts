import { describe, expect, it } from 'vitest';
import { action, chen, dana, item, milestone, risk } from '../../../test/support/weekly-report-history.js';
import type { PlainDate } from '../plain-date.js';
import { type RewindRow, rewind } from './rewind.js';

const d = (s: string) => s as PlainDate;
const row = (
  entity: RewindRow['entity'],
  entityId: string,
  field: string,
  oldValue: string | null,
  newValue: string | null,
  at: string,
): RewindRow => ({ entity, entityId, field, oldValue, newValue, at });

describe('rewind: records as they stood at an instant, from today and the change log', () => {
  const today = [
    milestone('M-1', { name: 'Tooling sign-off', baselineDate: '2026-11-20', forecastDate: d('2026-12-11'), actualDate: d('2026-12-10') }),
    milestone('M-2', { name: 'Pilot run (renamed)', baselineDate: '2026-12-02', ownerId: chen, isCritical: true, toleranceDays: 3 }),
    milestone('M-3', { name: 'Added later', baselineDate: '2026-12-20' }),
  ];
  const rows: RewindRow[] = [
    row('milestone', 'm-M-1', 'forecastDate', '2026-11-20', '2026-11-27', '2026-11-25T08:00:00.000Z'),
    row('milestone', 'm-M-1', 'forecastDate', '2026-11-27', '2026-12-04', '2026-12-01T08:00:00.000Z'),
    row('milestone', 'm-M-2', 'name', 'Pilot run', 'Pilot run (renamed)', '2026-12-01T08:00:00.000Z'),
    row('milestone', 'm-M-2', 'ownerId', dana, chen, '2026-12-01T08:00:00.000Z'),
    row('milestone', 'm-M-2', 'isCritical', 'false', 'true', '2026-12-01T08:00:00.000Z'),
    row('milestone', 'm-M-2', 'toleranceDays', null, '3', '2026-12-01T08:00:00.000Z'),
    // Another kind's row about an id that is also a milestone's: not read.
    row('risk', 'm-M-1', 'forecastDate', 'nonsense', 'x', '2026-12-02T08:00:00.000Z'),
    row('milestone', 'm-M-3', 'name', null, 'Added later', '2026-12-03T08:00:00.000Z'),
    row('milestone', 'm-M-3', 'baselineDate', null, '2026-12-20', '2026-12-03T08:00:00.000Z'),
    row('milestone', 'm-M-1', 'forecastDate', '2026-12-04', '2026-12-11', '2026-12-10T08:00:00.000Z'),
    row('milestone', 'm-M-1', 'actualDate', null, '2026-12-10', '2026-12-10T08:00:00.000Z'),
  ];

  it('undoes every row at or after the instant, newest first, and keeps the types the records hold', () => {
    const [m1, m2] = rewind('milestone', today, rows, '2026-12-01T08:00:00.000Z');
    expect(m1).toEqual({ ...today[0], forecastDate: '2026-11-27', actualDate: null });
    expect(m2).toEqual({ ...today[1], name: 'Pilot run', ownerId: dana, isCritical: false, toleranceDays: null });
  });

  it('drops the records created at or after the instant; one created before stays', () => {
    expect(rewind('milestone', today, rows, '2026-12-03T08:00:00.000Z').map((m) => m.key)).toEqual(['M-1', 'M-2']);
    expect(rewind('milestone', today, rows, '2026-12-03T08:00:00.001Z').map((m) => m.key)).toEqual(['M-1', 'M-2', 'M-3']);
  });

  it('compares instants as instants, whatever offset the text carries', () => {
    const [m1] = rewind('milestone', today, rows, '2026-12-10T16:00:00+08:00');
    expect(m1?.forecastDate).toBe('2026-12-04');
    const [later] = rewind('milestone', today, rows, '2026-12-10T16:00:00.001+08:00');
    expect(later?.forecastDate).toBe('2026-12-11');
  });

  it('rewinds risks (scores as numbers), actions and checklist items; today is untouched', () => {
    const r = risk('R-1', { likelihood: 2, impact: 5, status: 'closed' });
    const a = action('A-1', { dueDate: d('2026-12-12'), status: 'done', blocksMilestoneId: 'm-M-2' });
    const c = item('G2', 'C-1', { isRequired: false, state: 'accepted' });
    const log: RewindRow[] = [
      row('risk', 'r-R-1', 'likelihood', '4', '2', '2026-12-02T00:00:00.000Z'),
      row('risk', 'r-R-1', 'status', 'open', 'closed', '2026-12-02T00:00:00.000Z'),
      row('action', 'a-A-1', 'dueDate', '2026-12-05', '2026-12-12', '2026-12-02T00:00:00.000Z'),
      row('action', 'a-A-1', 'status', 'open', 'done', '2026-12-02T00:00:00.000Z'),
      row('action', 'a-A-1', 'blocksMilestoneId', null, 'm-M-2', '2026-12-02T00:00:00.000Z'),
      row('checklist_item', 'c-C-1', 'isRequired', 'true', 'false', '2026-12-02T00:00:00.000Z'),
      row('checklist_item', 'c-C-1', 'state', 'submitted', 'accepted', '2026-12-02T00:00:00.000Z'),
    ];
    const at = '2026-12-01T00:00:00.000Z';
    expect(rewind('risk', [r], log, at)).toEqual([{ ...r, likelihood: 4, status: 'open' }]);
    expect(rewind('action', [a], log, at)).toEqual([{ ...a, dueDate: '2026-12-05', status: 'open', blocksMilestoneId: null }]);
    expect(rewind('checklist_item', [c], log, at)).toEqual([{ ...c, isRequired: true, state: 'submitted' }]);
    expect(r.likelihood).toBe(2);
    expect(rewind('risk', [r], log, '2026-12-02T00:00:00.001Z')).toEqual([r]);
  });
});
