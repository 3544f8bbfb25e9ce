import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database as Schema } from '../schema.js';

/** Opens a pool on PostgreSQL; the schema search_path may be set in the URL's `options`. */
export function openPostgres(url: string, poolSize = 10): Kysely<Schema> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle pooled connection that the server ends (restart, failover, pg_terminate_backend,
  // idle_session_timeout) is emitted here; pg-pool has already discarded it and opens a new one on
  // the next query. Without a listener the 'error' event would crash the process.
  pool.on('error', () => {});
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

/** COUNT(*) comes back as a string from pg (bigint); SQLite gives a number. */
export const toCount = (v: unknown): number => Number(v);
