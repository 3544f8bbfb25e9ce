import { diffFields, type FieldChange } from '../domain/change.js';
import type { ProgramId, UserId } from '../domain/ids.js';
import type { AppDeps } from './deps.js';
import type { Columns, EntityName, Insert, Tx, Write, WriteMeta } from './ports.js';
import { abort } from './transact.js';

/**
 * Who writes and why: the stamp of a write sequence (app/write-sequence.ts), or an actor and reason
 * stamped here, at the clock's instant, under a correlation id of the record's own.
 */
export type Stamp = { readonly meta: WriteMeta } | { readonly actorId: UserId; readonly reason?: string | null | undefined };

type RecordTarget<E extends EntityName = EntityName> = Stamp & {
  readonly entity: E;
  readonly id: string;
  readonly programId: ProgramId | null;
  readonly entityKey?: string | null;
  /** Fields whose value must never reach the change log (hashes); it records only that they changed. */
  readonly secret?: readonly string[];
};

const redacted = (changes: FieldChange[], secret: readonly string[] = []): FieldChange[] =>
  changes.map((c) =>
    secret.includes(c.field)
      ? { field: c.field, oldValue: c.oldValue === null ? null : 'set', newValue: c.newValue === null ? null : 'set' }
      : c,
  );

const meta = (deps: AppDeps, t: Stamp): WriteMeta =>
  'meta' in t
    ? t.meta
    : { actorId: t.actorId, at: deps.clock.now().toISOString(), reason: t.reason?.trim() || null, correlationId: deps.newId() };

/** The insert of a record with each of its fields logged as set, for the one write path (Tx.write, Tx.writeInserts). */
export function insertOf<E extends EntityName>(t: RecordTarget<E> & { readonly meta: WriteMeta }, values: Readonly<Columns[E]>): Insert {
  return {
    op: 'insert',
    entity: t.entity,
    id: t.id,
    programId: t.programId,
    entityKey: t.entityKey ?? null,
    values,
    changes: redacted(diffFields(null, values, Object.keys(values) as (keyof Columns[E] & string)[]), t.secret),
    meta: t.meta,
  } as Insert;
}

/** Inserts a record and logs each of its fields as set, through the one write path. */
export async function insertRecord<E extends EntityName>(
  deps: AppDeps,
  tx: Tx,
  t: RecordTarget<E>,
  values: Readonly<Columns[E]>,
): Promise<void> {
  await tx.write(insertOf({ ...t, meta: meta(deps, t) }, values));
}

/**
 * Updates the fields in `set` of a record read at `version`, logging old → new for each that
 * changes; a stale version aborts the transaction with VERSION_CONFLICT.
 */
export async function updateRecord<E extends EntityName>(
  deps: AppDeps,
  tx: Tx,
  t: RecordTarget<E>,
  before: Readonly<Partial<Columns[E]>> & { readonly version: number },
  set: Readonly<Partial<Columns[E]>>,
): Promise<void> {
  const after = { ...before, ...set };
  const fields = Object.keys(set) as (keyof Columns[E] & string)[];
  const changes = redacted(diffFields(before, after, fields), t.secret);
  if (changes.length === 0) return;
  const saved = await tx.write({
    op: 'update',
    entity: t.entity,
    id: t.id,
    programId: t.programId,
    entityKey: t.entityKey ?? null,
    expectedVersion: before.version,
    set,
    changes,
    meta: meta(deps, t),
  } as Write);
  if (!saved)
    abort({ code: 'VERSION_CONFLICT', message: `The ${t.entity.replace('_', ' ')} was changed by someone else; reload and retry.` });
}

/** Deletes a record read at `version`, logging each of its fields as cleared. */
export async function deleteRecord<E extends EntityName>(
  deps: AppDeps,
  tx: Tx,
  t: RecordTarget<E>,
  before: Readonly<Partial<Columns[E]>> & { readonly version: number },
): Promise<void> {
  const { version, ...fields } = before;
  const cleared = Object.fromEntries(Object.keys(fields).map((k) => [k, null]));
  const saved = await tx.write({
    op: 'delete',
    entity: t.entity,
    id: t.id,
    programId: t.programId,
    entityKey: t.entityKey ?? null,
    expectedVersion: version,
    changes: redacted(diffFields<Record<string, unknown>>(fields, cleared, Object.keys(fields)), t.secret),
    meta: meta(deps, t),
  } as Write);
  if (!saved)
    abort({ code: 'VERSION_CONFLICT', message: `The ${t.entity.replace('_', ' ')} was changed by someone else; reload and retry.` });
}
