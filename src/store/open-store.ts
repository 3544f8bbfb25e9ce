import { join } from 'node:path';
import type { Store } from '../app/ports.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import type { StoreDialect } from './dialects/store-dialect.js';
import { kyselyStore } from './kysely-store.js';
import { type MigrationReport, migrateToLatest } from './migrate.js';

export interface StoreConfig {
  /** postgres://… selects PostgreSQL; absent selects the SQLite file in dataDir. */
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  /**
   * PostgreSQL connections kept open at most (default 10, for a server's concurrent requests). A
   * one-shot command takes 1: each connection costs the database server a process start (~25 ms of
   * its CPU here), and a command's reads are milliseconds each, so one connection answers sooner.
   * SQLite has one connection whatever this says.
   */
  readonly connections?: number;
  /**
   * Called with each SQL statement the database ran (Kysely's log hook; a failed one included), for
   * the bench and tests that count what a use case issues. Off in the server.
   */
  readonly onStatement?: (sqlText: string, durationMs: number) => void;
}

export interface OpenedStore {
  readonly store: Store;
  readonly location: string;
  migrate(): Promise<MigrationReport>;
}

const redact = (url: string) => url.replace(/\/\/([^:/@]+)(:[^@]*)?@/, '//$1:***@');

/** Opens the configured database without migrating it. */
export function openStore(config: StoreConfig): OpenedStore {
  let dialect: StoreDialect;
  let location: string;
  if (config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    dialect = openPostgres(config.databaseUrl, config.connections, config.onStatement);
    location = redact(config.databaseUrl);
  } else {
    const file = config.databaseUrl?.startsWith('sqlite:')
      ? config.databaseUrl.slice('sqlite:'.length)
      : join(config.dataDir, 'tollgate.db');
    dialect = openSqlite(file, config.onStatement);
    location = file;
  }
  return { store: kyselyStore(dialect), location, migrate: () => migrateToLatest(dialect) };
}
