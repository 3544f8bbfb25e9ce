import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Store } from '../app/ports.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { kyselyStore } from './kysely-store.js';
import { type MigrationReport, migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';

export interface StoreConfig {
  /** postgres://… selects PostgreSQL; absent selects the SQLite file in dataDir. */
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
}

export interface OpenedStore {
  readonly store: Store;
  readonly location: string;
  migrate(): Promise<MigrationReport>;
}

const redact = (url: string) => url.replace(/\/\/([^:/@]+)(:[^@]*)?@/, '//$1:***@');

/** Opens the configured database without migrating it. */
export function openStore(config: StoreConfig): OpenedStore {
  let db: Kysely<Database>;
  let store: Store;
  let location: string;
  if (config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    db = openPostgres(config.databaseUrl);
    store = kyselyStore(db, 'postgres');
    location = redact(config.databaseUrl);
  } else {
    const file = config.databaseUrl?.startsWith('sqlite:')
      ? config.databaseUrl.slice('sqlite:'.length)
      : join(config.dataDir, 'tollgate.db');
    db = openSqlite(file);
    store = kyselyStore(db, 'sqlite');
    location = file;
  }
  return { store, location, migrate: () => migrateToLatest(db as Kysely<unknown>, store.dialect) };
}
