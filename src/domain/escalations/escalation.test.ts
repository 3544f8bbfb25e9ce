import { describe, expect, it } from 'vitest';
import { asUserId } from '../ids.js';
import {
  acknowledgeEscalation,
  type Escalation,
  expireEscalation,
  expiryOf,
  isOverdue,
  reassignEscalation,
  resolveEscalation,
} from './escalation.js';

const dana = asUserId('u-dana');
const lee = asUserId('u-lee');
const mia = asUserId('u-mia');
const open: Escalation = {
  id: 'e1',
  programId: 'p1',
  key: 'X-1',
  triggerKind: 'missed_milestone',
  conditionKey: 'missed_milestone:M-3',
  subjectKind: 'milestone',
  subjectRef: 'M-3',
  subjectTitle: 'Pilot run',
  subjectLink: '/programs/P/plan#M-3',
  severity: 'high',
  ownerId: dana,
  level: 0,
  raisedAt: '2026-12-04T02:00:00.000Z',
  deadlineAt: '2026-12-07T10:00:00.000Z',
  status: 'open',
  outcome: null,
  decisionId: null,
  actionId: null,
  acknowledgedAt: null,
  resolvedAt: null,
  version: 1,
};

describe('an escalation’s lifecycle', () => {
  it('is acknowledged once, and then no longer overdue', () => {
    const r = acknowledgeEscalation(open, '2026-12-07T11:00:00.000Z');
    expect(r.ok && r.value.next.status).toBe('acknowledged');
    expect(r.ok && r.value.changes.map((c) => c.field).sort()).toEqual(['acknowledgedAt', 'status']);
    expect(isOverdue(open, new Date('2026-12-07T11:00:00Z'))).toBe(true);
    if (r.ok) expect(isOverdue(r.value.next, new Date('2026-12-07T11:00:00Z'))).toBe(false);
    if (r.ok) expect(acknowledgeEscalation(r.value.next, 'x').ok).toBe(false);
  });

  it('needs an outcome to resolve, and stays resolved', () => {
    const blank = resolveEscalation(open, { outcome: '  ', decisionId: null, actionId: null }, 't');
    expect(!blank.ok && blank.error.code).toBe('OUTCOME_REQUIRED');
    const long = resolveEscalation(open, { outcome: 'x'.repeat(2001), decisionId: null, actionId: null }, 't');
    expect(!long.ok && long.error.code).toBe('VALIDATION_FAILED');
    const done = resolveEscalation(open, { outcome: ' Shipped by air ', decisionId: 'd1', actionId: null }, 't');
    expect(done.ok && done.value.next).toMatchObject({ status: 'resolved', outcome: 'Shipped by air', decisionId: 'd1', resolvedAt: 't' });
    if (done.ok) {
      const again = resolveEscalation(done.value.next, { outcome: 'again', decisionId: null, actionId: null }, 't');
      expect(!again.ok && again.error.code).toBe('ESCALATION_CLOSED');
      expect(!reassignEscalation(done.value.next, lee).ok).toBe(true);
    }
  });

  it('is reassigned to another person, not to its owner', () => {
    expect(reassignEscalation(open, dana).ok).toBe(false);
    const r = reassignEscalation(open, lee);
    expect(r.ok && r.value.next.ownerId).toBe(lee);
  });

  it('climbs the escalation path level by level, skipping its owner, and stays expired at the top', () => {
    const path = [dana, lee, mia];
    // Level 0 owned by Dana, who is also first on the path: Lee at level 2.
    expect(expiryOf(open, path, true)).toEqual({ kind: 'climb', to: lee, level: 2 });
    const climbed = expireEscalation(open, { kind: 'climb', to: lee, level: 2 }, '2026-12-08T10:00:00.000Z');
    expect(climbed.next).toMatchObject({ status: 'escalated', ownerId: lee, level: 2, deadlineAt: '2026-12-08T10:00:00.000Z' });
    expect(expiryOf(climbed.next, path, true)).toEqual({ kind: 'climb', to: mia, level: 3 });
    const top = { ...climbed.next, ownerId: mia, level: 3 };
    expect(expiryOf(top, path, true)).toEqual({ kind: 'stay' });
    expect(expireEscalation(top, { kind: 'stay' }, null).next.status).toBe('expired');
    expect(isOverdue({ ...top, status: 'expired' }, new Date(0))).toBe(true);
    // A trigger that does not climb, or an empty path: it stays expired.
    expect(expiryOf(open, path, false)).toEqual({ kind: 'stay' });
    expect(expiryOf(open, [], true)).toEqual({ kind: 'stay' });
  });
});
