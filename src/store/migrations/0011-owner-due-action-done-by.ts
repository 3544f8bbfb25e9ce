import { type Kysely, sql } from 'kysely';

// Closing an action takes two people: who marked it done is kept, so that the same person cannot also
// confirm the closure. Only an action's owner marks it done, so actions done or closed before this
// migration take their owner as the one who marked them done.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('actions')
    .addColumn('done_by_id', 'text', (c) => c.references('users.id'))
    .execute();
  await sql`update actions set done_by_id = owner_id where status in ('done', 'closed')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('actions').dropColumn('done_by_id').execute();
}
