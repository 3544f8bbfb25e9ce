import type { EscalationView } from '../app/escalations/escalation-view.js';
import type { TriggersView } from '../app/escalations/triggers.js';
import type { Escalation } from '../contract/escalation.js';

/** An escalation as the API and the CLI's --json show it. */
export function escalationJson(v: EscalationView): Escalation {
  const e = v.escalation;
  return {
    id: e.id,
    programId: e.programId,
    programCode: v.programCode,
    key: e.key,
    triggerKind: e.triggerKind,
    conditionKey: e.conditionKey,
    subject: { kind: e.subjectKind, ref: e.subjectRef, title: e.subjectTitle, link: e.subjectLink },
    severity: e.severity,
    owner: { id: e.ownerId, name: v.ownerName, email: v.ownerEmail },
    level: e.level,
    raisedAt: e.raisedAt,
    deadlineAt: e.deadlineAt,
    status: e.status,
    isOverdue: v.isOverdue,
    outcome: e.outcome,
    decision: e.decisionId && v.decisionKey ? { id: e.decisionId, key: v.decisionKey } : null,
    action: e.actionId && v.actionKey ? { id: e.actionId, key: v.actionKey } : null,
    acknowledgedAt: e.acknowledgedAt,
    resolvedAt: e.resolvedAt,
    version: e.version,
  };
}

/** A program's triggers. */
export const triggersJson = (v: TriggersView) => ({
  programCode: v.programCode,
  items: v.triggers.map((t) => ({ ...t.setting, isDefault: t.isDefault, version: t.version })),
});
