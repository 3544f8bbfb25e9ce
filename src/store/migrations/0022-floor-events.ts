import { type Kysely, sql } from 'kysely';

// Floor events (issue 13): sample shipments, inspections and measurements reported from the floor, keyed
// E-n per program by the key counter. A shipment's dates are columns (the lateness sweep reads them in SQL);
// an inspection's judged classes and a measurement's values are one JSON payload (`details`), encoded and
// decoded in store/ only. A program says whether critical defects accept none (default yes), and a piece of
// evidence may name an inspection or a measurement (`event_id`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('floor_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('expected_on', 'text')
    .addColumn('shipped_on', 'text')
    .addColumn('arrived_on', 'text')
    .addColumn('details', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('floor_events_program_key_uq', ['program_id', 'key'])
    .execute();
  // The list pages newest first by key number (store/record-pages.ts), all kinds or one.
  await sql`CREATE INDEX floor_events_program_key_number_idx ON floor_events (program_id, (CAST(substr("key", 3) AS integer)))`.execute(db);
  await sql`CREATE INDEX floor_events_program_kind_key_number_idx ON floor_events (program_id, kind, (CAST(substr("key", 3) AS integer)))`.execute(
    db,
  );
  // Shipments still missing: what a lateness sweep looks for, by expected day.
  await db.schema
    .createIndex('floor_events_missing_idx')
    .on('floor_events')
    .columns(['program_id', 'kind', 'arrived_on', 'expected_on'])
    .execute();

  await db.schema
    .alterTable('programs')
    .addColumn('critical_defects_accept_none', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('evidence')
    .addColumn('event_id', 'text', (c) => c.references('floor_events.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('evidence').dropColumn('event_id').execute();
  await db.schema.alterTable('programs').dropColumn('critical_defects_accept_none').execute();
  await db.schema.dropTable('floor_events').execute();
}
