import type { DecisionView } from '../app/decisions/decision-view.js';
import type { SupersessionView } from '../app/decisions/supersede-decision.js';
import type { Decision } from '../contract/decision.js';
import { personRef } from './api-json.js';

/** A decision as the API's JSON (contract/decision.ts), shared by http/ and the CLI's --json. */
export function decisionJson(v: DecisionView): Decision {
  const d = v.decision;
  return {
    id: d.id,
    programId: d.programId,
    programCode: v.program.code,
    key: d.key,
    statement: d.statement,
    context: d.context,
    options: d.options,
    owner: personRef(v.owner),
    requestedBy: personRef(v.requestedBy),
    dueDate: d.dueDate,
    isOverdue: v.isOverdue,
    flags: [...v.flags],
    status: d.status,
    outcome: d.outcome,
    rationale: d.rationale,
    expectedImpact: d.expectedImpact,
    decidedAt: d.decidedAt,
    decidedBy: personRef(v.decidedBy),
    supersedes: v.supersedes,
    supersededBy: v.supersededBy,
    links: v.links.map((l) => ({ entity: l.entity, id: l.id, key: l.key, title: l.title })),
    version: d.version,
  };
}

export const supersessionJson = (v: SupersessionView) => ({ replaced: decisionJson(v.replaced), replacement: decisionJson(v.replacement) });
