import type { Edit } from '../../domain/edit.js';
import type { ProgramAction } from '../../domain/policy.js';
import type { Result } from '../../domain/result.js';
import type { Risk } from '../../domain/risk.js';
import type { Actor, AppDeps } from '../deps.js';
import { type Committed, type EditContext, editRecord, findRecord, type RecordKind } from '../edit-record.js';
import type { AccessibleProgram } from '../get-program.js';
import type { Tx } from '../ports.js';
import { loadRiskView, type RiskView } from './risk-views.js';

export interface RiskTarget {
  readonly programId: string;
  /** Id or key. */
  readonly riskId: string;
  /** The version the caller read; a later one refuses the write with VERSION_CONFLICT. */
  readonly version: number;
  readonly actor: Actor;
}

/** Risks in the one write sequence (app/edit-record.ts). */
export const riskKind: RecordKind<Risk, RiskView> = {
  entity: 'risk',
  notFound: 'RISK_NOT_FOUND',
  noun: 'risk',
  find: (reads, programId, idOrKey) => reads.findRisk(programId, idOrKey),
  view: loadRiskView,
};

export interface LoadedRisk extends AccessibleProgram {
  readonly risk: Risk;
}

/** The program and one of its risks, or RISK_NOT_FOUND (PROGRAM_NOT_FOUND for a program the actor may not see). */
export async function findRisk(tx: Tx, actor: Actor, programId: string, riskId: string): Promise<LoadedRisk> {
  const { record, ...found } = await findRecord(tx, riskKind, actor, programId, riskId);
  return { ...found, risk: record };
}

/** The edit context with the risk under its own name. */
export type RiskEditContext = EditContext<Risk> & { readonly risk: Risk };

/**
 * Applies a domain edit to a risk the caller read at `version` through the one write sequence
 * (app/edit-record.ts); `after` makes the use case's further writes in the same transaction (e.g. the
 * action a realized risk opens). The caller builds its answer after commit.
 */
export function writeRiskEdit<A = undefined>(
  deps: AppDeps,
  t: RiskTarget,
  action: ProgramAction,
  reason: string | null | undefined,
  decide: (ctx: RiskEditContext) => Promise<Result<Edit<Risk>>>,
  after?: (ctx: RiskEditContext, next: Risk) => Promise<A>,
): Promise<Result<Committed<Risk, A>>> {
  const named = (ctx: EditContext<Risk>): RiskEditContext => ({ ...ctx, risk: ctx.record });
  return editRecord(
    deps,
    riskKind,
    { programId: t.programId, recordId: t.riskId, version: t.version, actor: t.actor },
    action,
    reason,
    (ctx) => decide(named(ctx)),
    after ? (ctx, next) => after(named(ctx), next) : undefined,
  );
}
