import { describe, expect, it } from 'vitest';
import { callHook } from '../i18n/test-render.js';
import { formatInstant } from '../lib/format.js';
import type { Baseline } from '../lib/plan-view-queries.js';
import { useBaselineLabel } from './baseline-label.js';

const label = callHook(useBaselineLabel);

const dana = { id: 'u-dana', name: 'Dana Li', email: 'dana@example.com' };
const baseline = (over: Partial<Baseline>): Baseline => ({
  id: 'b-1',
  number: 0,
  name: 'Baseline 0',
  takenAt: '2026-03-03T08:00:00.000Z',
  takenBy: dana,
  decision: null,
  milestoneCount: 12,
  ...over,
});

describe('useBaselineLabel', () => {
  it('names baseline 0 by when and by whom it was taken (the number 0 shown, not dropped)', () => {
    const text = label(baseline({}));
    expect(text).toBe(`Baseline 0 — taken ${formatInstant('2026-03-03T08:00:00.000Z')} by Dana Li`);
    expect(text).toContain('2026');
  });

  it('leaves out who took it when nobody is named (taken by the system)', () => {
    expect(label(baseline({ takenBy: null }))).toBe(`Baseline 0 — taken ${formatInstant('2026-03-03T08:00:00.000Z')}`);
  });

  it('names a re-baseline by its name and the key of the decision that approved it, not when it was taken', () => {
    const text = label(
      baseline({
        number: 2,
        name: 'Re-plan after tooling rework',
        decision: { id: 'd-5', key: 'D-5', statement: 'Accept the T2 delay' },
      }),
    );
    expect(text).toBe('Baseline 2 — Re-plan after tooling rework (D-5)');
  });
});
