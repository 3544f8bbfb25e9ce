import type { UserId } from '../domain/ids.js';
import { type AdminAction, type ProgramAction, permit, permitAdmin } from '../domain/policy.js';
import { ok, type Result } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import { type AccessibleProgram, findAccessibleProgram } from './get-program.js';
import type { LockScope, Tx, WriteMeta } from './ports.js';
import { abort, must, transact } from './transact.js';

/** What a write's body sees inside its transaction. */
export interface WriteContext {
  readonly tx: Tx;
  /** The write's instant, read once from the clock port. */
  readonly now: Date;
  /** The write's stamp: actor, instant, reason (trimmed; blank is none) and correlation id. */
  readonly meta: WriteMeta;
  /**
   * The stamp of another record written in the same sequence: the same actor and instant, the
   * write's reason unless another is given, and a correlation id of its own (one record, one id).
   */
  metaForAnother(reason?: string | null): WriteMeta;
}

/** Who writes and why, and how the write opens: what it loads, permits, locks and checks before writing. */
export interface WriteOpening<S> {
  readonly actorId: UserId;
  readonly reason?: string | null | undefined;
  /** Refuses (aborts) before anything is written; what it returns is the body's and the view's to use. */
  open(tx: Tx, now: Date): Promise<S>;
}

/** What was committed: what the opening loaded, the write's instant and what the body returned. */
export type Written<S, T> = S & { readonly now: Date; readonly value: T };

const trimmed = (reason: string | null | undefined): string | null => reason?.trim() || null;

/**
 * The one write sequence: in one transaction, open (load → permit → lock → version check) → the body
 * (decide in the domain, write through the one write path under one stamp); after commit, the answer
 * from committed data (`view`, reading the store, not the transaction). A refusal anywhere rolls every
 * write back and is returned.
 */
export async function writeSequence<S extends object, T, V>(
  deps: AppDeps,
  opening: WriteOpening<S>,
  body: (ctx: S & WriteContext) => Promise<T>,
  view: (written: Written<S, T>) => V | Promise<V>,
): Promise<Result<V>> {
  const written = await transact(deps.store, async (tx): Promise<Written<S, T>> => {
    const now = deps.clock.now();
    const scope = await opening.open(tx, now);
    const reason = trimmed(opening.reason);
    const stamp = (r: string | null): WriteMeta => ({
      actorId: opening.actorId,
      at: now.toISOString(),
      reason: r,
      correlationId: deps.newId(),
    });
    const meta = stamp(reason);
    const value = await body({ ...scope, tx, now, meta, metaForAnother: (r) => stamp(r === undefined ? reason : trimmed(r)) });
    return { ...scope, now, value };
  });
  return written.ok ? ok(await view(written.value)) : written;
}

const bodyValue = <S, T>(written: Written<S, T>): T => written.value;

/** A write on a program: who, which permission, and what the program must be when it starts. */
export interface ProgramWriteTarget {
  /** Id or code. */
  readonly programId: string;
  readonly actor: Actor;
  readonly permission: ProgramAction;
  /** Workspace admins may do it on any program, whatever their roles there. */
  readonly orAdmin?: boolean | undefined;
  /** Takes `program:<id>` before the body reads: for rules that read the program's other rows (no cycle, baselines in turn). */
  readonly locksProgram?: boolean | undefined;
  /** The program's version the caller read; another one is refused with VERSION_CONFLICT. */
  readonly version?: number | undefined;
  readonly reason?: string | null | undefined;
}

/** The program the actor may see (PROGRAM_NOT_FOUND otherwise), permitted, locked and at the version read. */
async function openProgram(tx: Tx, t: ProgramWriteTarget): Promise<AccessibleProgram> {
  const found = must(await findAccessibleProgram(tx, t.actor, t.programId));
  const { program, access } = found;
  if (!(t.orAdmin && t.actor.isAdmin)) must(permit(access, t.permission));
  if (t.locksProgram) await tx.lock(`program:${program.id}`);
  if (t.version !== undefined && t.version !== program.version) {
    abort({ code: 'VERSION_CONFLICT', message: `${program.code} was changed by someone else; reload and retry.` });
  }
  return found;
}

/** The write sequence on one program (app/write-sequence.ts); without `view` it answers what the body returned. */
export function programWrite<T>(
  deps: AppDeps,
  target: ProgramWriteTarget,
  body: (ctx: AccessibleProgram & WriteContext) => Promise<T>,
): Promise<Result<T>>;
export function programWrite<T, V>(
  deps: AppDeps,
  target: ProgramWriteTarget,
  body: (ctx: AccessibleProgram & WriteContext) => Promise<T>,
  view: (written: Written<AccessibleProgram, T>) => V | Promise<V>,
): Promise<Result<V>>;
export function programWrite<T, V>(
  deps: AppDeps,
  target: ProgramWriteTarget,
  body: (ctx: AccessibleProgram & WriteContext) => Promise<T>,
  view?: (written: Written<AccessibleProgram, T>) => V | Promise<V>,
): Promise<Result<T | V>> {
  const opening = { actorId: target.actor.id, reason: target.reason, open: (tx: Tx) => openProgram(tx, target) };
  return writeSequence<AccessibleProgram, T, T | V>(deps, opening, body, view ?? bodyValue);
}

/** A workspace-wide write (people, roles, clients, programs): admins only. */
export interface WorkspaceWriteTarget {
  readonly actor: Actor;
  readonly permission: AdminAction;
  /** Taken before the body reads: for rules over the whole workspace (at least one admin). */
  readonly lock?: LockScope | undefined;
  readonly reason?: string | null | undefined;
}

/** The write sequence on the workspace (app/write-sequence.ts); without `view` it answers what the body returned. */
export function workspaceWrite<T>(deps: AppDeps, target: WorkspaceWriteTarget, body: (ctx: WriteContext) => Promise<T>): Promise<Result<T>>;
export function workspaceWrite<T, V>(
  deps: AppDeps,
  target: WorkspaceWriteTarget,
  body: (ctx: WriteContext) => Promise<T>,
  view: (written: Written<object, T>) => V | Promise<V>,
): Promise<Result<V>>;
export function workspaceWrite<T, V>(
  deps: AppDeps,
  target: WorkspaceWriteTarget,
  body: (ctx: WriteContext) => Promise<T>,
  view?: (written: Written<object, T>) => V | Promise<V>,
): Promise<Result<T | V>> {
  const open = async (tx: Tx): Promise<object> => {
    must(permitAdmin(target.actor, target.permission));
    if (target.lock) await tx.lock(target.lock);
    return {};
  };
  return writeSequence<object, T, T | V>(deps, { actorId: target.actor.id, reason: target.reason, open }, body, view ?? bodyValue);
}
