import type { Kysely } from 'kysely';

// Bounded reads. `programs.revision` counts the committed write transactions that touched anything of
// the program (its milestones, links, decisions, risks, actions, people, calendar, itself): a reader
// that keeps derived figures (health, slack, recent slips) per program knows from this one number
// whether they are still those of the stored data. Indexes for every filter and join the reads use.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('programs')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  const indexes: readonly [string, string, readonly string[]][] = [
    ['changes_program_entity_at_idx', 'changes', ['program_id', 'entity', 'at']],
    ['milestones_program_idx', 'milestones', ['program_id', 'baseline_date']],
    ['milestones_owner_open_idx', 'milestones', ['owner_id', 'actual_date']],
    ['milestone_links_predecessor_idx', 'milestone_links', ['predecessor_id']],
    ['links_program_idx', 'links', ['program_id']],
    ['links_from_idx', 'links', ['from_entity', 'from_id']],
    ['actions_blocks_milestone_idx', 'actions', ['blocks_milestone_id']],
    ['actions_program_status_idx', 'actions', ['program_id', 'status']],
    ['decisions_program_status_idx', 'decisions', ['program_id', 'status']],
    ['risks_program_status_idx', 'risks', ['program_id', 'status']],
    ['risks_owner_status_idx', 'risks', ['owner_id', 'status']],
    ['memberships_program_idx', 'memberships', ['program_id']],
    ['memberships_client_idx', 'memberships', ['client_id']],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema
      .createIndex(name)
      .on(table)
      .columns([...columns])
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'changes_program_entity_at_idx',
    'milestones_program_idx',
    'milestones_owner_open_idx',
    'milestone_links_predecessor_idx',
    'links_program_idx',
    'links_from_idx',
    'actions_blocks_milestone_idx',
    'actions_program_status_idx',
    'decisions_program_status_idx',
    'risks_program_status_idx',
    'risks_owner_status_idx',
    'memberships_program_idx',
    'memberships_client_idx',
  ]) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema.alterTable('programs').dropColumn('revision').execute();
}
