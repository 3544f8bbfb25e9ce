import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Dialect } from './options.js';

/** Tables whose rows the generation report counts (the schema of migration 0001). */
export const countedTables = ['users', 'clients', 'programs', 'milestones', 'key_counters', 'changes'] as const;
export type RowCounts = Record<(typeof countedTables)[number], number>;

/** A fresh, empty database for one benchmark run; drop() removes it and is safe to call twice. */
export interface BenchDatabase {
  readonly dialect: Dialect;
  /** What to pass to openStore(). */
  readonly storeConfig: { readonly databaseUrl: string | undefined; readonly dataDir: string };
  /** Where it lives, for the report (no credentials). */
  readonly location: string;
  /** Rows per table, read beside the store (not through it). */
  countRows(): Promise<RowCounts>;
  drop(): Promise<void>;
}

const once = (fn: () => Promise<void>): (() => Promise<void>) => {
  let done: Promise<void> | null = null;
  return () => (done ??= fn());
};

export function createDatabase(dialect: Dialect, pgUrl: string): Promise<BenchDatabase> {
  return dialect === 'sqlite' ? Promise.resolve(createSqlite()) : createPostgres(pgUrl);
}

function createSqlite(): BenchDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
  const file = join(dataDir, 'tollgate.db');
  return {
    dialect: 'sqlite',
    storeConfig: { databaseUrl: undefined, dataDir },
    location: file,
    countRows: async () => {
      const db = new Database(file, { readonly: true });
      try {
        return countAll((t) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n);
      } finally {
        db.close();
      }
    },
    drop: once(async () => rmSync(dataDir, { recursive: true, force: true })),
  };
}

async function createPostgres(adminUrl: string): Promise<BenchDatabase> {
  const name = `tollgate_bench_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
  return {
    dialect: 'postgres',
    storeConfig: { databaseUrl: url.toString(), dataDir },
    location: `${url.host}/${name}`,
    countRows: () =>
      withClient(url.toString(), async (c) => {
        const counts = new Map<string, number>();
        for (const t of countedTables) counts.set(t, Number((await c.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${t}`)).rows[0]?.n));
        return countAll((t) => counts.get(t) ?? 0);
      }),
    drop: once(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await withClient(adminUrl, async (c) => {
        // pg's pool.end() resolves before its connections have closed; give them a moment, then
        // WITH (FORCE) ends whatever is left (a pool left behind by a failed or interrupted run).
        for (let i = 0; i < 40; i++) {
          const r = await c.query<{ n: string }>('SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = $1', [name]);
          if (Number(r.rows[0]?.n) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    }),
  };
}

function countAll(count: (table: string) => number): RowCounts {
  return Object.fromEntries(countedTables.map((t) => [t, count(t)])) as RowCounts;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
