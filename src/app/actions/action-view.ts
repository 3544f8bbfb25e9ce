import { type Action, isActionOverdue } from '../../domain/action.js';
import type { UserId } from '../../domain/ids.js';
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
  /** Who marked it done: the person who may not also confirm its closure. */
  readonly doneBy: User | null;
  readonly confirmedBy: User | null;
  readonly blocks: Milestone | null;
  readonly risk: Risk | null;
  readonly isOverdue: boolean;
}

/** Views of a program's actions, reading the people, milestones and risks they name once. */
export async function actionViews(
  reads: Reads,
  program: Program,
  programId: AuthorizedProgramId,
  actions: readonly Action[],
  now: Date,
): Promise<ActionView[]> {
  const people = actions.flatMap((a) => [a.ownerId, a.doneById, a.confirmedById].filter((id): id is UserId => id !== null));
  const [users, milestones, risks] = await Promise.all([
    reads.findUsers(people),
    reads.listMilestones(programId),
    reads.listRisks([programId]),
  ]);
  const userById = byId(users);
  const milestoneById = byId(milestones);
  const riskById = byId(risks);
  const today = programToday(program, now);
  const find = <T>(map: ReadonlyMap<string, T>, id: string | null) => (id === null ? null : (map.get(id) ?? null));
  return actions.map((action) => ({
    program,
    action,
    owner: find(userById, action.ownerId),
    doneBy: find(userById, action.doneById),
    confirmedBy: find(userById, action.confirmedById),
    blocks: find(milestoneById, action.blocksMilestoneId),
    risk: find(riskById, action.riskId),
    isOverdue: isActionOverdue(action, today),
  }));
}

/**
 * The view of one action; reads one after another, as it runs inside a write's transaction. `bare`
 * (AppDeps.bareAnswers): the action alone, naming no one and nothing, read from nowhere.
 */
export async function actionView(
  reads: Reads,
  program: Program,
  programId: AuthorizedProgramId,
  action: Action,
  now: Date,
  bare?: boolean,
): Promise<ActionView> {
  if (bare) {
    const none = { owner: null, doneBy: null, confirmedBy: null, blocks: null, risk: null };
    return { program, action, ...none, isOverdue: isActionOverdue(action, programToday(program, now)) };
  }
  const owner = action.ownerId ? await reads.findUser(action.ownerId) : null;
  const doneBy = action.doneById ? await reads.findUser(action.doneById) : null;
  const confirmedBy = action.confirmedById ? await reads.findUser(action.confirmedById) : null;
  const blocks = action.blocksMilestoneId ? await reads.findMilestone(programId, action.blocksMilestoneId) : null;
  const risk = action.riskId ? await reads.findRisk(programId, action.riskId) : null;
  return { program, action, owner, doneBy, confirmedBy, blocks, risk, isOverdue: isActionOverdue(action, programToday(program, now)) };
}
