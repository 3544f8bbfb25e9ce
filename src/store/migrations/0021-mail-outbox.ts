import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

// E-mail (issue 13). `outbox` is the transactional outbox: a message is inserted in the transaction of the
// change that causes it and sent after commit by the delivery worker (jobs/outbox-delivery.ts), which claims
// due rows with a lease (claimed_by, claimed_until), retries with backoff (not_before, attempts, last_error)
// and marks them sent (sent_at) or failed (failed_at). `dedupe_key` makes a message queued once (a notice's
// mail, a person's digest of a local day). `notification_settings` holds a person's choice per kind of
// notice (immediate, digest, off); no row reads as immediate. `workspace_secrets` keeps the key that signs
// the one-click links in e-mails, made once here so every instance signs and checks with the same key.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient_id', 'text', (c) => c.references('users.id'))
    .addColumn('recipient_address', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('unsubscribe_url', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('failed_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_dedupe_idx').on('outbox').column('dedupe_key').unique().execute();
  // What the worker claims: not sent, not failed, due; then by when it is due.
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['sent_at', 'failed_at', 'not_before']).execute();
  // A person's last digest (where the next one starts).
  await db.schema.createIndex('outbox_recipient_idx').on('outbox').columns(['recipient_id', 'kind', 'created_at']).execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_settings_user_kind_idx')
    .on('notification_settings')
    .columns(['user_id', 'kind'])
    .unique()
    .execute();

  await db.schema
    .createTable('workspace_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await (db as Kysely<{ workspace_secrets: { name: string; value: string; created_at: string } }>)
    .insertInto('workspace_secrets')
    .values({ name: 'mail-link-key', value: randomBytes(32).toString('base64url'), created_at: new Date().toISOString() })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workspace_secrets').execute();
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.dropTable('outbox').execute();
}
