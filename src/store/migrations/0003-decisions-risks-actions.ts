import type { Kysely } from 'kysely';

// The decision log, the risk register and actions (issues, blockers), plus generic links between
// records (a decision about a milestone, an action that mitigates a risk, …).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('requested_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('rationale', 'text')
    .addColumn('expected_impact', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('supersedes_id', 'text')
    .addColumn('superseded_by_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('decisions_program_key_uq', ['program_id', 'key'])
    .execute();
  await db.schema.createIndex('decisions_owner_status_idx').on('decisions').columns(['owner_id', 'status']).execute();

  await db.schema
    .createTable('risks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('likelihood', 'integer', (c) => c.notNull())
    .addColumn('impact', 'integer', (c) => c.notNull())
    .addColumn('early_warning', 'text', (c) => c.notNull())
    .addColumn('strategy', 'text', (c) => c.notNull())
    .addColumn('mitigation', 'text', (c) => c.notNull())
    .addColumn('residual_likelihood', 'integer')
    .addColumn('residual_impact', 'integer')
    .addColumn('review_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('risks_program_key_uq', ['program_id', 'key'])
    .execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_date', 'text')
    .addColumn('original_due_date', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('blocks_milestone_id', 'text', (c) => c.references('milestones.id'))
    .addColumn('risk_id', 'text', (c) => c.references('risks.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_note', 'text')
    .addColumn('done_at', 'text')
    .addColumn('confirmed_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'text')
    .addColumn('check_date', 'text')
    .addColumn('check_result', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('actions_program_key_uq', ['program_id', 'key'])
    .execute();
  await db.schema.createIndex('actions_owner_status_idx').on('actions').columns(['owner_id', 'status']).execute();

  await db.schema
    .createTable('links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('from_entity', 'text', (c) => c.notNull())
    .addColumn('from_id', 'text', (c) => c.notNull())
    .addColumn('to_entity', 'text', (c) => c.notNull())
    .addColumn('to_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('links_uq', ['from_entity', 'from_id', 'to_entity', 'to_id'])
    .execute();
  await db.schema.createIndex('links_to_idx').on('links').columns(['to_entity', 'to_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['links', 'actions', 'risks', 'decisions']) await db.schema.dropTable(t).execute();
}
