import { ok, type Result } from '../../domain/result.js';
import { type ScorePoint, scoreHistory } from '../../domain/risk-history.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import type { User } from '../ports.js';
import { byId } from '../views.js';
import { loadRiskView, type RiskView } from './risk-views.js';

export interface RiskDetailView {
  readonly view: RiskView;
  /** Every scoring, oldest first, read from the change log. */
  readonly scoreHistory: readonly (ScorePoint & { readonly actor: User | null })[];
}

/** Enough for any one risk's history: the change log keeps a few rows per update. */
const historyLimit = 100_000;

/** One risk with its linked actions and its score history (likelihood, impact and residual over time). */
export async function getRisk(deps: AppDeps, input: { programId: string; riskId: string; actor: Actor }): Promise<Result<RiskDetailView>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const risk = await r.findRisk(access.programId, input.riskId);
  if (!risk) return { ok: false, error: { code: 'RISK_NOT_FOUND', message: `No risk "${input.riskId}" in ${program.code}.` } };
  const [view, rows, users] = await Promise.all([
    loadRiskView(r, program, risk, deps.clock.now()),
    r.listChanges(access.programId, { entity: 'risk', entityId: risk.id, ascending: true, limit: historyLimit }),
    r.listUsers(),
  ]);
  const userById = byId(users);
  return ok({ view, scoreHistory: scoreHistory(rows).map((p) => ({ ...p, actor: userById.get(p.actorId) ?? null })) });
}
