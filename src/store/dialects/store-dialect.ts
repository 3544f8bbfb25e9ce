import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database as Schema } from '../schema.js';

/**
 * Everything that differs between the databases, in one object per dialect (as kysely's own
 * dialects are): how it opens, how a write transaction starts, how a transaction serializes with
 * others, how migrations are held, and how a count comes back. Shared store code asks this object and
 * never tests which database it is on.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  readonly db: Kysely<Schema>;
  /** Runs fn in one write transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (conn: Kysely<Schema>) => Promise<T>): Promise<T>;
  /** Serializes the transaction on `conn` with every other one that locks the same scope, until it ends. */
  lock(conn: Kysely<Schema>, scope: string): Promise<void>;
  /** Runs the migrations so that two processes never apply the same one and a failure leaves no half schema. */
  migrating<T>(run: (db: Kysely<unknown>) => Promise<T>): Promise<T>;
  /** A COUNT(*) as a number (pg gives bigint as a string). */
  count(value: unknown): number;
  /** The names of the tables in the database, the migrations' own bookkeeping included. */
  tableNames(conn: Kysely<Schema>): Promise<string[]>;
  /**
   * The rows a claim selects, locked so that a concurrent claim on another connection passes over them
   * (PostgreSQL: FOR UPDATE SKIP LOCKED); SQLite's write transactions are serial already and leave it as is.
   */
  skipLocked<DB, TB extends keyof DB, O>(q: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** Deletes every row of these tables in the transaction on `conn`; foreign keys hold again at its end. */
  emptyTables(conn: Kysely<Schema>, tables: readonly string[]): Promise<void>;
}
