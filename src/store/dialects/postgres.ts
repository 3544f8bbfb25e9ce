import { CamelCasePlugin, Kysely, type LogEvent, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database as Schema } from '../schema.js';
import type { StoreDialect } from './store-dialect.js';

/** Opens a pool on PostgreSQL; the schema search_path may be set in the URL's `options`. */
export function openPostgres(url: string, poolSize = 10, onStatement?: (sqlText: string, durationMs: number) => void): StoreDialect {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle pooled connection that the server ends (restart, failover, pg_terminate_backend,
  // idle_session_timeout) is emitted here; pg-pool has already discarded it and opens a new one on
  // the next query. Without a listener the 'error' event would crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Schema>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    ...(onStatement ? { log: (e: LogEvent) => onStatement(e.query.sql, e.queryDurationMillis) } : {}),
  });
  return {
    name: 'postgres',
    db,
    transaction: (fn) => db.transaction().execute(fn),
    // A transaction-scoped advisory lock, released at commit or rollback, on every instance alike.
    lock: async (conn, scope) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${scope}, 0))`.execute(conn);
    },
    // Kysely's migrator takes PostgreSQL's advisory lock and a transaction itself.
    migrating: (run) => run(db as Kysely<unknown>),
    count: (v) => Number(v),
    skipLocked: (q) => q.forUpdate().skipLocked(),
    tableNames: async (conn) =>
      (await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = current_schema()`.execute(conn)).rows.map(
        (r) => r.tablename,
      ),
    // One statement for all of them, so no foreign key between them is in the way; undone by a rollback.
    emptyTables: async (conn, tables) => {
      if (tables.length > 0) await sql`truncate ${sql.join(tables.map((t) => sql.table(t)))}`.execute(conn);
    },
  };
}
