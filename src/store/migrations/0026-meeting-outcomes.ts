import type { Kysely } from 'kysely';

// The weekly cadence meeting's minutes (issue 14): each outcome the cadence owner records during a week's
// meeting — a decision taken (through the decision use cases) or an action opened — linked to the program's
// ISO week, with the words and the owner it had when recorded, so the minutes read the same later. The
// decision or action itself is written by its own use case; this row says it came out of that week's meeting.
// One record is an outcome of one meeting at most (unique per program and record).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meeting_outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('record_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('rationale', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('due_date', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('meeting_outcomes_program_record_uq', ['program_id', 'record_id'])
    .execute();
  // A week's minutes, in the order recorded.
  await db.schema
    .createIndex('meeting_outcomes_program_week_idx')
    .on('meeting_outcomes')
    .columns(['program_id', 'week', 'recorded_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('meeting_outcomes').execute();
}
