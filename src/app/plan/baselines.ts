import { type Baseline, checkRebaselineDecision, nextBaselineNumber, rebaselineEdits, snapshotDates } from '../../domain/baseline.js';
import { changeText } from '../../domain/change.js';
import type { Decision } from '../../domain/decision.js';
import type { AuthorizedProgramId } from '../../domain/policy.js';
import { permit } from '../../domain/policy.js';
import { ok, type Result } from '../../domain/result.js';
import { rolesOn } from '../../domain/roles.js';
import type { Actor, AppDeps } from '../deps.js';
import { type AuthorizedProgram, findAccessibleProgram } from '../get-program.js';
import type { Tx, User } from '../ports.js';
import { abort, must, transact } from '../transact.js';
import { updateRecord } from '../write-record.js';

/** A baseline with the person who took it and the decision that approved it, for display. */
export interface BaselineView {
  readonly baseline: Baseline;
  readonly takenBy: User | null;
  readonly decision: Decision | null;
}

export async function baselineViews(reads: Tx | AppDeps['store']['reads'], programId: AuthorizedProgramId): Promise<BaselineView[]> {
  const [baselines, users, decisions] = await Promise.all([
    reads.listBaselines(programId),
    reads.listUsers(),
    reads.listDecisions([programId]),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const decisionById = new Map(decisions.map((d) => [d.id, d]));
  return baselines.map((b) => ({
    baseline: b,
    takenBy: userById.get(b.takenById) ?? null,
    decision: b.decisionId ? (decisionById.get(b.decisionId) ?? null) : null,
  }));
}

/** The program's baselines, oldest first. */
export async function listBaselines(deps: AppDeps, input: { programId: string; actor: Actor }): Promise<Result<BaselineView[]>> {
  const found = await findAccessibleProgram(deps.store.reads, input.actor, input.programId);
  if (!found.ok) return found;
  return ok(await baselineViews(deps.store.reads, found.value.access.programId));
}

/** Writes a baseline snapshot of the milestones' planned dates, change-logged like every record. */
async function writeBaseline(
  deps: AppDeps,
  tx: Tx,
  program: AuthorizedProgram,
  actor: Actor,
  fields: { number: number; name: string; decisionId: string | null },
  reason: string | null,
): Promise<Baseline> {
  const milestones = await tx.listMilestones(program.id);
  const takenAt = deps.clock.now().toISOString();
  const baseline: Baseline = {
    id: deps.newId(),
    programId: program.id,
    ...fields,
    takenAt,
    takenById: actor.id,
    dates: snapshotDates(milestones),
    version: 1,
  };
  const values = {
    programId: program.id,
    number: baseline.number,
    name: baseline.name,
    decisionId: baseline.decisionId,
    takenAt,
    takenBy: actor.id,
    dates: baseline.dates,
  };
  // The snapshot itself is what the baseline is; the change log names it and its approval, and
  // holds the planned dates as the milestones' own change rows (and as the snapshot's JSON).
  await tx.write({
    op: 'insert',
    entity: 'baseline',
    id: baseline.id,
    programId: program.id,
    entityKey: `B-${baseline.number}`,
    values,
    changes: [
      { field: 'number', oldValue: null, newValue: String(baseline.number) },
      { field: 'name', oldValue: null, newValue: baseline.name },
      ...(baseline.decisionId ? [{ field: 'decisionId', oldValue: null, newValue: baseline.decisionId }] : []),
      { field: 'dates', oldValue: null, newValue: changeText(values.dates) },
    ],
    meta: { actorId: actor.id, at: takenAt, reason, correlationId: deps.newId() },
  });
  return baseline;
}

export interface ActivateProgramInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly version: number;
  readonly reason?: string | undefined;
}

/**
 * A draft program goes active and takes baseline 0 in the same transaction; an active program that
 * has no baseline yet (created before baselines existed) takes baseline 0.
 */
export function activateProgram(deps: AppDeps, input: ActivateProgramInput): Promise<Result<BaselineView>> {
  return transact(deps.store, async (tx) => {
    const { program, access } = must(await findAccessibleProgram(tx, input.actor, input.programId));
    must(permit(access, 'plan.baseline'));
    await tx.lock(`program:${program.id}`);
    if (input.version !== program.version) {
      abort({ code: 'VERSION_CONFLICT', message: `${program.code} was changed by someone else; reload and retry.` });
    }
    const existing = await tx.listBaselines(access.programId);
    if (existing.length > 0) {
      abort({
        code: 'PROGRAM_STATE',
        message: `${program.code} already has baseline 0; a new baseline is a re-baseline approved by a decision.`,
      });
    }
    if (program.status !== 'draft' && program.status !== 'active') {
      abort({
        code: 'PROGRAM_STATE',
        message: `${program.code} is ${program.status.replace('_', ' ')}; only a draft program goes active.`,
      });
    }
    if (program.status === 'draft') {
      await updateRecord(
        deps,
        tx,
        {
          entity: 'program',
          id: program.id,
          programId: program.id,
          entityKey: program.code,
          actorId: input.actor.id,
          reason: input.reason,
        },
        { status: program.status, version: program.version },
        { status: 'active' },
      );
    }
    const baseline = await writeBaseline(
      deps,
      tx,
      program,
      input.actor,
      { number: 0, name: 'Baseline 0', decisionId: null },
      input.reason?.trim() || `${program.code} goes active`,
    );
    return { baseline, takenBy: await tx.findUser(input.actor.id), decision: null };
  });
}

export interface TakeBaselineInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly name: string;
  /** Id or key (D-7) of the decision that approves the re-baseline. */
  readonly decisionId: string;
  readonly reason?: string | undefined;
}

