import type { Kysely } from 'kysely';

// Baselines: named snapshots of a program's planned dates (number 0 at activation, then one per
// re-baseline, each approved by a decision). `dates` is JSON {milestoneId: 'YYYY-MM-DD'}: a snapshot
// is written once and never changed. Milestones gain their own tolerance (null: the program's).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('baselines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('dates', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('baselines_program_number_uq', ['program_id', 'number'])
    .execute();
  await db.schema.alterTable('milestones').addColumn('tolerance_days', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('milestones').dropColumn('tolerance_days').execute();
  await db.schema.dropTable('baselines').execute();
}
