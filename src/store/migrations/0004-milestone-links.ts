import type { Kysely } from 'kysely';

// Finish-to-start dependencies between milestones of one program (predecessor → successor, with a
// lag in business days). One link per pair; both ends are milestones of the link's program.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('milestone_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('predecessor_id', 'text', (c) => c.notNull().references('milestones.id'))
    .addColumn('successor_id', 'text', (c) => c.notNull().references('milestones.id'))
    .addColumn('lag_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('milestone_links_pair_uq', ['predecessor_id', 'successor_id'])
    .execute();
  await db.schema.createIndex('milestone_links_program_idx').on('milestone_links').column('program_id').execute();
  await db.schema.createIndex('milestone_links_successor_idx').on('milestone_links').column('successor_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('milestone_links').execute();
}
