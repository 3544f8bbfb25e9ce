import { describe, expect, it } from 'vitest';
import { asUserId } from '../ids.js';
import type { Result } from '../result.js';
import type { Gate } from './gate.js';
import { recordRecommendation } from './record-recommendation.js';

const quality = asUserId('u-quality');
const cadence = asUserId('u-cadence');
const stranger = asUserId('u-stranger');
const at = '2026-03-26T08:00:00.000Z';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function refusal<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const gate: Gate = {
  id: 'g-1',
  programId: 'p-1',
  key: 'G1',
  name: 'Pre-production readiness',
  closeCriteria: 'Ready for the pilot run.',
  ownerId: cadence,
  decidedBy: 'decision_owner',
  gatekeeperIds: [quality, cadence],
  reviewMilestoneId: 'm-1',
  warningDays: 10,
  status: 'ready_for_review',
  recommendations: [],
  decision: null,
  version: 1,
};

describe('recordRecommendation', () => {
  it('records one recommendation per gatekeeper, a later one replacing the earlier', () => {
    const first = value(recordRecommendation(gate, quality, 'hold', ' Drop test pending ', at)).next;
    const second = value(recordRecommendation(first, cadence, 'go', '', at)).next;
    const changed = value(recordRecommendation(second, quality, 'go', 'Drop test passed', '2026-03-27T08:00:00.000Z'));
    expect(changed.next.recommendations).toEqual([
      { gatekeeperId: cadence, recommendation: 'go', comment: '', at },
      { gatekeeperId: quality, recommendation: 'go', comment: 'Drop test passed', at: '2026-03-27T08:00:00.000Z' },
    ]);
    expect(changed.next.version).toBe(4);
    expect(changed.changes.map((c) => c.field)).toEqual(['recommendations']);
    expect(first.recommendations[0]?.comment).toBe('Drop test pending');
  });

  it('refuses anyone not named as a gatekeeper with GATE_ROLE_REQUIRED', () => {
    expect(refusal(recordRecommendation(gate, stranger, 'go', '', at)).code).toBe('GATE_ROLE_REQUIRED');
  });

  it.each(['conditional_go', 'hold', 'recycle', 'stop'] as const)('refuses a %s recommendation without a reason', (r) => {
    expect(refusal(recordRecommendation(gate, quality, r, ' ', at))).toMatchObject({
      code: 'REASON_REQUIRED',
      fields: [{ path: 'comment' }],
    });
  });

  it.each(['passed', 'passed_with_conditions', 'stopped'] as const)('refuses a recommendation for a %s gate with GATE_STATE', (status) => {
    expect(refusal(recordRecommendation({ ...gate, status }, quality, 'go', '', at)).code).toBe('GATE_STATE');
  });

  it('refuses a comment that is too long or holds control characters', () => {
    expect(refusal(recordRecommendation(gate, quality, 'go', 'x'.repeat(5001), at)).code).toBe('VALIDATION_FAILED');
    expect(refusal(recordRecommendation(gate, quality, 'go', 'a\u0000b', at)).fields?.[0]?.path).toBe('comment');
  });
});
