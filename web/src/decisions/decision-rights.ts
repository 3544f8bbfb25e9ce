import { type Can, may } from '../lib/permissions.js';
import type { Decision } from '../lib/records-api.js';

export interface DecisionRights {
  edit: boolean;
  decide: boolean;
  supersede: boolean;
}

/**
 * What the signed-in person may do to one decision. Only its owner decides it, or changes course
 * by superseding it; a decided or superseded decision is never edited.
 */
export function decisionRights(can: Can, d: Decision, meId: string): DecisionRights {
  const isOwner = d.owner !== null && d.owner.id === meId;
  const mayDecide = isOwner && may(can, 'decision.decide', d.owner, meId);
  return {
    edit: d.status === 'open' && may(can, 'decision.edit', d.owner, meId),
    decide: d.status === 'open' && mayDecide,
    supersede: d.status === 'decided' && mayDecide,
  };
}

export const noDecisionRights: DecisionRights = { edit: false, decide: false, supersede: false };

/** Open decisions in queue order: overdue first, then by due date, undated last. */
export function queueOrder(a: Decision, b: Decision): number {
  const ad = a.dueDate ?? '9999-12-31';
  const bd = b.dueDate ?? '9999-12-31';
  return Number(b.isOverdue) - Number(a.isOverdue) || ad.localeCompare(bd) || a.key.localeCompare(b.key, 'en', { numeric: true });
}
