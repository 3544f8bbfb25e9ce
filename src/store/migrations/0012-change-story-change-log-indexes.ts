import type { Kysely } from 'kysely';

// The change log read as a story: a page of writes (one record's rows of one write) newest first, by
// program, optionally by the person who wrote them or the record's key, then the rows of those writes
// by correlation id. Each page is a walk along one of these indexes from the cursor on.
const indexes: readonly [name: string, columns: string[]][] = [
  ['changes_program_write_idx', ['program_id', 'at', 'correlation_id', 'entity_id']],
  ['changes_program_actor_write_idx', ['program_id', 'actor_id', 'at', 'correlation_id', 'entity_id']],
  ['changes_program_key_write_idx', ['program_id', 'entity_key', 'at', 'correlation_id', 'entity_id']],
  ['changes_correlation_idx', ['correlation_id']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, columns] of indexes) await db.schema.createIndex(name).on('changes').columns(columns).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of indexes) await db.schema.dropIndex(name).execute();
}
