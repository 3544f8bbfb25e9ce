import type { Scalar } from '../domain/change.js';
import type { Edit } from '../domain/edit.js';
import type { ErrorCode } from '../domain/errors.js';
import type { UserId } from '../domain/ids.js';
import type { AuthorizedProgramId, ProgramAction } from '../domain/policy.js';
import { permit } from '../domain/policy.js';
import type { Result } from '../domain/result.js';
import { ok } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import { type AccessibleProgram, type AuthorizedProgram, findAccessibleProgram } from './get-program.js';
import type { EntityName, Reads, Store, Tx } from './ports.js';
import { abort, must } from './transact.js';
import { type WriteContext, type Written, writeSequence } from './write-sequence.js';

/** A record of a program that is edited at a version: a milestone, decision, risk or action. */
export interface Versioned {
  readonly id: string;
  readonly programId: string;
  readonly key: string;
  readonly version: number;
  readonly ownerId: UserId | null;
}

/** What the one write sequence needs to know about a kind of record. */
export interface RecordKind<R extends Versioned, V> {
  readonly entity: EntityName & ('milestone' | 'decision' | 'risk' | 'action');
  /** The refusal when the program holds no such record, e.g. RISK_NOT_FOUND, and the word for it: "risk". */
  readonly notFound: ErrorCode;
  readonly noun: string;
  find(reads: Reads, programId: AuthorizedProgramId, idOrKey: string): Promise<R | null>;
  /**
   * The record as the API shows it, read through `reads`. `committed` is the store when `reads` are
   * outside any transaction (after commit): derived figures read then may be kept for later reads.
   * `bare`: the caller ignores the figures (AppDeps.bareAnswers); a kind may then answer with less.
   */
  view(reads: Reads, program: AuthorizedProgram, record: R, now: Date, committed?: Store, bare?: boolean): Promise<V>;
  /**
   * The columns an update writes. Default: the record without its identity (id, program, key,
   * version); a kind with more fields set once at creation leaves those out too.
   */
  columns?(next: R): Readonly<Record<string, Scalar>>;
}

/** The record without its identity: what an update may change. */
function withoutIdentity<R extends Versioned>(record: R): Readonly<Record<string, Scalar>> {
  const { id: _id, programId: _p, key: _k, version: _v, ...set } = record;
  return set as Readonly<Record<string, Scalar>>;
}

/** A record someone read at `version`, named by id or key, in a program named by id or code. */
export interface RecordTarget {
  readonly programId: string;
  readonly recordId: string;
  readonly version: number;
  readonly actor: Actor;
}

/** What the domain decision and the use case's further writes see, inside the transaction. */
export type EditContext<R> = AccessibleProgram & WriteContext & { readonly record: R };

/** What was committed: the program, the record as saved, and what the use case's `after` gave. */
export interface Committed<R, A> extends AccessibleProgram {
  readonly record: R;
  readonly now: Date;
  readonly extra: A;
}

/** The program and one of its records, or the kind's NOT_FOUND (PROGRAM_NOT_FOUND for a program the actor may not see). */
export async function findRecord<R extends Versioned, V>(
  tx: Reads,
  kind: RecordKind<R, V>,
  actor: Actor,
  programId: string,
  recordId: string,
): Promise<AccessibleProgram & { readonly record: R }> {
  const found = must(await findAccessibleProgram(tx, actor, programId));
  const record = await kind.find(tx, found.access.programId, recordId.trim());
  if (!record) return abort({ code: kind.notFound, message: `No ${kind.noun} "${recordId}" in ${found.program.code}.` });
  return { ...found, record };
}

/**
 * The write sequence (app/write-sequence.ts) on a record someone read at a version: load the program
 * and the record → permit the action (the record is what an "own" grant looks at) → check the version,
 * refusing a stale one with the record's current view → the body → after commit, `view`.
 */
export function recordWrite<R extends Versioned, K, T, V>(
  deps: AppDeps,
  kind: RecordKind<R, K>,
  t: RecordTarget,
  permission: ProgramAction,
  reason: string | null | undefined,
  body: (ctx: EditContext<R>) => Promise<T>,
  view: (written: Written<AccessibleProgram & { readonly record: R }, T>) => V | Promise<V>,
): Promise<Result<V>> {
  const open = async (tx: Tx, now: Date) => {
    const loaded = await findRecord(tx, kind, t.actor, t.programId, t.recordId);
    const { program, record } = loaded;
    must(permit(loaded.access, permission, record, t.actor.id));
    if (record.version !== t.version) {
      return abort({
        code: 'VERSION_CONFLICT',
        message: `${record.key} was changed by someone else (you read version ${t.version}, it is now ${record.version}).`,
        current: await kind.view(tx, program, record, now),
      });
    }
    return loaded;
  };
  return writeSequence(deps, { actorId: t.actor.id, reason, open }, body, view);
}

/**
 * Editing a record someone read at a version, through the write sequence (`recordWrite`): decide (the
 * domain) → write it with its change-log rows under the write's stamp → `after` (the use case's further
 * writes), in one transaction that holds only that. A save that lost a race is refused with the
 * record's current view. The caller builds the answer's view after commit, from committed data
 * (`viewCommitted`).
 */
export function editRecord<R extends Versioned, V, A = undefined>(
  deps: AppDeps,
  kind: RecordKind<R, V>,
  t: RecordTarget,
  permission: ProgramAction,
  reason: string | null | undefined,
  decide: (ctx: EditContext<R>) => Promise<Result<Edit<R>>>,
  after?: (ctx: EditContext<R>, next: R) => Promise<A>,
): Promise<Result<Committed<R, A>>> {
  return recordWrite(
    deps,
    kind,
    t,
    permission,
    reason,
    async (ctx) => {
      const { tx, program, record, now, meta } = ctx;
      const edit = must(await decide(ctx));
      const saved = await tx.write({
        op: 'update',
        entity: kind.entity,
        id: edit.next.id,
        programId: program.id,
        entityKey: edit.next.key,
        expectedVersion: record.version,
        set: kind.columns ? kind.columns(edit.next) : withoutIdentity(edit.next),
        changes: edit.changes,
        meta,
      });
      if (!saved) {
        const current = await kind.find(tx, program.id, record.id);
        return abort({
          code: 'VERSION_CONFLICT',
          message: `${record.key} was changed by someone else while you saved.`,
          current: current ? await kind.view(tx, program, current, now) : undefined,
        });
      }
      const extra = (after ? await after(ctx, edit.next) : undefined) as A;
      return { record: edit.next, extra };
    },
    ({ program, access, now, value }) => ({ program, access, now, record: value.record, extra: value.extra }),
  );
}

/** The view of what was committed, read after commit (the write's locks are released by then). */
export async function viewCommitted<R extends Versioned, V, A>(
  deps: AppDeps,
  kind: RecordKind<R, V>,
  committed: Result<Committed<R, A>>,
): Promise<Result<V>> {
  if (!committed.ok) return committed;
  const { program, record, now } = committed.value;
  return ok(await kind.view(deps.store.reads, program, record, now, deps.store, deps.bareAnswers));
}
