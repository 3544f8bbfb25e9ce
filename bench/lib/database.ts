import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import type { Store } from '../../src/app/ports.js';
import { openSqlite } from '../../src/store/dialects/sqlite.js';
import { kyselyStore } from '../../src/store/kysely-store.js';
import { migrateToLatest, migrationNames } from '../../src/store/migrate.js';
import { openStore } from '../../src/store/open-store.js';
import type { Dialect } from './options.js';

/** Rows per table (every table of the schema but the migration bookkeeping). */
export type RowCounts = Record<string, number>;

/** A database for one benchmark run; drop() removes it and is safe to call twice. */
export interface BenchDatabase {
  readonly dialect: Dialect;
  /** What to pass to openStore(), and to the server (DATABASE_URL, TOLLGATE_DATA_DIR). */
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
  return dialect === 'sqlite' ? Promise.resolve(sqliteIn(mkdtempSync(join(tmpdir(), 'tollgate-bench-')))) : createPostgres(pgUrl);
}

/** The SQLite file tollgate.db in its own directory (which drop() removes). */
function sqliteIn(dataDir: string): BenchDatabase {
  const file = join(dataDir, 'tollgate.db');
  return {
    dialect: 'sqlite',
    storeConfig: { databaseUrl: undefined, dataDir },
    location: file,
    countRows: async () => {
      const db = new Database(file, { readonly: true });
      try {
        const tables = db
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'tollgate_migrations%'",
          )
          .all() as { name: string }[];
        return Object.fromEntries(
          tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]),
        );
      } finally {
        db.close();
      }
    },
    drop: once(async () => rmSync(dataDir, { recursive: true, force: true })),
  };
}

const withDatabase = (adminUrl: string, name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

async function createPostgres(adminUrl: string, template?: string): Promise<BenchDatabase> {
  const name = `tollgate_bench_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  return postgresDatabase(adminUrl, name);
}

function postgresDatabase(adminUrl: string, name: string): BenchDatabase {
  const url = withDatabase(adminUrl, name);
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
  return {
    dialect: 'postgres',
    storeConfig: { databaseUrl: url, dataDir },
    location: `${new URL(url).host}/${name}`,
    countRows: () =>
      withClient(url, async (c) => {
        const tables = await c.query<{ name: string }>(
          "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'tollgate_migrations%' ORDER BY tablename",
        );
        const counts: RowCounts = {};
        for (const { name: t } of tables.rows)
          counts[t] = Number((await c.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${t}"`)).rows[0]?.n);
        return counts;
      }),
    drop: once(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await dropPostgres(adminUrl, name);
    }),
  };
}

