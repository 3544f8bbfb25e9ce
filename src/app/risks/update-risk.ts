import type { Result } from '../../domain/result.js';
import { type RiskPatch, updateRisk as update } from '../../domain/risk.js';
import type { AppDeps } from '../deps.js';
import { viewCommitted } from '../edit-record.js';
import { checkOwner } from '../milestone-write.js';
import type { RiskView } from './risk-views.js';
import { type RiskTarget, riskKind, writeRiskEdit } from './risk-write.js';

export interface UpdateRiskInput extends RiskTarget {
  /** Why it changes: required, kept on every change-log row of the update. */
  readonly reason: string | undefined;
  readonly patch: RiskPatch;
}

/**
 * Updates an open risk (re-scores it, re-plans its response, hands it to another owner) with a reason.
 * The cadence owner updates any risk; others only the risks they own (risk.update).
 */
export async function updateRisk(deps: AppDeps, input: UpdateRiskInput): Promise<Result<RiskView>> {
  const committed = await writeRiskEdit(deps, input, 'risk.update', input.reason, async ({ tx, program, risk }) => {
    await checkOwner(tx, program, input.patch.ownerId);
    return update(risk, input.patch, input.reason);
  });
  return viewCommitted(deps, riskKind, committed);
}
