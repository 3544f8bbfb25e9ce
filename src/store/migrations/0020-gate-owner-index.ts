import type { Kysely } from 'kysely';

// "My week" lists the gates a person owns that are at risk, and the evidence waiting for their review
// on gates they own: both find the person's gates by owner, so the cost follows their own gates, not
// the number of gates in the workspace.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('gates_owner_idx').on('gates').columns(['owner_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('gates_owner_idx').execute();
}
