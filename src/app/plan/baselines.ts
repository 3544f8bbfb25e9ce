import { type Baseline, checkRebaselineDecision, nextBaselineNumber, rebaselineEdits, snapshotDates } from '../../domain/baseline.js';
import { changeText } from '../../domain/change.js';
import { checkCharterForActivation } from '../../domain/charter.js';
import type { Decision } from '../../domain/decision.js';
import type { AuthorizedProgramId } from '../../domain/policy.js';
import { ok, type Result } from '../../domain/result.js';
import { rolesOn } from '../../domain/roles.js';
import { charterGateKeys } from '../charter/get-charter.js';
import type { Actor, AppDeps } from '../deps.js';
import { type AuthorizedProgram, findAccessibleProgram } from '../get-program.js';
import type { Tx, User, WriteMeta } from '../ports.js';
import { abort, must } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { programWrite } from '../write-sequence.js';
import { writeMilestoneEdits } from './schedule.js';

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
  fields: { number: number; name: string; decisionId: string | null },
  meta: WriteMeta,
): Promise<Baseline> {
  const milestones = await tx.listMilestones(program.id);
  const baseline: Baseline = {
    id: deps.newId(),
    programId: program.id,
    ...fields,
    takenAt: meta.at,
    takenById: meta.actorId,
    dates: snapshotDates(milestones),
    version: 1,
  };
  const values = {
    programId: program.id,
    number: baseline.number,
    name: baseline.name,
    decisionId: baseline.decisionId,
    takenAt: baseline.takenAt,
    takenBy: baseline.takenById,
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
    meta,
  });
  return baseline;
}

/** A baseline just taken, named with who took it (read after commit) and the decision that approved it. */
async function takenView(deps: AppDeps, baseline: Baseline, decision: Decision | null): Promise<BaselineView> {
  return { baseline, takenBy: await deps.store.reads.findUser(baseline.takenById), decision };
}

export interface ActivateProgramInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly version: number;
  readonly reason?: string | undefined;
}

/**
 * A draft program goes active and takes baseline 0 in the same transaction; an active program that
 * has no baseline yet (created before baselines existed) takes baseline 0. Either is activation, and
 * needs a complete kickoff charter: the refusal names every part still missing, and nothing is written.
 */
export function activateProgram(deps: AppDeps, input: ActivateProgramInput): Promise<Result<BaselineView>> {
  const target = {
    programId: input.programId,
    actor: input.actor,
    permission: 'plan.baseline',
    locksProgram: true,
    version: input.version,
    reason: input.reason,
  } as const;
  return programWrite(
    deps,
    target,
    async ({ tx, program, meta, metaForAnother }) => {
      const existing = await tx.listBaselines(program.id);
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
      // Read under the program's lock, so the charter cannot change between this check and the commit.
      const charter = await tx.findCharter(program.id);
      must(checkCharterForActivation(charter?.charter ?? null, charterGateKeys(program)));
      if (program.status === 'draft') {
        await updateRecord(
          deps,
          tx,
          { entity: 'program', id: program.id, programId: program.id, entityKey: program.code, meta },
          { status: program.status, version: program.version },
          { status: 'active' },
        );
      }
      const fields = { number: 0, name: 'Baseline 0', decisionId: null };
      return writeBaseline(deps, tx, program, fields, metaForAnother(meta.reason ?? `${program.code} goes active`));
    },
    ({ value }) => takenView(deps, value, null),
  );
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
  // A decision approves one baseline, and numbers follow each other: re-baselines take turns per program.
  const target = { programId: input.programId, actor: input.actor, permission: 'plan.baseline', locksProgram: true } as const;
  return programWrite(
    deps,
    target,
    async ({ tx, program, meta, metaForAnother }) => {
      const existing = await tx.listBaselines(program.id);
      if (existing.length === 0) {
        abort({ code: 'BASELINE_MISSING', message: `${program.code} has no baseline 0 yet; activate the program first.` });
      }
      const decision =
        (await tx.findDecision(program.id, input.decisionId.trim())) ??
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
      const edits = rebaselineEdits(await tx.listMilestones(program.id));
      // Every milestone's new plan under the write's correlation id; the baseline is a record of its own.
      await writeMilestoneEdits(
        tx,
        edits.map((e) => ({ ...e, reason: why })),
        meta,
        (key) => `${key} was changed by someone else while re-baselining; try again.`,
      );
      const baseline = await writeBaseline(deps, tx, program, { number, name, decisionId: decision.id }, metaForAnother(why));
      return { baseline, decision, moved: edits.length };
    },
    async ({ value: { baseline, decision, moved } }) => ({ ...(await takenView(deps, baseline, decision)), moved }),
  );
}
