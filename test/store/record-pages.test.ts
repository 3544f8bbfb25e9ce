import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/domain/plain-date.js';
import { openPostgres } from '../../src/store/dialects/postgres.js';
import { openSqlite } from '../../src/store/dialects/sqlite.js';
import type { StoreDialect } from '../../src/store/dialects/store-dialect.js';
import { floorEventPageQuery } from '../../src/store/floor-event-store.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { actionPageQuery, changePageQuery, decisionPageQuery } from '../../src/store/record-pages.js';
import type { Database } from '../../src/store/schema.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';

/*
 * The paged lists' queries as each database plans them: every page, first or later, is a walk along an
 * index of migration 0009 from the cursor on, in index order (no sort of what it read). This holds the
 * expressions of store/record-pages.ts and the indexes built on them together: an edit to one alone fails here.
 */

const closed = { since: '2025-06-16T16:00:00.000Z', until: '2026-06-17T16:00:00.000Z' };
const after = { status: 'done' as const, dueDate: '2026-06-20' as PlainDate, keyNumber: 12 };

const names = [
  'decisions, first page',
  'decisions, next page',
  'decisions, latest first, closed ones',
  'actions, first page',
  'actions, first page of one status',
  'actions, rest of the due date',
  'actions, later due dates',
  'actions, later statuses',
  "a milestone's moves, next page",
  'floor events, first page',
  'floor events, next page',
  'floor events of one kind, next page',
] as const;

const queries = (db: Kysely<Database>): Record<(typeof names)[number], { compile(): CompiledQuery }> => ({
  'floor events, first page': floorEventPageQuery(db, 'p', { limit: 101 }),
  'floor events, next page': floorEventPageQuery(db, 'p', { beforeKeyNumber: 40, limit: 101 }),
  'floor events of one kind, next page': floorEventPageQuery(db, 'p', { kind: 'inspection', beforeKeyNumber: 40, limit: 101 }),
  'decisions, first page': decisionPageQuery(db, 'p', { closed, descending: false, limit: 101 }),
  'decisions, next page': decisionPageQuery(db, 'p', { closed, descending: false, afterKeyNumber: 40, limit: 101 }),
  'decisions, latest first, closed ones': decisionPageQuery(db, 'p', {
    closed,
    statuses: ['decided', 'superseded'],
    descending: true,
    afterKeyNumber: 40,
    limit: 101,
  }),
  'actions, first page': actionPageQuery(db, 'p', { closed, limit: 101 }),
  'actions, first page of one status': actionPageQuery(db, 'p', { closed, status: 'closed', limit: 101 }),
  'actions, rest of the due date': actionPageQuery(db, 'p', { closed, after, limit: 101 }, 'same-due'),
  'actions, later due dates': actionPageQuery(db, 'p', { closed, after, limit: 101 }, 'later-due'),
  'actions, later statuses': actionPageQuery(db, 'p', { closed, after, limit: 101 }, 'later-status'),
  "a milestone's moves, next page": changePageQuery(db, 'p', {
    entity: 'milestone',
    entityId: 'm',
    fields: ['forecastDate'],
    valueChangesOnly: true,
    ascending: true,
    after: { at: '2026-04-02T02:00:00.000Z', id: '0190a7c2-0000-7000-8000-000000000000' },
    limit: 101,
  }),
});

const indexOf = (name: string) =>
  name.startsWith('floor events of one kind')
    ? 'floor_events_program_kind_key_number_idx'
    : name.startsWith('floor events')
      ? 'floor_events_program_key_number_idx'
      : name.startsWith('decisions')
        ? 'decisions_program_key_number_idx'
        : name.startsWith('actions')
          ? 'actions_program_work_order_idx'
          : 'changes_entity_field_at_idx';

describe.each(dialects)('paged list queries on %s', (dialect) => {
  let db: TestDatabase;
  let store: StoreDialect;

  /** The plan's lines; on PostgreSQL with sequential scans off, so that even empty tables show the index a query can use. */
  async function plan(q: CompiledQuery): Promise<string> {
    return store.db.connection().execute(async (conn) => {
      if (dialect === 'postgres') await sql`SET enable_seqscan = off`.execute(conn);
      const explain = dialect === 'postgres' ? 'EXPLAIN ' : 'EXPLAIN QUERY PLAN ';
      const r = await conn.executeQuery<Record<string, unknown>>({ ...q, sql: explain + q.sql });
      return r.rows.map((row) => Object.values(row).join(' ')).join('\n');
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    store = db.databaseUrl ? openPostgres(db.databaseUrl, 1) : openSqlite(`${db.dataDir}/tollgate.db`);
    await migrateToLatest(store);
  });
  afterAll(async () => {
    await store?.db.destroy();
    await db?.drop();
  });

  it.each(names)('%s: a walk along its index, in order', async (name) => {
    const built = queries(store.db)[name];
    const text = await plan(built.compile());
    expect(text).toContain(indexOf(name));
    // Neither a sort of what was read nor, on PostgreSQL, a scan that filters the whole table.
    expect(text).not.toMatch(/TEMP B-TREE|Sort|Seq Scan|Bitmap/);
    // A later page starts where the cursor is: the index is entered past it (SQLite names that bound, PostgreSQL its condition).
    if (/next page|rest of|later/.test(name)) {
      expect(text).toMatch(dialect === 'sqlite' ? /USING INDEX \S+ \(\S+=\? AND .*[<>]\(?\?/ : /Index Cond: .*[<>] /);
    }
  });
});
