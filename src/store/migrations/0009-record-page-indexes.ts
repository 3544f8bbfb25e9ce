import { type Kysely, sql } from 'kysely';

// Paged lists. The decision log is read a page at a time by key number, a program's actions in work
// order (open, done, closed; due date, undated last; key number), a milestone's slips by instant and id:
// each page is a walk along one of these indexes from the cursor on. The expressions are those of
// store/record-pages.ts, written out here as they were when this migration was made, in both dialects.
const indexes: readonly [name: string, table: string, columns: string][] = [
  ['decisions_program_key_number_idx', 'decisions', `program_id, (CAST(substr("key", 3) AS integer))`],
  [
    'actions_program_work_order_idx',
    'actions',
    `program_id, (CASE status WHEN 'open' THEN 0 WHEN 'done' THEN 1 ELSE 2 END), (COALESCE(due_date, '9999-12-31')), (CAST(substr("key", 3) AS integer))`,
  ],
  ['changes_entity_field_at_idx', 'changes', 'entity_id, field, at, id'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of indexes) {
    await sql`CREATE INDEX ${sql.id(name)} ON ${sql.table(table)} (${sql.raw(columns)})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of indexes) await db.schema.dropIndex(name).execute();
}
