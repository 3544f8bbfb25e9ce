import type { AppDeps } from '../deps.js';
import { isSystemActor } from '../escalations/system-actor.js';

/** What a database holds, in the words the demo's messages use (a reset deletes all of it). */
export interface WorkspaceContents {
  readonly programs: number;
  readonly milestones: number;
  readonly clients: number;
  readonly people: number;
  /** Every row of every kind: decisions, risks, actions, the change log, sessions, … */
  readonly records: number;
}

export async function workspaceContents(deps: Pick<AppDeps, 'store'>): Promise<WorkspaceContents> {
  const [n, users] = await Promise.all([deps.store.reads.countData(), deps.store.reads.listUsers()]);
  return {
    programs: n.programs ?? 0,
    milestones: n.milestones ?? 0,
    clients: n.clients ?? 0,
    // Tollgate's own system actors (one per trigger kind) are no one's colleagues.
    people: users.filter((u) => !isSystemActor(u.id)).length,
    records: Object.values(n).reduce((a, b) => a + b, 0),
  };
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "9 programs, 374 milestones, 4 clients, 12 people and 2,817 records in all". */
export const contentsText = (c: WorkspaceContents): string =>
  `${counted(c.programs, 'program', 'programs')}, ${counted(c.milestones, 'milestone', 'milestones')}, ${counted(c.clients, 'client', 'clients')}, ${counted(c.people, 'person', 'people')} (${c.records.toLocaleString('en-US')} records in all)`;
