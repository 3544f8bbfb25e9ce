import type { Kysely } from 'kysely';

// A workspace's own program templates (issue 12): copies of a shipped (or another workspace) template,
// edited by the workspace's admins. The id is the template's slug (the copy request names it; the
// primary key makes two copies under one id at once end in one winner). `version` is the template's
// version, counted up by every edit through the one write path; a program's gates record the id and
// version they were made from. The body — gates with their checklists, standard milestones, escalation
// defaults — is JSON text validated by domain/gates/template.ts before it is written (bounds there:
// templateLimits), decoded in store/mappers.ts. Archived templates are no longer offered.
// Independent of the migrations numbered just before it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspace_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('based_on_id', 'text', (c) => c.notNull())
    .addColumn('based_on_version', 'integer', (c) => c.notNull())
    .addColumn('ppap_level', 'integer')
    .addColumn('gates', 'text', (c) => c.notNull())
    .addColumn('milestones', 'text', (c) => c.notNull())
    .addColumn('escalation', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workspace_templates').execute();
}
