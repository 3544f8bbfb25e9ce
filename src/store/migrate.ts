import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import type { StoreDialect } from './dialects/store-dialect.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-accounts.js';
import * as m0003 from './migrations/0003-decisions-risks-actions.js';
import * as m0004 from './migrations/0004-milestone-links.js';
import * as m0005 from './migrations/0005-program-calendars.js';
import * as m0006 from './migrations/0006-baselines.js';
import * as m0007 from './migrations/0007-program-revisions-and-read-indexes.js';
import * as m0008 from './migrations/0008-workspace-revision.js';
import * as m0009 from './migrations/0009-record-page-indexes.js';
import * as m0010 from './migrations/0010-setup-records.js';
import * as m0011 from './migrations/0011-owner-due-action-done-by.js';
import * as m0012 from './migrations/0012-change-story-change-log-indexes.js';
import * as m0013 from './migrations/0013-supplier-factory-archive.js';
import * as m0014 from './migrations/0014-program-charters.js';
import * as m0015 from './migrations/0015-gates.js';
import * as m0017 from './migrations/0017-intake.js';
import * as m0018 from './migrations/0018-notifications.js';
import * as m0019 from './migrations/0019-workspace-templates.js';
import * as m0020 from './migrations/0020-gate-owner-index.js';
import * as m0021 from './migrations/0021-mail-outbox.js';
import * as m0022 from './migrations/0022-floor-events.js';
import * as m0023 from './migrations/0023-escalations.js';
import * as m0024 from './migrations/0024-reports.js';
import * as m0025 from './migrations/0025-outbox-attachments.js';
import * as m0026 from './migrations/0026-meeting-outcomes.js';
import * as m0027 from './migrations/0027-report-schedule.js';
import * as m0028 from './migrations/0028-update-requests.js';
import * as m0029 from './migrations/0029-drop-redundant-change-index.js';

// Migrations are imported, not discovered on disk, so the compiled build carries them.
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-accounts': m0002,
  '0003-decisions-risks-actions': m0003,
  '0004-milestone-links': m0004,
  '0005-program-calendars': m0005,
  '0006-baselines': m0006,
  '0007-program-revisions-and-read-indexes': m0007,
  '0008-workspace-revision': m0008,
  '0009-record-page-indexes': m0009,
  '0010-setup-records': m0010,
  '0011-owner-due-action-done-by': m0011,
  '0012-change-story-change-log-indexes': m0012,
  '0013-supplier-factory-archive': m0013,
  '0014-program-charters': m0014,
  '0015-gates': m0015,
  '0017-intake': m0017,
  '0018-notifications': m0018,
  '0019-workspace-templates': m0019,
  '0020-gate-owner-index': m0020,
  '0021-mail-outbox': m0021,
  '0022-floor-events': m0022,
  '0023-escalations': m0023,
  '0024-reports': m0024,
  '0025-outbox-attachments': m0025,
  '0026-meeting-outcomes': m0026,
  '0027-report-schedule': m0027,
  '0028-update-requests': m0028,
  '0029-drop-redundant-change-index': m0029,
};

/** Where the applied migrations are recorded, and their lock: the schema's, not the workspace's data. */
export const migrationTables: readonly string[] = ['tollgate_migrations', 'tollgate_migrations_lock'];

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationReport {
  readonly applied: string[];
  readonly pending: string[];
}

/** Applies every pending migration in order, held as the dialect holds them; throws with the failing migration's name. */
export function migrateToLatest(dialect: Pick<StoreDialect, 'migrating'>): Promise<MigrationReport> {
  return dialect.migrating(run);
}

/**
 * Whether the database already holds exactly this build's migrations: one read, where the migrator
 * would look the tables up, take its lock and compare (tens of milliseconds on PostgreSQL, paid by every
 * command of the CLI). Anything else — no table yet, a migration pending, one this build does not know —
 * goes to the migrator, which applies or refuses as before.
 */
async function isUpToDate(db: Kysely<unknown>): Promise<boolean> {
  try {
    const rows = await (db as Kysely<Record<string, { name: string }>>)
      .selectFrom(migrationTables[0] as string)
      .select('name')
      .execute();
    const done = new Set(rows.map((r) => r.name));
    return done.size === migrationNames.length && migrationNames.every((n) => done.has(n));
  } catch {
    return false;
  }
}

async function run(db: Kysely<unknown>): Promise<MigrationReport> {
  if (await isUpToDate(db)) return { applied: [], pending: [] };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: migrationTables[0],
    migrationLockTableName: migrationTables[1],
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    // No failed migration means none ran: typically the database could not be reached.
    const what = failed ? `migration ${failed} failed` : 'cannot migrate the database';
    throw new Error(`${what}: ${String(result.error)}`, { cause: result.error });
  }
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return { applied, pending: [] };
}

export const migrationNames = Object.keys(migrations);
