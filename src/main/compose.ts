import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from 'uuidv7';
import type { AppDeps } from '../app/deps.js';
import { backfillGates } from '../app/gates/backfill-gates.js';
import type { Config } from '../config/config.js';
import { renderIssuedReportPdf, renderLeadershipPdf } from '../pdf/on-demand.js';
import { type OpenedStore, openStore } from '../store/open-store.js';
import { argon2Passwords } from './passwords.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export { packageVersion } from './package-version.js';

export const webDir = join(root, 'dist', 'web');
export const docsDir = join(root, 'docs');

export interface Composed {
  readonly deps: AppDeps;
  readonly location: string;
  readonly migrated: string[];
  close(): Promise<void>;
}

/**
 * The clock every use case reads: the machine's, or one that starts at TOLLGATE_NOW and runs on
 * from there at the machine's pace (sessions still expire, rate limits still reset).
 */
export function clockOf(config: Pick<Config, 'now'>): { now(): Date } {
  if (config.now === undefined) return { now: () => new Date() };
  const offset = config.now.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/**
 * Opens and migrates the configured database and wires the use cases' dependencies. `connections`:
 * PostgreSQL connections at most (store/open-store.ts; a one-shot command takes 1).
 */
export async function compose(config: Config, opts: { readonly connections?: number } = {}): Promise<Composed> {
  return composeOn(config, openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, connections: opts.connections }));
}

/**
 * compose() on a store already opened (the configured one): migrates it and wires the dependencies; on a
 * failure the store is closed. close() closes it.
 */
export async function composeOn(config: Config, opened: OpenedStore): Promise<Composed> {
  try {
    const { applied } = await opened.migrate();
    const deps: AppDeps = {
      store: opened.store,
      clock: clockOf(config),
      newId: uuidv7,
      passwords: argon2Passwords,
      demo: config.demo,
      // E-mail on: notices are queued as e-mails too (config refuses SMTP without a public URL for the links).
      mail:
        config.mail && config.publicUrl
          ? { publicUrl: config.publicUrl, reportPdf: renderIssuedReportPdf, leadershipPdf: renderLeadershipPdf }
          : undefined,
    };
    // Programs made before gates existed get the default four gates, once, right after migration 0015.
    if (applied.includes('0015-gates')) {
      const filled = await backfillGates(deps);
      if (!filled.ok) throw new Error(`Giving existing programs their gates failed: ${filled.error.message}`);
    }
    return { deps, location: opened.location, migrated: applied, close: () => opened.store.close() };
  } catch (e) {
    await opened.store.close();
    throw e;
  }
}
