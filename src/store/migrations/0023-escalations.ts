import { type Kysely, sql } from 'kysely';

// Escalation triggers and the escalation tracker (issue 13). `escalation_triggers` (not `triggers`, a view of
// PostgreSQL's information_schema): one row per program and kind that someone set (kinds never set read as the defaults of domain/escalations/triggers.ts). `escalations`: one
// per raise, its history the change log's rows. At most ONE open escalation per program and condition key
// (a partial unique index over every status but resolved, the same on SQLite and PostgreSQL), so a
// condition that stays true raises one escalation, and two instances raising at once raise one. Which
// spell of a condition an escalation belongs to is notice_spells' (0018), under `escalation:<program>:<key>`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('escalation_triggers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('is_enabled', 'integer', (c) => c.notNull())
    .addColumn('threshold', 'double precision')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('owner_role', 'text')
    .addColumn('window_unit', 'text', (c) => c.notNull())
    .addColumn('window_amount', 'integer', (c) => c.notNull())
    .addColumn('climbs', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('escalation_triggers_program_kind_uq', ['program_id', 'kind'])
    .execute();

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('trigger_kind', 'text', (c) => c.notNull())
    .addColumn('condition_key', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_ref', 'text', (c) => c.notNull())
    .addColumn('subject_title', 'text', (c) => c.notNull())
    .addColumn('subject_link', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('action_id', 'text', (c) => c.references('actions.id'))
    .addColumn('acknowledged_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('escalations_program_key_uq', ['program_id', 'key'])
    .execute();
  await sql`create unique index escalations_open_condition_uq on escalations (program_id, condition_key) where status <> 'resolved'`.execute(
    db,
  );
  // A program's list (by status, newest first), a person's (by owner), and the sweep's (what is due to expire).
  await db.schema
    .createIndex('escalations_program_status_idx')
    .on('escalations')
    .columns(['program_id', 'status', 'raised_at', 'id'])
    .execute();
  await db.schema
    .createIndex('escalations_owner_status_idx')
    .on('escalations')
    .columns(['owner_id', 'status', 'raised_at', 'id'])
    .execute();
  await db.schema.createIndex('escalations_status_deadline_idx').on('escalations').columns(['status', 'deadline_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('escalations').execute();
  await db.schema.dropTable('escalation_triggers').execute();
}