/** Waits for the database's connections to go (pg's pool.end() resolves before they have closed), then drops it. */
async function dropPostgres(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (c) => {
    await waitIdle(c, name);
    // WITH (FORCE) ends whatever is left (a pool left behind by a failed or interrupted run).
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

async function waitIdle(c: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const r = await c.query<{ n: string }>('SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = $1', [name]);
    if (Number(r.rows[0]?.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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

/**
 * The store generation writes through: the production store (same use cases, same SQL, same rows),
 * with only the commit's flush to disk relaxed, since a generation that crashes is simply run again.
 * SQLite: synchronous = OFF on its one connection; PostgreSQL: synchronous_commit = off per session.
 */
export async function openForGeneration(db: BenchDatabase): Promise<{ store: Store; close(): Promise<void> }> {
  if (db.dialect === 'sqlite') {
    const dialect = openSqlite(join(db.storeConfig.dataDir, 'tollgate.db'));
    await migrateToLatest(dialect);
    await sql`PRAGMA synchronous = OFF`.execute(dialect.db);
    const store = kyselyStore(dialect);
    return { store, close: () => store.close() };
  }
  const url = new URL(db.storeConfig.databaseUrl as string);
  url.searchParams.set('options', '-c synchronous_commit=off');
  const opened = openStore({ databaseUrl: url.toString(), dataDir: db.storeConfig.dataDir });
  await opened.migrate();
  return { store: opened.store, close: () => opened.store.close() };
}

/** After generation, before measuring: PostgreSQL's statistics and visibility map as autovacuum would have them in production. */
export async function settle(db: BenchDatabase): Promise<void> {
  if (db.dialect === 'postgres') await withClient(db.storeConfig.databaseUrl as string, (c) => c.query('VACUUM ANALYZE'));
}

export interface KeepOptions {
  readonly dialect: Dialect;
  readonly pgUrl: string;
  /** Where kept SQLite files live (PostgreSQL keeps its databases in the server). */
  readonly dir: string;
  /** What the portfolio depends on: seed, sizes, generator version, bench instant. */
  readonly identity: Readonly<Record<string, unknown>>;
}

/** The kept database's key: the portfolio's identity and the schema (every migration's name). */
export function keepKey(identity: Readonly<Record<string, unknown>>, migrations: readonly string[] = migrationNames): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...identity, migrations }))
    .digest('hex')
    .slice(0, 12);
}

export const keptPrefix = { sqlite: 'tollgate-bench-keep-', postgres: 'tollgate_bench_keep_' } as const;

/**
 * A kept portfolio: `find()` gives a working copy of it (a copied file, or CREATE DATABASE … TEMPLATE),
 * which the run may write to and drops at the end, or null when none is kept yet; `keep(db)` keeps a
 * freshly generated database (its store closed) for later runs.
 */
export function keptDatabase(o: KeepOptions) {
  const key = keepKey(o.identity);
  const fileOf = (k: string) => join(resolve(o.dir), `${keptPrefix.sqlite}${k}.db`);
  const nameOf = (k: string) => `${keptPrefix.postgres}${k}`;
  const locationOf = (k: string) => (o.dialect === 'sqlite' ? fileOf(k) : `${new URL(o.pgUrl).host}/${nameOf(k)}`);
  const file = fileOf(key);
  const name = nameOf(key);
  const isKept = async (k: string) =>
    o.dialect === 'sqlite'
      ? existsSync(fileOf(k))
      : Boolean((await withClient(o.pgUrl, (c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [nameOf(k)]))).rowCount);
  const kept = {
    key,
    location: locationOf(key),
    /** Migrations the copy found lacks (it is migrated before use): 0 when kept at this very schema. */
    behind: 0,
    /**
     * A working copy of the kept portfolio, or null. A portfolio kept before the latest migrations (same
     * generator, seed and sizes) is used too: the run migrates its copy, as a server migrates on start.
     */
    async find(): Promise<BenchDatabase | null> {
      let found: string | null = null;
      for (let n = migrationNames.length; n > 0 && found === null; n--) {
        const k = n === migrationNames.length ? key : keepKey(o.identity, migrationNames.slice(0, n));
        if (await isKept(k)) {
          found = k;
          kept.behind = migrationNames.length - n;
        }
      }
      if (found === null) return null;
      kept.location = locationOf(found);
      if (o.dialect === 'sqlite') {
        const dir = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
        copyFileSync(fileOf(found), join(dir, 'tollgate.db'));
        return sqliteIn(dir);
      }
      return createPostgres(o.pgUrl, nameOf(found));
    },
    async keep(db: BenchDatabase): Promise<void> {
      if (o.dialect === 'sqlite') {
        mkdirSync(resolve(o.dir), { recursive: true });
        copyFileSync(join(db.storeConfig.dataDir, 'tollgate.db'), `${file}.partial`);
        renameSync(`${file}.partial`, file);
        return;
      }
      const source = db.location.split('/').pop() as string;
      await withClient(o.pgUrl, async (c) => {
        await waitIdle(c, source);
        await c.query(`DROP DATABASE IF EXISTS ${name}_partial`);
        await c.query(`CREATE DATABASE ${name}_partial TEMPLATE ${source}`);
        await c.query(`ALTER DATABASE ${name}_partial RENAME TO ${name}`);
      });
    },
  };
  return kept;
}

/** Drops every kept portfolio: the SQLite files in `dir`, and the PostgreSQL databases named tollgate_bench_keep_*. */
export async function dropKept(dir: string, pgUrl: string | null): Promise<string[]> {
  const dropped: string[] = [];
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((f) => f.startsWith(keptPrefix.sqlite))) {
      rmSync(join(dir, f), { force: true });
      dropped.push(join(dir, f));
    }
  }
  if (pgUrl) {
    const names = await withClient(pgUrl, (c) =>
      c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'tollgate\\_bench\\_keep\\_%'"),
    );
    for (const { datname } of names.rows) {
      await dropPostgres(pgUrl, datname);
      dropped.push(`${new URL(pgUrl).host}/${datname}`);
    }
  }
  return dropped;
}