/**
 * A named re-baseline: today's forecasts become the planned dates (each change-logged with the
 * decision named), and the new plan is kept as baseline N. Needs baseline 0 and a decision of the
 * program decided by a decision owner that approved no other baseline.
 */
export function takeBaseline(deps: AppDeps, input: TakeBaselineInput): Promise<Result<BaselineView & { readonly moved: number }>> {
  return transact(deps.store, async (tx) => {
    const { program, access } = must(await findAccessibleProgram(tx, input.actor, input.programId));
    must(permit(access, 'plan.baseline'));
    // A decision approves one baseline, and numbers follow each other: re-baselines take turns per program.
    await tx.lock(`program:${program.id}`);
    const existing = await tx.listBaselines(access.programId);
    if (existing.length === 0) {
      abort({ code: 'BASELINE_MISSING', message: `${program.code} has no baseline 0 yet; activate the program first.` });
    }
    const decision =
      (await tx.findDecision(access.programId, input.decisionId.trim())) ??
      abort({
        code: 'BASELINE_DECISION_INVALID',
        message: `No decision "${input.decisionId}" in ${program.code}.`,
        fields: [{ path: 'decisionId', message: `No decision "${input.decisionId}" in ${program.code}.` }],
      });
    const decider = decision.decidedById ? await tx.findUser(decision.decidedById) : null;
    const deciderRoles = decider ? rolesOn({ ...decider, memberships: await tx.listMemberships(decider.id) }, program) : [];
    must(checkRebaselineDecision(decision, program.id, deciderRoles.includes('decision_owner'), existing));
    const number = nextBaselineNumber(existing);
    const name = input.name.trim();
    const why = `Re-baseline ${number} "${name}", approved by ${decision.key}${input.reason?.trim() ? `: ${input.reason.trim()}` : ''}`;
    const milestones = await tx.listMilestones(access.programId);
    const edits = rebaselineEdits(milestones);
    const correlationId = deps.newId();
    const at = deps.clock.now().toISOString();
    for (const e of edits) {
      const { id, programId, key, version, ...set } = e.next;
      const saved = await tx.write({
        op: 'update',
        entity: 'milestone',
        id,
        programId,
        entityKey: key,
        expectedVersion: version - 1,
        set,
        changes: e.changes,
        meta: { actorId: input.actor.id, at, reason: why, correlationId },
      });
      if (!saved) abort({ code: 'VERSION_CONFLICT', message: `${key} was changed by someone else while re-baselining; try again.` });
    }
    const baseline = await writeBaseline(deps, tx, program, input.actor, { number, name, decisionId: decision.id }, why);
    return { baseline, takenBy: await tx.findUser(input.actor.id), decision, moved: edits.length };
  });
}
