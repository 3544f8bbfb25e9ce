import type { Edit } from '../../domain/edit.js';
import { type AuthorizedProgramId, type ProgramAccess, type ProgramAction, permit } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { Result } from '../../domain/result.js';
import type { Risk } from '../../domain/risk.js';
import type { Actor, AppDeps } from '../deps.js';
import { type AuthorizedProgram, findAccessibleProgram } from '../get-program.js';
import type { Tx, WriteMeta } from '../ports.js';
import { abort, must, transact } from '../transact.js';
import { loadRiskView } from './risk-views.js';

export interface RiskTarget {
  readonly programId: string;
  /** Id or key. */
  readonly riskId: string;
  /** The version the caller read; a later one refuses the write with VERSION_CONFLICT. */
  readonly version: number;
  readonly actor: Actor;
}

export interface LoadedRisk {
  readonly program: AuthorizedProgram;
  readonly access: ProgramAccess;
  readonly risk: Risk;
}

/** The program and one of its risks, or RISK_NOT_FOUND (PROGRAM_NOT_FOUND for a program the actor may not see). */
export async function findRisk(tx: Tx, actor: Actor, programId: string, riskId: string): Promise<LoadedRisk> {
  const { program, access } = must(await findAccessibleProgram(tx, actor, programId));
  const risk = await tx.findRisk(access.programId, riskId);
  if (!risk) return abort({ code: 'RISK_NOT_FOUND', message: `No risk "${riskId}" in ${program.code}.` });
  return { program, access, risk };
}

export interface RiskEditContext extends LoadedRisk {
  readonly tx: Tx;
  readonly now: Date;
  /** Stamps every write of this use case: one actor, instant, reason and correlation id. */
  readonly meta: WriteMeta;
}

/**
 * Applies a domain edit to a risk the caller read at `version`, within one transaction: loads it,
 * checks the permission (the risk is the item an "own" grant looks at), refuses a stale version with
 * the current state, saves the edit with its change-log rows, then runs `after` (further writes in
 * the same transaction, e.g. the action a realized risk opens) and returns what it gives.
 */
export function writeRiskEdit<T>(
  deps: AppDeps,
  t: RiskTarget,
  action: ProgramAction,
  reason: string | null | undefined,
  decide: (ctx: RiskEditContext) => Promise<Result<Edit<Risk>>>,
  after: (ctx: RiskEditContext, next: Risk) => Promise<T>,
): Promise<Result<T>> {
  return transact(deps.store, async (tx) => {
    const now = deps.clock.now();
    const loaded = await findRisk(tx, t.actor, t.programId, t.riskId);
    const { program, access, risk } = loaded;
    must(permit(access, action, risk, t.actor.id));
    if (risk.version !== t.version) {
      return abort({
        code: 'VERSION_CONFLICT',
        message: `${risk.key} was changed by someone else (you read version ${t.version}, it is now ${risk.version}).`,
        current: await loadRiskView(tx, program, risk, now),
      });
    }
    const meta: WriteMeta = { actorId: t.actor.id, at: now.toISOString(), reason: reason?.trim() || null, correlationId: deps.newId() };
    const ctx: RiskEditContext = { ...loaded, tx, now, meta };
    const edit = must(await decide(ctx));
    const { id, programId: _p, key, version, ...set } = edit.next;
    const saved = await tx.write({
      op: 'update',
      entity: 'risk',
      id,
      programId: program.id,
      entityKey: key,
      expectedVersion: version - 1,
      set,
      changes: edit.changes,
      meta,
    });
    if (!saved) {
      const current = await tx.findRisk(program.id, risk.id);
      return abort({
        code: 'VERSION_CONFLICT',
        message: `${risk.key} was changed by someone else while you saved.`,
        current: current ? await loadRiskView(tx, program, current, now) : undefined,
      });
    }
    return after(ctx, edit.next);
  });
}
