import type { Kysely } from 'kysely';
import type { Reads } from '../app/ports.js';
import type { ChangesTable, Database } from './schema.js';

/** Change rows per insert statement: 12 parameters each, far under either database's limit. */
const rowsPerInsert = 500;

/**
 * The change rows a transaction writes, held until it ends (or reads the change log) and then
 * inserted together: one statement per 500 rows instead of one per write. Each row's id is made when
 * its write is, so the log reads in the same order (at, id) as if every row went in at once.
 */
export function heldChangeRows(db: Kysely<Database>) {
  const held: ChangesTable[] = [];
  return {
    hold(rows: readonly ChangesTable[]): void {
      held.push(...rows);
    },
    async flush(): Promise<void> {
      while (held.length > 0) await db.insertInto('changes').values(held.splice(0, rowsPerInsert)).execute();
    },
  };
}

export type HeldChangeRows = ReturnType<typeof heldChangeRows>;

type ChangeReads = Pick<
  Reads,
  | 'listChanges'
  | 'listChangeWrites'
  | 'lastLoggedValues'
  | 'countChanges'
  | 'listMilestoneFieldChanges'
  | 'listChangesSince'
  | 'listChangesSinceOfPrograms'
  | 'countData'
>;

/** The reads of the change log in a transaction (every one that selects from `changes`), each inserting the held rows first: a transaction sees its own changes. */
export function changeReadsAfter(reads: ChangeReads, held: HeldChangeRows): ChangeReads {
  const after =
    <A extends unknown[], R>(read: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await held.flush();
      return read(...args);
    };
  return {
    listChanges: after(reads.listChanges),
    listChangeWrites: after(reads.listChangeWrites),
    lastLoggedValues: after(reads.lastLoggedValues),
    countChanges: after(reads.countChanges),
    listMilestoneFieldChanges: after(reads.listMilestoneFieldChanges),
    listChangesSince: after(reads.listChangesSince),
    listChangesSinceOfPrograms: after(reads.listChangesSinceOfPrograms),
    countData: after(reads.countData),
  };
}
