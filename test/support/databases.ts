import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/** Where the tests' PostgreSQL lives: the machine's server, trust auth, database `test`. */
export const adminUrl = process.env.TOLLGATE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  /** DATABASE_URL for this database (undefined for SQLite: use dataDir). */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /**
   * Runs one read-only SQL statement on its own connection, beside the store under test: for
   * assertions about what is stored (e.g. that no secret reached the change log).
   */
  rows(sqlText: string): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

/** A fresh, empty database of the dialect, for one test file; drop() removes it. */
export async function createTestDatabase(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-test-'));
  if (dialect === 'sqlite') {
    return {
      dialect,
      databaseUrl: undefined,
      dataDir,
      rows: async (sqlText) => {
        const raw = new Database(join(dataDir, 'tollgate.db'), { readonly: true, fileMustExist: true });
        try {
          return raw.prepare(sqlText).all() as Record<string, unknown>[];
        } finally {
          raw.close();
        }
      },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `tollgate_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    databaseUrl: url.toString(),
    dataDir,
    rows: async (sqlText) => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        return (await c.query(sqlText)).rows as Record<string, unknown>[];
      } finally {
        await c.end();
      }
    },
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Both dialects, always: the suites run once per entry. */
export const dialects = ['sqlite', 'postgres'] as const;
