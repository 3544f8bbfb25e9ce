import type { Kysely } from 'kysely';

// The kickoff charter of a program (domain/charter.ts), one row per program, written before activation:
// the decision owner, the escalation path, what success means per gate, the weekly report's day, time
// and recipients, and the rule for leadership review of unresolved risks. A program without a row has
// the empty charter (version 0). Lists and the per-gate texts are JSON text, decoded in store/mappers.ts.
// The row is keyed by its program (one charter per program); it carries created_at like every record
// the one write path inserts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('program_charters')
    .addColumn('program_id', 'text', (c) => c.primaryKey().references('programs.id'))
    .addColumn('decision_owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('escalation_path', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('success_definitions', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('report_weekday', 'integer')
    .addColumn('report_time', 'text')
    .addColumn('report_recipient_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('report_recipient_emails', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('review_score_at_least', 'integer')
    .addColumn('review_unresolved_days', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('program_charters').execute();
}
