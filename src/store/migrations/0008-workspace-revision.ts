import { type Kysely, sql } from 'kysely';

// What a program's answers read beyond the program's own rows — people's names and accounts, clients,
// client-wide roles, the workspace's official holiday schedules — lives in records of no program. The
// one row of `workspace_state` counts the committed write transactions that touched any of them, as
// `programs.revision` (0007) counts those of each program: together they tell a reader that keeps an
// answer whether it is still that of the stored data. A person's roles on one program count as
// theirs too (the store counts every role and person write here), so who someone is and what they
// may do can be kept per workspace revision.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspace_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into workspace_state (id, revision) values (1, 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workspace_state').execute();
}
