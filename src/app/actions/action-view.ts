import { type Action, isActionOverdue } from '../../domain/action.js';
import type { Milestone } from '../../domain/milestone.js';
import type { AuthorizedProgramId } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { Risk } from '../../domain/risk.js';
import type { Reads, User } from '../ports.js';
import { byId, programToday } from '../views.js';

/** An action with the people and records it names, and whether it is overdue in the program's zone. */
export interface ActionView {
  readonly program: Program;
  readonly action: Action;
  readonly owner: User | null;
  readonly confirmedBy: User | null;
  readonly blocks: Milestone | null;
  readonly risk: Risk | null;
  readonly isOverdue: boolean;
}

const statusOrder = { open: 0, done: 1, closed: 2 } as const;
const keyNumber = (key: string) => Number(key.replace(/^\D+-/, '')) || 0;

/** Work order: open, then done (waiting for confirmation), then closed; each by due date (undated last), then key. */
export function actionOrder(a: Action, b: Action): number {
  if (a.status !== b.status) return statusOrder[a.status] - statusOrder[b.status];
  const ad = a.dueDate ?? '9999-12-31';
  const bd = b.dueDate ?? '9999-12-31';
  if (ad !== bd) return ad < bd ? -1 : 1;
  return keyNumber(a.key) - keyNumber(b.key);
}

/** Views of a program's actions, reading the people, milestones and risks they name once. */
export async function actionViews(
  reads: Reads,
  program: Program,
  programId: AuthorizedProgramId,
  actions: readonly Action[],
  now: Date,
): Promise<ActionView[]> {
  const [users, milestones, risks] = await Promise.all([reads.listUsers(), reads.listMilestones(programId), reads.listRisks([programId])]);
  const userById = byId(users);
  const milestoneById = byId(milestones);
  const riskById = byId(risks);
  const today = programToday(program, now);
  const find = <T>(map: ReadonlyMap<string, T>, id: string | null) => (id === null ? null : (map.get(id) ?? null));
  return actions.map((action) => ({
    program,
    action,
    owner: find(userById, action.ownerId),
    confirmedBy: find(userById, action.confirmedById),
    blocks: find(milestoneById, action.blocksMilestoneId),
    risk: find(riskById, action.riskId),
    isOverdue: isActionOverdue(action, today),
  }));
}

/** The view of one action; reads one after another, as it runs inside a write's transaction. */
export async function actionView(
  reads: Reads,
  program: Program,
  programId: AuthorizedProgramId,
  action: Action,
  now: Date,
): Promise<ActionView> {
  const owner = action.ownerId ? await reads.findUser(action.ownerId) : null;
  const confirmedBy = action.confirmedById ? await reads.findUser(action.confirmedById) : null;
  const blocks = action.blocksMilestoneId ? await reads.findMilestone(programId, action.blocksMilestoneId) : null;
  const risk = action.riskId ? await reads.findRisk(programId, action.riskId) : null;
  return { program, action, owner, confirmedBy, blocks, risk, isOverdue: isActionOverdue(action, programToday(program, now)) };
}
