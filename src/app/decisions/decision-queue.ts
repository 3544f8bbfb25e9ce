import type { UserId } from '../../domain/ids.js';
import { accessProgram } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { Actor, AppDeps } from '../deps.js';
import { type DecisionView, decisionContextOf, decisionView, queueOrder } from './decision-view.js';

export interface DecisionQueueInput {
  readonly actor: Actor;
  /** Only this owner's decisions: "me", a person's id or their e-mail address. */
  readonly ownerId?: string | undefined;
}

/**
 * The decision queue: the open decisions of every program the actor sees, overdue first (each in its
 * program's time zone), then by due date, undated last; optionally one owner's only. An owner who is
 * unknown (or whom the actor cannot see) simply has nothing in the queue.
 */
export async function decisionQueue(deps: AppDeps, input: DecisionQueueInput): Promise<DecisionView[]> {
  const r = deps.store.reads;
  const owner = await ownerFilter(deps, input);
  if (owner === undefined) return [];
  // Only open decisions are read, by owner in SQL when asked; access is checked on their programs.
  const open = await r.listOpenDecisions(owner === null ? undefined : (owner as UserId));
  const visible = new Map<string, Program>();
  for (const program of await r.findPrograms(open.map((d) => d.programId))) {
    if (accessProgram(input.actor, program).ok) visible.set(program.id, program);
  }
  const shown = open.filter((d) => visible.has(d.programId));
  const ctx = await decisionContextOf(r, shown, deps.clock.now());
  return shown.map((d) => decisionView(ctx, visible.get(d.programId) as Program, d)).sort(queueOrder);
}

/** null: everybody's; undefined: a person who does not exist; otherwise their id. */
async function ownerFilter(deps: AppDeps, input: DecisionQueueInput): Promise<string | null | undefined> {
  const wanted = input.ownerId?.trim();
  if (!wanted) return null;
  if (wanted.toLowerCase() === 'me') return input.actor.id;
  const r = deps.store.reads;
  const user = wanted.includes('@') ? await r.findUserByEmail(wanted) : await r.findUser(wanted);
  return user?.id;
}
