import { type Decision, decisionQueueOrder } from '../../domain/decision.js';
import type { UserId } from '../../domain/ids.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { AuthorizedProgramId } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import { type LinkDirectory, type LinkedRecord, linkDirectory, linkDirectoryOf } from '../links.js';
import type { Reads, User } from '../ports.js';
import { byId, programToday } from '../views.js';

/** What an open item lacks, flagged wherever it is listed. */
export type DecisionFlag = 'no_owner' | 'no_due_date';

export interface DecisionRef {
  readonly id: string;
  readonly key: string;
}

/** A decision as people see it: its people, its chain, what it is linked to and whether it is overdue. */
export interface DecisionView {
  readonly decision: Decision;
  readonly program: Program;
  readonly owner: User | null;
  readonly requestedBy: User | null;
  readonly decidedBy: User | null;
  /** The decision this one replaced. */
  readonly supersedes: DecisionRef | null;
  /** The decision that replaced this one. */
  readonly supersededBy: DecisionRef | null;
  readonly links: readonly LinkedRecord[];
  /** Open and due before today in the program's time zone. */
  readonly isOverdue: boolean;
  /** For open decisions only: a decided one needs neither an owner nor a due date any more. */
  readonly flags: readonly DecisionFlag[];
}

export const isDecisionOverdue = (d: Decision, today: PlainDate): boolean => d.status === 'open' && d.dueDate !== null && d.dueDate < today;

export function decisionFlags(d: Decision): DecisionFlag[] {
  if (d.status !== 'open') return [];
  const flags: DecisionFlag[] = [];
  if (d.ownerId === null) flags.push('no_owner');
  if (d.dueDate === null) flags.push('no_due_date');
  return flags;
}

/** What views of the decisions of some programs need, loaded once. */
export interface DecisionContext {
  readonly users: ReadonlyMap<string, User>;
  readonly decisions: ReadonlyMap<string, Decision>;
  readonly links: LinkDirectory;
  readonly now: Date;
}

export async function decisionContext(reads: Reads, programIds: readonly AuthorizedProgramId[], now: Date): Promise<DecisionContext> {
  const [users, decisions, links] = await Promise.all([
    reads.listUsers(),
    reads.listDecisions(programIds),
    linkDirectory(reads, programIds),
  ]);
  return { users: byId(users), decisions: byId(decisions), links, now };
}

/** What views of these decisions need, read for them alone: their people, the other ends of their chains, their links. */
export async function decisionContextOf(reads: Reads, shown: readonly Decision[], now: Date): Promise<DecisionContext> {
  const chain = shown.flatMap((d) => [d.supersedesId, d.supersededById].filter((id): id is string => id !== null));
  const people = shown.flatMap((d) => [d.ownerId, d.requestedById, d.decidedById].filter((id): id is UserId => id !== null));
  const [others, users, links] = await Promise.all([
    reads.findDecisions(chain),
    reads.findUsers(people),
    linkDirectoryOf(
      reads,
      'decision',
      shown.map((d) => d.id),
    ),
  ]);
  return { users: byId(users), decisions: byId([...shown, ...others]), links, now };
}

const ref = (ctx: DecisionContext, id: string | null): DecisionRef | null => {
  if (id === null) return null;
  const d = ctx.decisions.get(id);
  return d ? { id: d.id, key: d.key } : null;
};
const person = (ctx: DecisionContext, id: string | null) => (id ? (ctx.users.get(id) ?? null) : null);

export function decisionView(ctx: DecisionContext, program: Program, d: Decision): DecisionView {
  return {
    decision: d,
    program,
    owner: person(ctx, d.ownerId),
    requestedBy: person(ctx, d.requestedById),
    decidedBy: person(ctx, d.decidedById),
    supersedes: ref(ctx, d.supersedesId),
    supersededBy: ref(ctx, d.supersededById),
    links: ctx.links.linksOf('decision', d.id),
    isOverdue: isDecisionOverdue(d, programToday(program, ctx.now)),
    flags: decisionFlags(d),
  };
}

/** One decision's view, reading what it needs (inside a transaction: pass the Tx). */
export async function viewDecision(reads: Reads, program: Program, programId: AuthorizedProgramId, d: Decision, now: Date, bare?: boolean) {
  // A bare answer (AppDeps.bareAnswers): the decision alone, naming no one and nothing, read from nowhere.
  if (bare) return decisionView({ users: new Map(), decisions: new Map([[d.id, d]]), links: { linksOf: () => [] }, now }, program, d);
  return decisionView(await decisionContext(reads, [programId], now), program, d);
}

const undated = '9999-12-31';

/**
 * The decision queue's order across programs: overdue first (each program's today), then by due date
 * with undated last, then by program and key.
 */
export function queueOrder(a: DecisionView, b: DecisionView): number {
  const ad = a.decision.dueDate ?? undated;
  const bd = b.decision.dueDate ?? undated;
  return (
    Number(b.isOverdue) - Number(a.isOverdue) ||
    (ad < bd ? -1 : ad > bd ? 1 : 0) ||
    a.program.code.localeCompare(b.program.code) ||
    decisionQueueOrder(a.decision, b.decision)
  );
}
