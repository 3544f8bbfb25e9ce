import { describe, expect, it } from 'vitest';
import { canCompleteGateMilestone } from './can-complete-gate-milestone.js';
import { type GateStatus, gateStatuses } from './gate-status.js';

const review = { id: 'm-g1', key: 'M-5' };
const gates = (status: GateStatus) => [
  { key: 'G1', status, reviewMilestoneId: 'm-g1' },
  { key: 'G2', status: 'not_started' as const, reviewMilestoneId: 'm-g2' },
];

describe('canCompleteGateMilestone', () => {
  it.each(['passed', 'passed_with_conditions'] as const)('lets the review milestone of a %s gate be completed', (status) => {
    expect(canCompleteGateMilestone(review, gates(status))).toEqual({ ok: true, value: true });
  });

  it.each(gateStatuses.filter((s) => s !== 'passed' && s !== 'passed_with_conditions'))(
    'refuses the review milestone of a %s gate with GATE_NOT_PASSED',
    (status) => {
      const r = canCompleteGateMilestone(review, gates(status));
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'GATE_NOT_PASSED',
          message: `M-5 is the review of G1, which is ${status}: pass the gate first.`,
          fields: [{ path: 'actualDate', message: 'G1 has not passed.' }],
        },
      });
    },
  );

  it('does not hold back a milestone that reviews no gate', () => {
    expect(canCompleteGateMilestone({ id: 'm-7', key: 'M-7' }, gates('in_progress')).ok).toBe(true);
  });
});
