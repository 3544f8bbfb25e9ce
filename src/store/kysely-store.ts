import { type Kysely, sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { ChangeQuery, EntityName, Reads, Store, Tx, Write } from '../app/ports.js';
import type { Scalar } from '../domain/change.js';
import type { ProgramId } from '../domain/ids.js';
import { toCount } from './dialects/postgres.js';
import { toChange, toClient, toMilestone, toProgram, toUser } from './mappers.js';
import type { Database } from './schema.js';

const tables: Record<EntityName, 'users' | 'clients' | 'programs' | 'milestones'> = {
  user: 'users',
  client: 'clients',
  program: 'programs',
  milestone: 'milestones',
};

// Both dialects store booleans as 0/1 integers (better-sqlite3 cannot bind booleans).
const toColumn = (v: Scalar): string | number | null => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
const toColumns = (o: Readonly<Record<string, Scalar>>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, toColumn(v)]));

export function makeReads(db: Kysely<Database>): Reads {
  return {
    async listUsers() {
      return (await db.selectFrom('users').selectAll().orderBy('name').execute()).map(toUser);
    },
    async findUser(id) {
      const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toUser(r) : null;
    },
    async findUserByEmail(email) {
      const r = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return r ? toUser(r) : null;
    },
    async listClients() {
      return (await db.selectFrom('clients').selectAll().orderBy('name').execute()).map(toClient);
    },
    async findClient(id) {
      const r = await db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toClient(r) : null;
    },
    async countPrograms() {
      const r = await db
        .selectFrom('programs')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return toCount(r.n);
    },
    async listPrograms() {
      return (await db.selectFrom('programs').selectAll().orderBy('name').execute()).map(toProgram);
    },
    async findProgram(idOrCode) {
      const r = await db
        .selectFrom('programs')
        .selectAll()
        .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode.toUpperCase())]))
        .executeTakeFirst();
      return r ? toProgram(r) : null;
    },
    async listMilestones(programId) {
      const rows = await db
        .selectFrom('milestones')
        .selectAll()
        .where('programId', '=', programId)
        .orderBy('baselineDate')
        .orderBy('key')
        .execute();
      return rows.map(toMilestone);
    },
    async listMilestonesOfPrograms(programIds) {
      if (programIds.length === 0) return [];
      const rows = await db
        .selectFrom('milestones')
        .selectAll()
        .where('programId', 'in', [...programIds])
        .execute();
      return rows.map(toMilestone);
    },
    async findMilestone(programId, idOrKey) {
      const r = await db
        .selectFrom('milestones')
        .selectAll()
        .where('programId', '=', programId)
        .where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey.toUpperCase())]))
        .executeTakeFirst();
      return r ? toMilestone(r) : null;
    },
    async listChanges(programId, q: ChangeQuery) {
      let query = db.selectFrom('changes').selectAll().where('programId', '=', programId);
      if (q.since) query = query.where('at', '>=', q.since);
      if (q.until) query = query.where('at', '<', q.until);
      const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
      return rows.map(toChange);
    },
  };
}

function makeTx(db: Kysely<Database>): Tx {
  return {
    ...makeReads(db),
    async nextKey(programId: ProgramId, prefix: 'M') {
      const r = await db
        .insertInto('keyCounters')
        .values({ programId, prefix, lastValue: 1 })
        .onConflict((oc) => oc.columns(['programId', 'prefix']).doUpdateSet({ lastValue: sql`key_counters.last_value + 1` }))
        .returning('lastValue')
        .executeTakeFirstOrThrow();
      return `${prefix}-${Number(r.lastValue)}`;
    },
    async write(w: Write) {
      const table = tables[w.entity];
      const stamp = w.meta.at;
      if (w.op === 'insert') {
        await db
          .insertInto(table)
          .values({ ...toColumns(w.values), id: w.id, createdAt: stamp, updatedAt: stamp, version: 1 } as never)
          .execute();
      } else {
        const r = await db
          .updateTable(table)
          .set({ ...toColumns(w.set), updatedAt: stamp, version: w.expectedVersion + 1 } as never)
          .where('id', '=', w.id)
          .where('version', '=', w.expectedVersion)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return false;
      }
      if (w.changes.length > 0) {
        await db
          .insertInto('changes')
          .values(
            w.changes.map((c) => ({
              id: uuidv7(),
              programId: w.programId,
              entity: w.entity,
              entityId: w.id,
              entityKey: w.entityKey,
              field: c.field,
              oldValue: c.oldValue,
              newValue: c.newValue,
              actorId: w.meta.actorId,
              at: w.meta.at,
              reason: w.meta.reason,
              correlationId: w.meta.correlationId,
            })),
          )
          .execute();
      }
      return true;
    },
  };
}

/** A Store over a Kysely instance of either dialect. */
export function kyselyStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Store {
  return {
    dialect,
    reads: makeReads(db),
    async transaction(fn) {
      if (dialect === 'postgres') return db.transaction().execute((trx) => fn(makeTx(trx)));
      // BEGIN IMMEDIATE takes the write lock up front, so a read-then-write transaction never
      // fails half-way when another process (the CLI beside the server) writes at the same time.
      return db.connection().execute(async (conn) => {
        await sql`BEGIN IMMEDIATE`.execute(conn);
        try {
          const result = await fn(makeTx(conn));
          await sql`COMMIT`.execute(conn);
          return result;
        } catch (e) {
          await sql`ROLLBACK`.execute(conn);
          throw e;
        }
      });
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
