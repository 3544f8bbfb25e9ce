import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database as Schema } from '../schema.js';

/** Opens a pool on PostgreSQL; the schema search_path may be set in the URL's `options`. */
export function openPostgres(url: string, poolSize = 10): Kysely<Schema> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

/** COUNT(*) comes back as a string from pg (bigint); SQLite gives a number. */
export const toCount = (v: unknown): number => Number(v);
