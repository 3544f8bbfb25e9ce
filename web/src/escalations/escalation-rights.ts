import { type Can, may } from '../lib/permissions.js';
import type { Escalation } from './escalations-api.js';

export interface EscalationRights {
  acknowledge: boolean;
  resolve: boolean;
  reassign: boolean;
}

/**
 * What the signed-in person may do to one escalation: acknowledge and resolve as `escalation.respond`
 * allows (own: only while they are its current action owner), reassign as `escalation.reassign` allows
 * (the cadence owner); nothing once resolved, and an acknowledged one is not acknowledged again.
 */
export function escalationRights(can: Can, e: Escalation, meId: string): EscalationRights {
  if (e.status === 'resolved') return noEscalationRights;
  const responds = may(can, 'escalation.respond', e.owner, meId);
  return {
    acknowledge: responds && e.status !== 'acknowledged',
    resolve: responds,
    reassign: may(can, 'escalation.reassign', e.owner, meId),
  };
}

export const noEscalationRights: EscalationRights = { acknowledge: false, resolve: false, reassign: false };

/** Overdue first, then by deadline (soonest first); resolved last, newest resolved first. */
export function escalationOrder(a: Escalation, b: Escalation): number {
  const rank = (x: Escalation) => (x.status === 'resolved' ? 2 : x.isOverdue ? 0 : 1);
  const byDeadline = rank(a) === 2 ? (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? '') : a.deadlineAt.localeCompare(b.deadlineAt);
  return rank(a) - rank(b) || byDeadline || a.key.localeCompare(b.key, 'en', { numeric: true });
}
