import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setImmediate as loopTurn } from 'node:timers/promises';
import Database from 'better-sqlite3';
import {
  CamelCasePlugin,
  type CompiledQuery,
  Kysely,
  type LogEvent,
  type QueryResult,
  type SqliteDatabase,
  SqliteDialect,
  sql,
} from 'kysely';
import { LRUCache } from 'lru-cache';
import { type DirectRead, registerDirectReads } from '../compiled-once.js';
import type { Database as Schema } from '../schema.js';
import type { StoreDialect } from './store-dialect.js';

/**
 * Runs fn between BEGIN IMMEDIATE and COMMIT on one connection: the write lock is taken up front, so
 * a read-then-write transaction never fails half-way when another process (the CLI beside the
 * server) writes at the same time.
 */
async function immediate<T>(db: Kysely<Schema>, fn: (conn: Kysely<Schema>) => Promise<T>): Promise<T> {
  // SQLite runs every statement on the calling thread: a run of transactions awaited one after another
  // (a sweep's batches of programs, an import's rows) would hold the event loop for all of them, and the
  // server would answer nothing until the last (4.9 s for a first escalation sweep over 1,000 programs).
  // Each transaction lets the loop turn first, so requests waiting are answered between them.
  await loopTurn();
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (e) {
      await sql`ROLLBACK`.execute(conn);
      throw e;
    }
  });
}

/** Prepared statements kept per database: the reads of a page are the same few statements each time. */
const keptStatements = 256;

/**
 * The database as kysely uses it, with each statement prepared once and run again (preparing costs
 * about as much as running a small query). A statement still being iterated is busy: a fresh one is
 * prepared for that call.
 */
function withKeptStatements(sqlite: Database.Database): SqliteDatabase {
  const kept = new LRUCache<string, Database.Statement>({ max: keptStatements });
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const found = kept.get(text);
      if (found && !found.busy) return found;
      const statement = sqlite.prepare(text);
      if (!found) kept.set(text, statement);
      return statement;
    },
  };
}

/** kysely's camelCase plugin, its mapping of a column's name open to the direct reads below. */
class NamesInCamelCase extends CamelCasePlugin {
  nameOf(column: string): string {
    return this.camelCase(column);
  }
}

/**
 * The reads compiled once (store/compiled-once.ts: the session, the workspace's revision, the program,
 * read on every request) run straight on the connection when no transaction is open on it: kysely's
 * connection hand-over (a mutex), its executor and its camelCase plugin cost several times what SQLite
 * takes for such a read, in promises and objects made for each. With no transaction open the read sees
 * what is committed, as through kysely; while one is open (kysely holds the connection, or a statement
 * of it has run), the read goes through kysely and waits for it. Rows come as arrays and get their
 * columns' camelCase names (the plugin's own mapping, worked out once per statement).
 */
function directReads(
  sqlite: Database.Database,
  camelCase: (name: string) => string,
  onStatement?: (sqlText: string, durationMs: number) => void,
): DirectRead {
  const kept = new LRUCache<string, { readonly statement: Database.Statement; readonly names: readonly string[] } | false>({
    max: keptStatements,
  });
  return (query: CompiledQuery): QueryResult<unknown> | null => {
    if (sqlite.inTransaction) return null;
    let found = kept.get(query.sql);
    if (found === undefined) {
      const statement = sqlite.prepare(query.sql);
      found = statement.reader ? { statement: statement.raw(true), names: statement.columns().map((c) => camelCase(c.name)) } : false;
      kept.set(query.sql, found);
    }
    if (!found || found.statement.busy) return null;
    const started = onStatement ? performance.now() : 0;
    const raw = found.statement.all(query.parameters as unknown[]) as unknown[][];
    const { names } = found;
    // SQLite prepares a statement again after a schema change (another process's migration): a
    // `select *` may then bring other columns than the names worked out. Worked out again next time.
    if (raw.length > 0 && (raw[0] as unknown[]).length !== names.length) {
      kept.delete(query.sql);
      return null;
    }
    const rows = raw.map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i];
      return row;
    });
    onStatement?.(query.sql, performance.now() - started);
    return { rows };
  };
}

/**
 * Opens the embedded SQLite file: WAL for concurrent readers, foreign keys enforced, and
 * synchronous=FULL so that an acknowledged commit survives a power cut, not only a crash.
 */
export function openSqlite(file: string, onStatement?: (sqlText: string, durationMs: number) => void): StoreDialect {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const camelCase = new NamesInCamelCase();
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: withKeptStatements(sqlite) }),
    plugins: [camelCase],
    ...(onStatement ? { log: (e: LogEvent) => onStatement(e.query.sql, e.queryDurationMillis) } : {}),
  });
  registerDirectReads(
    db as Kysely<unknown>,
    directReads(sqlite, (name) => camelCase.nameOf(name), onStatement),
  );
  return {
    name: 'sqlite',
    db,
    transaction: (fn) => immediate(db, fn),
    // Every write transaction already holds the database's one write lock (BEGIN IMMEDIATE).
    lock: async () => {},
    // Kysely neither locks nor wraps migrations on SQLite: hold the write lock for the whole run, so a
    // second process waits instead of re-applying, and a failure leaves no half schema.
    migrating: (run) => immediate(db, (conn) => run(conn as Kysely<unknown>)),
    skipLocked: (q) => q,
    count: (v) => Number(v),
    tableNames: async (conn) =>
      (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(conn)).rows
        .map((r) => r.name)
        .filter((n) => !n.startsWith('sqlite_')),
    // Checked at commit, not per statement: the tables are emptied in any order.
    emptyTables: async (conn, tables) => {
      await sql`pragma defer_foreign_keys = on`.execute(conn);
      for (const t of tables) await sql`delete from ${sql.table(t)}`.execute(conn);
    },
  };
}
