import type { Kysely } from 'kysely';

// The weekly report on a schedule (issue 14). `program_charters.report_auto_issue`: the cadence owner lets
// Tollgate issue the week's report at the charter's day and time (0/1, off until chosen).
// `issued_reports.is_automatic`: that issue was made by the schedule, findings acknowledged automatically.
// `users.has_leadership_mail`: the person receives the leadership view by e-mail every Monday morning (0/1).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('program_charters')
    .addColumn('report_auto_issue', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('issued_reports')
    .addColumn('is_automatic', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('has_leadership_mail', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('has_leadership_mail').execute();
  await db.schema.alterTable('issued_reports').dropColumn('is_automatic').execute();
  await db.schema.alterTable('program_charters').dropColumn('report_auto_issue').execute();
}
