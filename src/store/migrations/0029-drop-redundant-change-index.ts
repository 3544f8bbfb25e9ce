import type { Kysely } from 'kysely';

// Every write adds a change-log row per field to `changes`, and each of its indexes is written with it: a
// sweep raising thousands of escalations at once wrote more index pages than row pages. The first of them,
// `changes_program_at_idx` (program_id, at), is a prefix of `changes_program_write_idx` (program_id, at,
// correlation_id, entity_id; migration 0012), which serves every read it served, in both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('changes_program_at_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('changes_program_at_idx').on('changes').columns(['program_id', 'at']).execute();
}
