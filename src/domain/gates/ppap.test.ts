import { describe, expect, it } from 'vitest';
import { ppapChecklist, ppapElements } from './ppap.js';
import { type PpapLevel, ppapLevels } from './template.js';

const by = (level: PpapLevel, requirement: string) =>
  ppapChecklist(level)
    .filter((i) => i.ppap?.requirement === requirement)
    .map((i) => i.ppap?.element);

describe('ppapChecklist', () => {
  it.each(ppapLevels)('level %i lists all 18 elements once, each required, the part submission warrant last', (level) => {
    const items = ppapChecklist(level);
    expect(items).toHaveLength(18);
    expect(items.map((i) => i.ppap?.element).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(new Set(items.map((i) => i.key)).size).toBe(18);
    expect(items.every((i) => i.isRequired)).toBe(true);
    const last = items.at(-1);
    expect(last).toMatchObject({ key: 'PPAP-18-PSW', title: 'Part submission warrant', dueOffsetDays: 0 });
    // The warrant is the final sign-off: nothing is due after it.
    expect(Math.max(...items.map((i) => i.dueOffsetDays))).toBe(last?.dueOffsetDays);
    expect(items.every((i) => i.description.includes(`PPAP level ${level}:`))).toBe(true);
  });

  it('level 1 submits only the warrant and the appearance approval report; everything else is retained', () => {
    expect(by(1, 'submit')).toEqual([13, 18]);
    expect(by(1, 'retain')).toHaveLength(16);
    expect(by(1, 'on_request')).toEqual([]);
  });

  it('level 2 submits the warrant with product samples and limited supporting data', () => {
    expect(by(2, 'submit')).toEqual([1, 2, 9, 10, 12, 13, 14, 18]);
    expect(by(2, 'retain')).toEqual([3, 4, 5, 6, 7, 8, 11, 15, 16, 17]);
  });

  it('level 3, the default, submits the complete supporting data; master sample and checking aids stay at the supplier', () => {
    expect(by(3, 'submit')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17, 18]);
    expect(by(3, 'retain')).toEqual([15, 16]);
  });

  it('level 1 and level 3 differ in exactly the supporting data level 3 submits', () => {
    const one = ppapChecklist(1);
    const three = ppapChecklist(3);
    const changed = one.filter((i, n) => i.ppap?.requirement !== three[n]?.ppap?.requirement).map((i) => i.title);
    expect(changed).toHaveLength(14);
    expect(changed).toContain('Dimensional results');
    expect(changed).toContain('Process FMEA');
    expect(changed).not.toContain('Part submission warrant');
    expect(one.find((i) => i.ppap?.element === 9)?.description).toContain('Retain and make available');
    expect(three.find((i) => i.ppap?.element === 9)?.description).toContain('Submit to the customer');
  });

  it('level 4 submits the warrant and leaves the rest to the customer’s request', () => {
    expect(by(4, 'submit')).toEqual([18]);
    expect(by(4, 'on_request')).toHaveLength(17);
  });

  it('level 5 retains everything for review at the supplier’s manufacturing site', () => {
    const items = ppapChecklist(5);
    expect(by(5, 'retain')).toHaveLength(18);
    expect(items.every((i) => i.ppap?.isReviewedAtSupplierSite)).toBe(true);
    expect(items[0]?.description).toContain('at the supplier’s manufacturing site');
    expect(ppapChecklist(3).some((i) => i.ppap?.isReviewedAtSupplierSite)).toBe(false);
  });

  it('exposes the table it generates from', () => {
    expect(ppapElements).toHaveLength(18);
    expect(ppapElements[17]).toEqual({
      element: 18,
      title: 'Part submission warrant',
      requirements: ['submit', 'submit', 'submit', 'submit', 'retain'],
    });
  });
});
