import type { Kysely } from 'kysely';

// Suppliers and factories can be archived: no longer offered for new programs, still named by the
// programs made there (a program keeps its own supplier, city, country and zone).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('suppliers').addColumn('archived_at', 'text').execute();
  await db.schema.alterTable('factories').addColumn('archived_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('factories').dropColumn('archived_at').execute();
  await db.schema.alterTable('suppliers').dropColumn('archived_at').execute();
}
