import { ok, type Result } from '../../domain/result.js';
import { type HeatCell, heatMap, isRiskOpen, riskScore } from '../../domain/risk.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { byId, programToday } from '../views.js';
import { byKey, type RiskView, riskView } from './risk-views.js';

export interface RiskRegisterView {
  /** Live risks first, highest score first; then closed and realized ones, by key. */
  readonly items: readonly RiskView[];
  /** The 5×5 maps of the live risks: by current score, and by residual score (current where none is set). */
  readonly heatMap: { readonly current: readonly HeatCell[]; readonly residual: readonly HeatCell[] };
}

const registerOrder = (a: RiskView, b: RiskView) => {
  const live = Number(isRiskOpen(b.risk)) - Number(isRiskOpen(a.risk));
  if (live !== 0) return live;
  const score = isRiskOpen(a.risk) ? riskScore(b.risk.likelihood, b.risk.impact) - riskScore(a.risk.likelihood, a.risk.impact) : 0;
  return score !== 0 ? score : byKey(a.risk, b.risk);
};

/** A program's risk register with its heat maps. */
export async function listRisks(deps: AppDeps, input: { programId: string; actor: Actor }): Promise<Result<RiskRegisterView>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const [risks, users, actions] = await Promise.all([r.listRisks([access.programId]), r.listUsers(), r.listActions([access.programId])]);
  const today = programToday(program, deps.clock.now());
  const userById = byId(users);
  const items = risks.map((risk) => riskView(program, risk, today, userById, actions)).sort(registerOrder);
  const byKeyOrder = [...risks].sort(byKey);
  return ok({ items, heatMap: { current: heatMap(byKeyOrder, 'current'), residual: heatMap(byKeyOrder, 'residual') } });
}
