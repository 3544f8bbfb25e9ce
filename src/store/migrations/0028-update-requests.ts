import type { Kysely } from 'kysely';

// Update requests before the weekly report (issue 14). The charter's rule (domain/charter.ts UpdateRequestRule):
// how many business days before the report's day requests go out (null: off) and after how many days an item
// counts as untouched. `update_requests`: one row per program, report week and owner (unique: two instances
// running the request at once ask once), the items asked about as JSON text, the signed link's expiry (null for
// people who sign in), its revocation, and the items confirmed through it. Written through the one write path.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('program_charters').addColumn('request_days_before', 'integer').execute();
  await db.schema
    .alterTable('program_charters')
    .addColumn('request_untouched_days', 'integer', (c) => c.notNull().defaultTo(14))
    .execute();

  await db.schema
    .createTable('update_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('link_expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('confirmed_item_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('update_requests_program_week_owner_uq', ['program_id', 'week', 'owner_id'])
    .execute();
  // A person's requests ("my week"), newest first.
  await db.schema.createIndex('update_requests_owner_idx').on('update_requests').columns(['owner_id', 'asked_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('update_requests').execute();
  await db.schema.alterTable('program_charters').dropColumn('request_untouched_days').execute();
  await db.schema.alterTable('program_charters').dropColumn('request_days_before').execute();
}
