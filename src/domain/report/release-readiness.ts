import { missingRequiredItems } from '../gates/checklist-item.js';
import { gateOrder } from '../gates/gate.js';
import { isGatePassed } from '../gates/gate-status.js';
import { highRiskScore, isRiskOpen, riskScore } from '../risk.js';
import type { ReportContext } from './report-context.js';
import type { ReportGate } from './report-input.js';
import { byKey, compareInstants } from './report-order.js';
import type { Blockers, ReadinessLevel, ReadinessReason, ReleaseReadiness } from './weekly-report.js';

const rank: Record<ReadinessLevel, number> = { green: 0, amber: 1, red: 2 };

function releaseGate(ctx: ReportContext): ReportGate | undefined {
  const { gates } = ctx.input.end;
  const wanted = ctx.input.releaseGateKey;
  if (wanted !== undefined) return gates.find((g) => g.gate.key === wanted);
  return [...gates].sort((a, b) => gateOrder(b.gate.key) - gateOrder(a.gate.key))[0];
}

/**
 * Release readiness, from objective criteria only; every reason found is listed, and the signal is the
 * worst of them (green when there is none):
 * red — the latest inspection verdict of anything inspected is a reject; an open (or mitigating) risk
 *       scores 15 or more (the red cells of the 5×5 map); an open escalation is past its deadline; an
 *       open blocking action is overdue; a decision the release waits on is open past its due date;
 * amber — the release gate (the one named, else the last) has required checklist items not yet
 *       accepted or waived, or the program has no release gate; an open escalation, an open blocking
 *       action or a pending release decision, none of them overdue.
 */
export function releaseReadiness(ctx: ReportContext, open: Blockers): ReleaseReadiness {
  const { input, today, asOf } = ctx;
  const reasons: ReadinessReason[] = [];
  const gate = releaseGate(ctx);
  if (!gate) reasons.push({ kind: 'release_gate_missing', level: 'amber' });
  else if (!isGatePassed(gate.gate.status)) {
    const missing = missingRequiredItems([...gate.items]).map((i) => i.key);
    if (missing.length > 0)
      reasons.push({ kind: 'release_checklist_incomplete', level: 'amber', gateKey: gate.gate.key, itemKeys: [...missing].sort() });
  }
  const latest = new Map<string, (typeof input.inspections)[number]>();
  for (const i of input.inspections) {
    if (compareInstants(i.at, asOf) >= 0) continue;
    const seen = latest.get(i.subject);
    if (!seen || compareInstants(i.at, seen.at) > 0 || (compareInstants(i.at, seen.at) === 0 && i.key > seen.key)) latest.set(i.subject, i);
  }
  for (const i of [...latest.values()].sort(byKey))
    if (i.verdict === 'reject') reasons.push({ kind: 'inspection_rejected', level: 'red', key: i.key, subject: i.subject });
  for (const r of [...input.end.risks].sort(byKey)) {
    const score = riskScore(r.likelihood, r.impact);
    if (isRiskOpen(r) && score >= highRiskScore) reasons.push({ kind: 'critical_risk_open', level: 'red', key: r.key, score });
  }
  for (const e of [...open.escalations].sort(byKey))
    reasons.push({ kind: 'escalation_open', level: e.isOverdue ? 'red' : 'amber', key: e.key, isOverdue: e.isOverdue });
  for (const a of [...open.actions].sort(byKey))
    reasons.push({ kind: 'blocking_action_open', level: a.isOverdue ? 'red' : 'amber', key: a.key, isOverdue: a.isOverdue });
  const releaseIds = new Set(input.releaseDecisionIds);
  for (const d of input.end.decisions.filter((x) => x.status === 'open' && releaseIds.has(x.id)).sort(byKey)) {
    const isOverdue = d.dueDate !== null && d.dueDate < today;
    reasons.push({ kind: 'release_decision_pending', level: isOverdue ? 'red' : 'amber', key: d.key, isOverdue });
  }
  const level = reasons.reduce<ReadinessLevel>((worst, r) => (rank[r.level] > rank[worst] ? r.level : worst), 'green');
  return { level, reasons };
}
