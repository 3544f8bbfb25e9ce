import { type CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifeFields, titleFields } from '../../src/domain/change-story.js';
import { openPostgres } from '../../src/store/dialects/postgres.js';
import { openSqlite } from '../../src/store/dialects/sqlite.js';
import type { StoreDialect } from '../../src/store/dialects/store-dialect.js';
import { entityTables } from '../../src/store/kysely-store.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { changeWritePageQuery } from '../../src/store/record-pages.js';
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';

/** Columns the store keeps itself: never a change-log field. */
const bookkeeping = new Set(['id', 'createdAt', 'updatedAt', 'version', 'revision']);
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const after = { at: '2026-04-02T02:00:00.000Z', correlationId: '0190a7c2-0000-7000-8000-000000000000', entityId: 'm' };

describe.each(dialects)('the change log as a story, on %s', (dialect) => {
  let db: TestDatabase;
  let store: StoreDialect;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    store = db.databaseUrl ? openPostgres(db.databaseUrl, 1) : openSqlite(`${db.dataDir}/tollgate.db`);
    await migrateToLatest(store);
  });
  afterAll(async () => {
    await store?.db.destroy();
    await db?.drop();
  });

  /** The columns of a table as the store names them, read from the migrated database itself. */
  async function columnsOf(table: string): Promise<string[]> {
    const snake = table.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const rows =
      dialect === 'sqlite'
        ? (await sql<{ name: string }>`SELECT name FROM pragma_table_info(${snake})`.execute(store.db)).rows
        : (
            await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns WHERE table_name = ${snake}`.execute(
              store.db,
            )
          ).rows;
    return rows.map((r) => camel(r.name)).filter((c) => !bookkeeping.has(c));
  }

  it('has a name in the catalogue for every field of every record the log can hold (every column of its table)', async () => {
    const fields = en.changeLog.fields as Record<string, Record<string, string> | undefined>;
    const missing: string[] = [];
    for (const [entity, table] of Object.entries(entityTables)) {
      const columns = await columnsOf(table);
      expect(columns.length, table).toBeGreaterThan(0);
      for (const c of columns) if (!fields[entity]?.[c]) missing.push(`changeLog.fields.${entity}.${c}`);
      if (!(entity in en.changeLog.entity)) missing.push(`changeLog.entity.${entity}`);
      // The fields the story reads to tell additions and titles are columns of the record's table.
      const life = (lifeFields as Record<string, string | undefined>)[entity];
      if (!life || !columns.includes(life)) missing.push(`lifeFields.${entity} (a column always set while the record exists)`);
      const title = (titleFields as Record<string, string | undefined>)[entity];
      if (title && !columns.includes(title)) missing.push(`titleFields.${entity}: ${title} is no column`);
    }
    expect(missing).toEqual([]);
  });

  /** The plan's lines; on PostgreSQL with sequential scans off, so that even empty tables show the index a query can use. */
  async function plan(q: CompiledQuery): Promise<string> {
    return store.db.connection().execute(async (conn) => {
      if (dialect === 'postgres') await sql`SET enable_seqscan = off`.execute(conn);
      const explain = dialect === 'postgres' ? 'EXPLAIN ' : 'EXPLAIN QUERY PLAN ';
      const r = await conn.executeQuery<Record<string, unknown>>({ ...q, sql: explain + q.sql });
      return r.rows.map((row) => Object.values(row).join(' ')).join('\n');
    });
  }

  it.each([
    ['first page', {}, 'changes_program_write_idx'],
    ['next page', { after }, 'changes_program_write_idx'],
    ["one person's, next page", { actorId: 'u', after }, 'changes_program_actor_write_idx'],
  ] as const)('reads a page of writes (%s) along its index, in order', async (_name, q, index) => {
    const text = await plan(changeWritePageQuery(store.db, 'p', { ...q, limit: 51 }).compile());
    expect(text).toContain(index);
    expect(text).not.toMatch(/TEMP B-TREE|Sort|Seq Scan/);
  });
});
