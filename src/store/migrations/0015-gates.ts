import { type Kysely, sql } from 'kysely';

// Phase gates (domain/gates/): a program's gates made from a program template, each with its checklist
// items and the evidence attached to them. Every gate row records the template (id and version) it was
// made from. Recommendations and the last decision of a gate are JSON text, decoded in store/mappers.ts.
// Evidence is a file, a link or a note; a file's bytes are kept in evidence_files, in the database itself
// (one backup, several instances need nothing else), under their SHA-256, which is checked on every read.
// Programs that exist when this runs get the default four gates right after it, through the one write path
// (app/gates/backfill-gates.ts, run by main/compose.ts when this migration was applied).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('gates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('close_criteria', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('gatekeeper_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('review_milestone_id', 'text', (c) => c.references('milestones.id'))
    .addColumn('warning_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recommendations', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('decision', 'text')
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('ppap_level', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('gates_program_key_uq', ['program_id', 'key'])
    .execute();

  await db.schema
    .createTable('checklist_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('gate_id', 'text', (c) => c.notNull().references('gates.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('is_required', 'integer', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_date', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('submitted_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('submission_note', 'text')
    .addColumn('reviewed_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('waiver_decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('ppap', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('checklist_items_gate_key_uq', ['gate_id', 'key'])
    .execute();
  // Readiness for the portfolio reads the items of many programs at once; "my week" reads a person's open items.
  await db.schema.createIndex('checklist_items_program_idx').on('checklist_items').columns(['program_id', 'gate_id']).execute();
  await db.schema.createIndex('checklist_items_owner_idx').on('checklist_items').columns(['owner_id', 'state', 'due_date']).execute();

  await db.schema
    .createTable('evidence_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    // bytea on PostgreSQL; SQLite keeps a blob whatever the declared type.
    .addColumn('content', sql`bytea`, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('checklist_items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('note', 'text')
    .addColumn('file_id', 'text', (c) => c.references('evidence_files.id'))
    .addColumn('file_name', 'text')
    .addColumn('content_type', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('added_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('removed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_item_idx').on('evidence').columns(['item_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evidence').execute();
  await db.schema.dropTable('evidence_files').execute();
  await db.schema.dropTable('checklist_items').execute();
  await db.schema.dropTable('gates').execute();
}
