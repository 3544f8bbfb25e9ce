import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';
import type { DemoTemplates } from './demo-template.js';

/** Written beside the SQLite template when both templates are loaded; `demoFailedMarker` when the load failed (its text says why). */
export const demoReadyMarker = 'demo-template.ready';
export const demoFailedMarker = 'demo-template.failed';

/** Generous: the demo loads in seconds, but a busy machine may take minutes; only a hang ends here. */
const demoWaitMs = 10 * 60_000;

/** Whether the demo templates are loaded: true, false (not yet), or a throw saying why the load failed. */
function demoLoaded(demo: DemoTemplates, waitedMs: number): boolean {
  if (existsSync(join(demo.sqliteDir, demoReadyMarker))) return true;
  const failed = join(demo.sqliteDir, demoFailedMarker);
  if (existsSync(failed)) throw new Error(`The demo templates did not load: ${readFileSync(failed, 'utf8')}`);
  if (waitedMs > demoWaitMs) throw new Error(`The demo templates were not loaded after ${demoWaitMs / 60_000} minutes.`);
  return false;
}

/** The demo templates, once loaded (test/support/global-setup.ts starts the load and the first files run meanwhile). */
async function loadedDemo(): Promise<DemoTemplates> {
  const demo = inject('demoTemplates');
  const since = Date.now();
  while (!demoLoaded(demo, Date.now() - since)) await new Promise((r) => setTimeout(r, 100));
  return demo;
}

/** loadedDemo() for a caller that cannot wait asynchronously (a describe block's body): it sleeps the worker. */
function loadedDemoSync(): DemoTemplates {
  const demo = inject('demoTemplates');
  const since = Date.now();
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (!demoLoaded(demo, Date.now() - since)) Atomics.wait(sleeper, 0, 0, 100);
  return demo;
}

/** Where the tests' PostgreSQL lives: the machine's server, trust auth, database `test`. */
export const adminUrl = process.env.TOLLGATE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let adminPool: pg.Pool | undefined;
/**
 * One connection to the admin database per test process, kept between the test databases it creates and
 * drops (a PostgreSQL connection costs this machine ~18 ms and ~25 ms of CPU; ~110 databases a run); it does
 * not keep the process alive, and one the server ends is opened again.
 */
const admin = (): pg.Pool => {
  adminPool ??= new pg.Pool({ connectionString: adminUrl, max: 1, idleTimeoutMillis: 0, allowExitOnIdle: true }).on('error', () => {});
  return adminPool;
};

export interface TestDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  /** DATABASE_URL for this database (undefined for SQLite: use dataDir). */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** For a copy of the demo: the instant its clocks start at (TOLLGATE_NOW), so the demo's dates read as written. */
  readonly now: string | undefined;
  /**
   * Runs one read-only SQL statement on its own connection, beside the store under test: for
   * assertions about what is stored (e.g. that no secret reached the change log).
   */
  rows(sqlText: string): Promise<Record<string, unknown>[]>;
  /** Runs `close` first when the database is dropped: for connections kept open to it (rows()'s, test/cli/run-cli.ts's). */
  onDrop(close: () => Promise<void>): void;
  drop(): Promise<void>;
}

export interface DatabaseOptions {
  /**
   * 'demo': a copy of the demo portfolio, loaded once per run at demoInstant (test/support/global-setup.ts);
   * 'empty' (the default): nothing, not even the tables.
   */
  readonly from?: 'empty' | 'demo';
  /** The instant the commands and servers on an empty database read as now (TOLLGATE_NOW); a demo copy has its own. */
  readonly now?: string;
}

/** A fresh database of the dialect, for one test file: empty, or a copy of the demo; drop() removes it. */
export async function createTestDatabase(dialect: 'sqlite' | 'postgres', opts: DatabaseOptions = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-test-'));
  const demo = opts.from === 'demo' ? await loadedDemo() : undefined;
  const closers: (() => Promise<void>)[] = [];
  const onDrop = (close: () => Promise<void>) => void closers.push(close);
  const closeAll = async () => void (await Promise.all(closers.splice(0).map((c) => c())));
  if (dialect === 'sqlite') {
    if (demo) copyFileSync(join(demo.sqliteDir, 'tollgate.db'), join(dataDir, 'tollgate.db'));
    return {
      dialect,
      databaseUrl: undefined,
      dataDir,
      now: demo?.now ?? opts.now,
      rows: async (sqlText) => {
        const raw = new Database(join(dataDir, 'tollgate.db'), { readonly: true, fileMustExist: true });
        try {
          return raw.prepare(sqlText).all() as Record<string, unknown>[];
        } finally {
          raw.close();
        }
      },
      onDrop,
      drop: async () => {
        await closeAll();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `tollgate_test_${randomBytes(6).toString('hex')}`;
  // FILE_COPY copies the template's files whole; PostgreSQL 15's default (WAL_LOG) writes every block of the
  // copy through the write-ahead log: 280–340 ms of the server's CPU per copy of the 24 MB demo, 105–130 ms this way.
  await admin().query(`CREATE DATABASE ${name} TEMPLATE ${demo ? demo.postgresDatabase : 'template1'} STRATEGY FILE_COPY`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // rows()'s connection, opened by its first call and kept until the database is dropped.
  let reader: Promise<pg.Client> | undefined;
  return {
    dialect,
    databaseUrl: url.toString(),
    dataDir,
    now: demo?.now ?? opts.now,
    rows: async (sqlText) => {
      if (!reader) {
        const opening = (async () => {
          const c = new pg.Client({ connectionString: url.toString() });
          c.on('error', () => {});
          await c.connect();
          return c;
        })();
        reader = opening;
        onDrop(async () => void (await (await opening.catch(() => undefined))?.end().catch(() => undefined)));
      }
      return (await (await reader).query(sqlText)).rows as Record<string, unknown>[];
    },
    onDrop,
    drop: async () => {
      await closeAll();
      rmSync(dataDir, { recursive: true, force: true });
      await admin().query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * A new data directory holding a copy of the demo portfolio's SQLite file, for a server started on
 * it (TOLLGATE_DATA_DIR) at the demo's instant (TOLLGATE_NOW=demoInstant); the caller removes it.
 */
export function demoDataDir(prefix = 'tollgate-demo-'): string {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  copyFileSync(join(loadedDemoSync().sqliteDir, 'tollgate.db'), join(dataDir, 'tollgate.db'));
  return dataDir;
}

/** Both dialects, always: the suites run once per entry. */
export const dialects = ['sqlite', 'postgres'] as const;
