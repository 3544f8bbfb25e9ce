import type { Kysely } from 'kysely';

// Program intake (issue 12). A client submits a program's details through a secret, revocable link of
// its own (intake_links: only the SHA-256 of the link's secret is kept, as for API tokens and invites)
// or while signed in; each submission makes a draft program and keeps what was submitted beyond the
// program's own fields (intake_submissions: phase, known risks, contacts, template, note). Lists are
// JSON text, decoded in store/mappers.ts. Independent of the migrations numbered just before it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('intake_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intake_links_client_idx').on('intake_links').columns(['client_id', 'created_at']).execute();

  await db.schema
    .createTable('intake_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('link_id', 'text', (c) => c.references('intake_links.id'))
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('submitted_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('ppap_level', 'integer')
    .addColumn('current_phase', 'text', (c) => c.notNull())
    .addColumn('known_risks', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('contacts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intake_submissions_program_idx').on('intake_submissions').column('program_id').execute();
  await db.schema.createIndex('intake_submissions_link_idx').on('intake_submissions').column('link_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('intake_submissions').execute();
  await db.schema.dropTable('intake_links').execute();
}
