import { type Kysely, sql } from 'kysely';

// An e-mail of the outbox may carry one file (the issued weekly report's PDF, issue 14): its bytes are kept
// with the message, in the transaction that queued it, so what is sent after commit is what was issued,
// and a crash before sending loses nothing. At most `mailAttachmentMaxBytes` (app/ports.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('attachment_name', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('attachment_type', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('attachment_content', sql`bytea`).execute();
}
