import type { Result } from '../../domain/result.js';
import { endRisk } from '../../domain/risk.js';
import type { AppDeps } from '../deps.js';
import { loadRiskView, type RiskView } from './risk-views.js';
import { type RiskTarget, writeRiskEdit } from './risk-write.js';

export interface CloseRiskInput extends RiskTarget {
  /** Why the risk is over (it passed, the mitigation worked): required. */
  readonly reason: string | undefined;
}

/** Closes an open risk that can no longer happen; it leaves the heat map and no longer changes. */
export function closeRisk(deps: AppDeps, input: CloseRiskInput): Promise<Result<RiskView>> {
  return writeRiskEdit(
    deps,
    input,
    'risk.end',
    input.reason,
    async ({ risk }) => endRisk(risk, 'closed', input.reason),
    ({ tx, program, now }, next) => loadRiskView(tx, program, next, now),
  );
}
