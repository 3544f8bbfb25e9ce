import type { Milestone } from '../../domain/milestone.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import { type SlipHistory, slipHistoryPage } from '../../domain/slips.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { badCursor, decodeCursor, encodeCursor, pageOf } from '../paging.js';
import type { ChangeQuery, User } from '../ports.js';
import { byId, programCalendar } from '../views.js';
import { forecastMoves } from './get-plan.js';

export interface GetSlipHistoryInput {
  readonly programId: string;
  readonly milestoneId: string;
  readonly actor: Actor;
  /** Moves per page (default 100). */
  readonly limit?: number | undefined;
  /** The `nextCursor` of the page before. */
  readonly cursor?: string | undefined;
}

export interface SlipHistoryView {
  readonly milestone: Milestone;
  /** The page's moves, oldest first; count and net days are the whole history's. */
  readonly history: SlipHistory;
  readonly users: ReadonlyMap<string, User>;
  readonly nextCursor: string | null;
}

const tag = 'slips';

/** The instant and id of the last move a cursor names. */
function parsePlace(place: readonly string[] | null): { at: string; id: string } | null {
  const [at, id] = place ?? [];
  if (at === undefined || id === undefined || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { at, id };
}

/**
 * A milestone's slip history: every move of its forecast, who, when, how far and why, oldest first and a
 * page at a time (keyset on the change rows' instant and id); the count and net days cover every move.
 */
export async function getSlipHistory(deps: AppDeps, input: GetSlipHistoryInput): Promise<Result<SlipHistoryView>> {
  const after = input.cursor === undefined ? undefined : parsePlace(decodeCursor(tag, input.cursor, 2));
  if (after === null) return badCursor();
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program: p, access } = found.value;
  const m = await r.findMilestone(access.programId, input.milestoneId);
  if (!m) return refuse('MILESTONE_NOT_FOUND', `No milestone "${input.milestoneId}" in ${p.code}.`);
  const limit = input.limit ?? 100;
  const moves = {
    entity: 'milestone',
    entityId: m.id,
    fields: ['forecastDate'],
    valueChangesOnly: true,
  } as const satisfies Partial<ChangeQuery>;
  const [rows, count, [first], [last]] = await Promise.all([
    r.listChanges(access.programId, { ...moves, ascending: true, after, limit: limit + 1 }),
    r.countChanges(access.programId, moves),
    r.listChanges(access.programId, { ...moves, ascending: true, limit: 1 }),
    r.listChanges(access.programId, { ...moves, limit: 1 }),
  ]);
  const page = pageOf(rows, limit, (c) => encodeCursor(tag, [c.at, c.id]));
  const move = (c: typeof first) => (c === undefined ? undefined : forecastMoves([c]).get(m.id)?.[0]);
  const history = slipHistoryPage(
    programCalendar(p),
    { count, first: move(first), last: move(last) },
    forecastMoves(page.items).get(m.id) ?? [],
  );
  const users = byId<User>(await r.findUsers(page.items.map((c) => c.actorId)));
  return ok({ milestone: m, history, users, nextCursor: page.nextCursor });
}
