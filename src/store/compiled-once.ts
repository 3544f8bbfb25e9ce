import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';

/**
 * Runs a compiled read at once, without kysely's connection hand-over and result plugins, or says it
 * cannot now (null): the query then goes through kysely. A dialect whose reads need no waiting may
 * register one for its database (SQLite: dialects/sqlite.ts); transactions are never registered.
 */
export type DirectRead = (query: CompiledQuery) => QueryResult<unknown> | null;

const directReads = new WeakMap<object, DirectRead>();

/** Lets `compiledOnce` queries on `db` (the database, not a transaction on it) run through `read`. */
export function registerDirectReads(db: Kysely<unknown>, read: DirectRead): void {
  directReads.set(db, read);
}

/**
 * A query that is built and compiled once per database and then run with new values. Kysely builds
 * a query's tree, runs it through the plugins and compiles it to SQL on every call, which costs about
 * as much as SQLite takes to run a small query; the reads done on every request (the session, the
 * workspace's revision, the program) are the same text every time.
 *
 * `build` receives placeholders in place of its arguments; each must reach the query as a parameter
 * unchanged (not transformed or spliced into the text); that is checked when it is compiled. Other
 * parameters are the query's constants.
 */
export function compiledOnce<DB, A extends readonly (string | number)[], R>(
  build: (db: Kysely<DB>, ...args: A) => Compilable<R>,
): (db: Kysely<DB>, ...args: A) => Promise<QueryResult<R>> {
  // Per dialect adapter: a database and its transactions share one; SQLite's and PostgreSQL's texts differ.
  const compiled = new WeakMap<object, { query: CompiledQuery<R>; slots: readonly number[] }>();
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let c = compiled.get(adapter);
    if (!c) {
      const placeholders = args.map((a, i) => (typeof a === 'number' ? -(1_000_000_007 + i) : `\u0000placeholder ${i}\u0000`));
      const query = build(db, ...(placeholders as unknown as A)).compile();
      const slots = query.parameters.map((p) => placeholders.indexOf(p as string | number));
      if (placeholders.some((_, i) => !slots.includes(i))) {
        throw new Error(`compiledOnce: every argument must reach the query as a parameter, unchanged: ${query.sql}`);
      }
      c = { query, slots };
      compiled.set(adapter, c);
    }
    const { query, slots } = c;
    // A parameter that is not an argument is a constant of the query (kept as compiled).
    const run = { ...query, parameters: slots.map((s, i) => (s < 0 ? query.parameters[i] : args[s])) };
    const direct = directReads.get(db)?.(run);
    return direct ? (direct as QueryResult<R>) : db.executeQuery<R>(run);
  };
}
