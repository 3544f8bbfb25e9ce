import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setImmediate as loopTurn } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, type LogEvent, type SqliteDatabase, SqliteDialect, sql } from 'kysely';
import { LRUCache } from 'lru-cache';
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
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: withKeptStatements(sqlite) }),
    plugins: [new CamelCasePlugin()],
    ...(onStatement ? { log: (e: LogEvent) => onStatement(e.query.sql, e.queryDurationMillis) } : {}),
  });
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
