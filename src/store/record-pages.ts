import { type Kysely, sql } from 'kysely';
import type { ActionPageQuery, ChangeQuery, ChangeWriteQuery, DecisionPageQuery } from '../app/ports.js';
import { chunks } from './in-lists.js';
import type { ActionsTable, ChangesTable, Database } from './schema.js';

// The orders a page of records is read in, as SQL expressions. Migration 0009 builds its indexes on these
// very expressions, so each page is a walk along an index from the cursor on, whatever page it is; change
// one only with a migration that builds its index again (test/store/record-pages.test.ts checks both agree).

/** The number of a record's key (D-12 → 12); keys are one letter, a dash and the number. */
export const keyNumberSql = sql<number>`CAST(substr("key", 3) AS integer)`;
/** Work order of an action's status: open, then done (waiting for confirmation), then closed. */
export const workRankSql = sql<number>`CASE status WHEN 'open' THEN 0 WHEN 'done' THEN 1 ELSE 2 END`;
/** An action's due date, undated ones last. */
export const dueOrLastSql = sql<string>`COALESCE(due_date, '9999-12-31')`;

export const workRank = { open: 0, done: 1, closed: 2 } as const;
const undated = '9999-12-31';

/** A page of a program's decisions by key number: open ones, and closed ones last changed in the period. */
export function decisionPageQuery(db: Kysely<Database>, programId: string, q: DecisionPageQuery) {
  let query = db
    .selectFrom('decisions')
    .selectAll()
    .where('programId', '=', programId)
    .where((eb) =>
      eb.or([eb('status', '=', 'open'), eb.and([eb('updatedAt', '>=', q.closed.since), eb('updatedAt', '<', q.closed.until)])]),
    );
  if (q.statuses) query = query.where('status', 'in', [...q.statuses]);
  if (q.afterKeyNumber !== undefined) query = query.where(keyNumberSql, q.descending ? '<' : '>', q.afterKeyNumber);
  return query.orderBy(keyNumberSql, q.descending ? 'desc' : 'asc').limit(q.limit);
}

/** Where a step of an action page starts: after the cursor within its due date, after its due date, after its status. */
type ActionStep = 'same-due' | 'later-due' | 'later-status';

/**
 * A program's actions in work order: open and done ones, and closed ones last changed in the period; the
 * first page, or one step of a later one. Each orders by what varies within it only (a status asked for, or
 * the cursor's status and due date, are fixed there): SQLite then reads the index in order instead of sorting.
 */
export function actionPageQuery(db: Kysely<Database>, programId: string, q: ActionPageQuery, step?: ActionStep) {
  let query = db
    .selectFrom('actions')
    .selectAll()
    .where('programId', '=', programId)
    .where((eb) =>
      eb.or([eb('status', '!=', 'closed'), eb.and([eb('updatedAt', '>=', q.closed.since), eb('updatedAt', '<', q.closed.until)])]),
    );
  if (q.ownerId) query = query.where('ownerId', '=', q.ownerId);
  // A status asked for is one run of the index: its rank is fixed.
  if (q.status) query = query.where('status', '=', q.status).where(workRankSql, '=', workRank[q.status]);
  const byDue = (x: typeof query) => x.orderBy(dueOrLastSql).orderBy(keyNumberSql).limit(q.limit);
  if (!q.after || !step) return q.status ? byDue(query) : byDue(query.orderBy(workRankSql));
  const rank = workRank[q.after.status];
  const due = q.after.dueDate ?? undated;
  if (step === 'same-due') {
    return query
      .where(workRankSql, '=', rank)
      .where(dueOrLastSql, '=', due)
      .where(keyNumberSql, '>', q.after.keyNumber)
      .orderBy(keyNumberSql)
      .limit(q.limit);
  }
  if (step === 'later-due') return byDue(query.where(workRankSql, '=', rank).where(dueOrLastSql, '>', due));
  return byDue(query.where(workRankSql, '>', rank).orderBy(workRankSql));
}

/**
 * A page of a program's actions after a place in work order, read in up to three steps that each start
 * on the index where the one before left off (the rest of the cursor's due date, the later due dates of
 * its status, the later statuses), until the page is full: no step reads the rows before the cursor.
 * (One row-value comparison would do on PostgreSQL, but SQLite seeks on one only over plain columns.)
 */
