import { type AuthorizedProgramId, accessProgram } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { Actor, AppDeps } from '../deps.js';
import { type DecisionView, decisionContext, decisionView, queueOrder } from './decision-view.js';

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
  const visible = new Map<string, Program>();
  const ids: AuthorizedProgramId[] = [];
  for (const program of await r.listPrograms()) {
    const a = accessProgram(input.actor, program);
    if (!a.ok) continue;
    visible.set(program.id, program);
    ids.push(a.value.programId);
  }
  const owner = await ownerFilter(deps, input);
  if (owner === undefined) return [];
  const ctx = await decisionContext(r, ids, deps.clock.now());
  return [...ctx.decisions.values()]
    .filter((d) => d.status === 'open' && (owner === null || d.ownerId === owner))
    .map((d) => decisionView(ctx, visible.get(d.programId) as Program, d))
    .sort(queueOrder);
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
