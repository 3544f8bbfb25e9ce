import type { Kysely } from 'kysely';

// A program's business calendar as JSON of a CalendarSpec; null means the default (weekends and the
// factory country's public holidays in the program's time zone).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('programs').addColumn('calendar_spec', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('programs').dropColumn('calendar_spec').execute();
}
