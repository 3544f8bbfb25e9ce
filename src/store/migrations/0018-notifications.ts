import type { Kysely } from 'kysely';

// In-app notifications (issue 12). A notice is one person's record of a change that concerns them,
// written in the same transaction as the change (app/notifications/notify.ts), so a later e-mail
// delivery can read the same rows. Its facts are bounded JSON text. `dedupe_key` makes a notice that
// must be sent once (a gate turning at risk: per spell, at most once a day) insert-if-absent: unique per recipient, null for
// the others. notice_spells holds whether a subject (a gate at risk) is in a spell now and which spell
// it is: opening one is a single upsert, so two instances checking at the same moment open it once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('program_id', 'text', (c) => c.references('programs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  // A person's list, newest first (keyset on created_at, id), and their unread ones with the count.
  await db.schema.createIndex('notifications_recipient_idx').on('notifications').columns(['recipient_id', 'created_at', 'id']).execute();
  await db.schema
    .createIndex('notifications_unread_idx')
    .on('notifications')
    .columns(['recipient_id', 'read_at', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('notifications_dedupe_idx').on('notifications').columns(['recipient_id', 'dedupe_key']).unique().execute();
  await db.schema.createIndex('notifications_program_idx').on('notifications').column('program_id').execute();

  await db.schema
    .createTable('notice_spells')
    .addColumn('subject', 'text', (c) => c.primaryKey())
    .addColumn('spell', 'integer', (c) => c.notNull())
    .addColumn('is_open', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notice_spells').execute();
  await db.schema.dropTable('notifications').execute();
}
