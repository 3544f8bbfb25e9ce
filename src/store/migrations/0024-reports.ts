import type { Kysely } from 'kysely';

// The weekly operating report (issue 14). `report_drafts`: the cadence owner's narrative of a program's
// draft for one ISO week (the rest of a draft is read from the record each time). `issued_reports`: each
// issue of a week is an immutable, numbered snapshot (revision 1, 2, … per program and week, unique), kept as
// text so both dialects give back the exact bytes written: the report model (its stable JSON,
// domain/report/report-json.ts), the input it was assembled from, its lint findings and whether the issuer
// acknowledged them, and what changed against the revision before. Both are written through the one write path.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('report_drafts_program_week_uq', ['program_id', 'week'])
    .execute();

  await db.schema
    .createTable('issued_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('findings_acknowledged', 'integer', (c) => c.notNull())
    .addColumn('changes_from_previous', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('issued_reports_program_week_revision_uq', ['program_id', 'week', 'revision'])
    .execute();
  // A program's issued reports, newest week and revision first (the list's keyset).
  await db.schema
    .createIndex('issued_reports_program_issued_idx')
    .on('issued_reports')
    .columns(['program_id', 'issued_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('issued_reports').execute();
  await db.schema.dropTable('report_drafts').execute();
}
