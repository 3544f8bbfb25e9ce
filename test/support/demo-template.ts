import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import type { AppDeps } from '../../src/app/deps.js';
import { openStore } from '../../src/store/open-store.js';
import { adminUrl, demoFailedMarker, demoReadyMarker } from './databases.js';
import { testPasswords } from './passwords.js';

/**
 * The instant every test that uses the demo portfolio runs at (a Wednesday, noon in Shanghai): the
 * demo's history is written relative to it and the servers' clocks start there (TOLLGATE_NOW).
 */
export const demoInstant = '2026-03-11T04:00:00.000Z';

/** Where the demo portfolio was loaded once for the whole run, to be copied per test file. */
export interface DemoTemplates {
  /** A data directory holding the demo's tollgate.db (closed, checkpointed). */
  readonly sqliteDir: string;
  /** A PostgreSQL database holding the demo; CREATE DATABASE … TEMPLATE copies it. */
  readonly postgresDatabase: string;
  /** The instant it was loaded at (demoInstant). */
  readonly now: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplates: DemoTemplates;
  }
}

const urlOf = (database: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

async function adminQuery(sqlText: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

/** Migrates the store and loads the demo at the demo instant, through the ordinary use cases. */
async function loadInto(config: { databaseUrl?: string; dataDir: string }): Promise<void> {
  const opened = openStore(config);
  try {
    await opened.migrate();
    const now = new Date(demoInstant);
    const deps: AppDeps = { store: opened.store, clock: { now: () => now }, newId: uuidv7, passwords: testPasswords };
    const r = await loadDemo(deps, { now });
    if (!r.ok) throw new Error(`demo template: ${r.error.code} ${r.error.message}`);
  } finally {
    await opened.store.close();
  }
}

/**
 * Starts loading the demo once per dialect (both at once) and answers at once with where it goes: the
 * test files that need no demo (most of them) run meanwhile, and those that copy it wait for the ready
 * marker (test/support/databases.ts). `ready` settles when the load ends; `remove` removes both.
 */
export function startDemoTemplates(): { templates: DemoTemplates; ready: Promise<void>; remove(): Promise<void> } {
  const sqliteDir = mkdtempSync(join(tmpdir(), 'tollgate-demo-template-'));
  const postgresDatabase = `tollgate_demo_template_${randomBytes(6).toString('hex')}`;
  const ready = (async () => {
    try {
      await adminQuery(`CREATE DATABASE ${postgresDatabase}`);
      await Promise.all([loadInto({ dataDir: sqliteDir }), loadInto({ databaseUrl: urlOf(postgresDatabase), dataDir: sqliteDir })]);
      writeFileSync(join(sqliteDir, demoReadyMarker), demoInstant);
    } catch (e) {
      writeFileSync(join(sqliteDir, demoFailedMarker), e instanceof Error ? (e.stack ?? e.message) : String(e));
    }
  })();
  const remove = async () => {
    await ready;
    rmSync(sqliteDir, { recursive: true, force: true });
    await adminQuery(`DROP DATABASE IF EXISTS ${postgresDatabase} WITH (FORCE)`);
  };
  return { templates: { sqliteDir, postgresDatabase, now: demoInstant }, ready, remove };
}
