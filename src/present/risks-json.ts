import type { RiskDetailView } from '../app/risks/get-risk.js';
import type { RiskRegisterView } from '../app/risks/list-risks.js';
import type { RealizedRisk, ResponseActionView } from '../app/risks/realize-risk.js';
import type { RiskChangeView } from '../app/risks/risk-changes.js';
import type { RiskView } from '../app/risks/risk-views.js';
import type { Action } from '../contract/action.js';
import type { RealizedRisk as RealizedRiskJson, Risk, RiskChange, RiskDetail, RiskRegister } from '../contract/risk.js';
import { riskBand, riskScore } from '../domain/risk.js';
import { personRef } from './api-json.js';

// The risk register's JSON shapes (src/contract/risk.ts), shared by http/ and cli/ (--json).

export function riskJson(v: RiskView): Risk {
  const r = v.risk;
  const score = riskScore(r.likelihood, r.impact);
  return {
    id: r.id,
    programId: r.programId,
    programCode: v.program.code,
    key: r.key,
    title: r.title,
    description: r.description,
    owner: personRef(v.owner),
    category: r.category,
    likelihood: r.likelihood,
    impact: r.impact,
    score,
    band: riskBand(score),
    earlyWarning: r.earlyWarning,
    strategy: r.strategy,
    mitigation: r.mitigation,
    residualLikelihood: r.residualLikelihood,
    residualImpact: r.residualImpact,
    residualScore: r.residualLikelihood !== null && r.residualImpact !== null ? riskScore(r.residualLikelihood, r.residualImpact) : null,
    reviewDate: r.reviewDate,
    isReviewDue: v.isReviewDue,
    flags: [...v.flags],
    status: r.status,
    actions: v.actions.map((a) => ({ id: a.id, key: a.key, title: a.title, status: a.status })),
    version: r.version,
  };
}

export const riskRegisterJson = (v: RiskRegisterView): RiskRegister => ({
  items: v.items.map(riskJson),
  heatMap: {
    current: v.heatMap.current.map((c) => ({ ...c, keys: [...c.keys] })),
    residual: v.heatMap.residual.map((c) => ({ ...c, keys: [...c.keys] })),
  },
});

export const riskDetailJson = (v: RiskDetailView): RiskDetail => ({
  risk: riskJson(v.view),
  scoreHistory: v.scoreHistory.map((p) => ({
    at: p.at,
    by: p.actor?.name ?? null,
    likelihood: p.likelihood,
    impact: p.impact,
    score: p.score,
    residualScore: p.residualScore,
    reason: p.reason,
  })),
});

export const riskChangeJson = (v: RiskChangeView): RiskChange => ({
  kind: v.event.kind,
  at: v.event.at,
  risk: { id: v.event.riskId, key: v.event.key, title: v.event.title },
  by: v.actor?.name ?? null,
  from: v.event.from,
  to: v.event.to,
  reason: v.event.reason,
});

/** The action a realized risk opened, in the API's Action shape. */
function responseActionJson(v: ResponseActionView, risk: RiskView): Action {
  const a = v.action;
  return {
    id: a.id,
    programId: a.programId,
    programCode: risk.program.code,
    key: a.key,
    title: a.title,
    description: a.description,
    owner: personRef(v.owner),
    dueDate: a.dueDate,
    originalDueDate: a.originalDueDate,
    severity: a.severity,
    // A response opened from a risk blocks no milestone until someone links one.
    blocks: null,
    risk: { id: risk.risk.id, key: risk.risk.key, title: risk.risk.title },
    status: a.status,
    isOverdue: v.isOverdue,
    doneNote: a.doneNote,
    doneAt: a.doneAt,
    doneBy: null,
    confirmedBy: null,
    confirmedAt: a.confirmedAt,
    checkDate: a.checkDate,
    checkResult: a.checkResult,
    version: a.version,
  };
}

export const realizedRiskJson = (v: RealizedRisk): RealizedRiskJson => ({
  risk: riskJson(v.risk),
  action: responseActionJson(v.response, v.risk),
});
