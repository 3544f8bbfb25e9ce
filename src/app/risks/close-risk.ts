import type { Result } from '../../domain/result.js';
import { endRisk } from '../../domain/risk.js';
import type { AppDeps } from '../deps.js';
import { viewCommitted } from '../edit-record.js';
import type { RiskView } from './risk-views.js';
import { type RiskTarget, riskKind, writeRiskEdit } from './risk-write.js';

export interface CloseRiskInput extends RiskTarget {
  /** Why the risk is over (it passed, the mitigation worked): required. */
  readonly reason: string | undefined;
}

/** Closes an open risk that can no longer happen; it leaves the heat map and no longer changes. */
export async function closeRisk(deps: AppDeps, input: CloseRiskInput): Promise<Result<RiskView>> {
  const committed = await writeRiskEdit(deps, input, 'risk.end', input.reason, async ({ risk }) => endRisk(risk, 'closed', input.reason));
  return viewCommitted(deps, riskKind, committed);
}
