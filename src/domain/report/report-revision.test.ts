import { describe, expect, it } from 'vitest';
import { historyInput } from '../../../test/support/weekly-report-history.js';
import { assembleWeeklyReport } from './assemble-weekly-report.js';
import { differencesMax, revisionChanges } from './report-revision.js';

describe('revisionChanges: what a correction changed against the revision before', () => {
  const first = assembleWeeklyReport(historyInput());

  it('names nothing when nothing changed', () => {
    expect(revisionChanges(first, assembleWeeklyReport(historyInput()), 1)).toEqual({ revision: 1, differences: [], more: 0 });
  });

  it('names each changed value by its path, list entries by their key, and entries that came or went whole', () => {
    const second = {
      ...first,
      narrative: 'Pilot moved a week.',
      milestoneMovement: {
        ...first.milestoneMovement,
        moved: first.milestoneMovement.moved.map((m) => (m.key === 'M-3' ? { ...m, to: '2026-12-14' } : m)).filter((m) => m.key !== 'M-4'),
      },
    };
    const c = revisionChanges(first, second, 1);
    const m4 = first.milestoneMovement.moved.find((m) => m.key === 'M-4');
    expect(c.differences).toEqual([
      { path: 'milestoneMovement.moved[M-4 forecastDate]', from: m4, to: null },
      { path: 'milestoneMovement.moved[M-3 forecastDate].to', from: '2026-12-11', to: '2026-12-14' },
      { path: 'narrative', from: first.narrative, to: 'Pilot moved a week.' },
    ]);
  });

  it(`lists at most ${differencesMax} and counts the rest`, () => {
    const a = { xs: Array.from({ length: differencesMax + 5 }, (_, i) => i) };
    const b = { xs: a.xs.map((x) => x + 1) };
    const c = revisionChanges(a, b, 2);
    expect([c.differences.length, c.more, c.differences[0]]).toEqual([differencesMax, 5, { path: 'xs[0]', from: 0, to: 1 }]);
  });
});