export async function readActionPage(db: Kysely<Database>, programId: string, q: ActionPageQuery): Promise<ActionsTable[]> {
  if (!q.after) return actionPageQuery(db, programId, q).execute();
  const steps: ActionStep[] = q.status ? ['same-due', 'later-due'] : ['same-due', 'later-due', 'later-status'];
  const rows: ActionsTable[] = [];
  for (const step of steps) {
    rows.push(...(await actionPageQuery(db, programId, { ...q, limit: q.limit - rows.length }, step).execute()));
    if (rows.length >= q.limit) break;
  }
  return rows;
}

/** The change rows of a program that a query's filters match. */
export function changesMatching(db: Kysely<Database>, programId: string, q: Omit<ChangeQuery, 'limit' | 'ascending' | 'after'>) {
  let query = db.selectFrom('changes').where('programId', '=', programId);
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId) query = query.where('entityId', '=', q.entityId);
  if (q.entityIds) {
    const ids = q.entityIds;
    query = query.where((eb) => eb.or(chunks(ids).map((part) => eb('entityId', 'in', part))));
  }
  if (q.fields) query = query.where('field', 'in', [...q.fields]);
  if (q.since) query = query.where('at', '>=', q.since);
  if (q.until) query = query.where('at', '<', q.until);
  if (q.valueChangesOnly) query = query.where('oldValue', 'is not', null).where('newValue', 'is not', null);
  return query;
}

/** A page of a program's change rows (the change log, a record's history, a milestone's moves) by instant and id. */
export function changePageQuery(db: Kysely<Database>, programId: string, q: ChangeQuery) {
  let query = changesMatching(db, programId, q).selectAll();
  const dir = q.ascending ? 'asc' : 'desc';
  if (q.after) {
    const { at, id } = q.after;
    // A row-value comparison over plain columns: both databases enter the index past the cursor.
    query = query.where((eb) => eb(eb.refTuple('at', 'id'), q.ascending ? '>' : '<', eb.tuple(at, id)));
  }
  return query.orderBy('at', dir).orderBy('id', dir).limit(q.limit);
}

/**
 * The records a record filter matches: the record with this key, and the dependencies and links that
 * name it (their keys are "M-1→M-2" and "D-3 → M-1", written when they were made).
 */
const keyPatterns = (key: string) => [`${key}→%`, `%→${key}`, `${key} → %`, `% → ${key}`];

/**
 * A page of a program's writes newest first: each write (one correlation id, one record) by its
 * instant, correlation id and record id. Every filter holds for all rows of a write alike (one
 * actor, one instant, one record), so a write is either wholly on the page or not at all.
 */
export function changeWritePageQuery(db: Kysely<Database>, programId: string, q: ChangeWriteQuery) {
  let query = db.selectFrom('changes').where('programId', '=', programId);
  if (q.actorId) query = query.where('actorId', '=', q.actorId);
  if (q.recordKey) {
    const key = q.recordKey;
    query = query.where((eb) => eb.or([eb('entityKey', '=', key), ...keyPatterns(key).map((p) => eb('entityKey', 'like', p))]));
  }
  if (q.since) query = query.where('at', '>=', q.since);
  if (q.until) query = query.where('at', '<', q.until);
  if (q.after) {
    const { at, correlationId, entityId } = q.after;
    query = query.where((eb) => eb(eb.refTuple('at', 'correlationId', 'entityId'), '<', eb.tuple(at, correlationId, entityId)));
  }
  return query
    .select(['at', 'correlationId', 'entityId'])
    .groupBy(['at', 'correlationId', 'entityId'])
    .orderBy('at', 'desc')
    .orderBy('correlationId', 'desc')
    .orderBy('entityId', 'desc')
    .limit(q.limit);
}

/** A page of writes with their rows: the page's writes, then their rows by correlation id (bounded by the page). */
export async function readChangeWrites(db: Kysely<Database>, programId: string, q: ChangeWriteQuery): Promise<ChangesTable[][]> {
  const heads = await changeWritePageQuery(db, programId, q).execute();
  if (heads.length === 0) return [];
  const byWrite = new Map(heads.map((h) => [`${h.correlationId}|${h.entityId}`, [] as ChangesTable[]]));
  for (const part of chunks([...new Set(heads.map((h) => h.correlationId))])) {
    const rows = await db
      .selectFrom('changes')
      .selectAll()
      .where('programId', '=', programId)
      .where('correlationId', 'in', part)
      .orderBy('id')
      .execute();
    for (const r of rows) byWrite.get(`${r.correlationId}|${r.entityId}`)?.push(r);
  }
  return [...byWrite.values()];
}
