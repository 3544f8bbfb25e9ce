import { type ActionStatus, actionStatuses } from '../../domain/action.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { isPlainDate } from '../../domain/plain-date.js';
import { keyNumber } from '../../domain/record-key.js';
import type { RecordPeriod } from '../../domain/record-period.js';
import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { badCursor, closedPeriod, decodeCursor, encodeCursor, isKeyNumber, type Page, pageOf } from '../paging.js';
import type { ActionPosition } from '../ports.js';
import { programToday } from '../views.js';
import { type ActionView, actionViews } from './action-view.js';

export interface ListActionsInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly status?: ActionStatus | 'all' | undefined;
  /** A person's id, or "me". */
  readonly ownerId?: string | undefined;
  /** Closed actions last changed before this day (program's zone) are left out; default: 365 days before until. */
  readonly since?: string | undefined;
  /** Closed actions last changed after this day are left out; default: today. */
  readonly until?: string | undefined;
  /** Actions per page (default 100). */
  readonly limit?: number | undefined;
  /** The `nextCursor` of the page before. */
  readonly cursor?: string | undefined;
}

export interface ActionPage extends Page<ActionView> {
  /** The days closed actions were read for. */
  readonly period: RecordPeriod;
}

const tag = 'actions';
const undated = 'none';

/** An action's place in work order as a cursor holds it: status, due date (or none), key number. */
function parsePosition(place: readonly string[] | null): ActionPosition | null {
  const [status, due, n] = place ?? [];
  if (!actionStatuses.includes(status as ActionStatus) || due === undefined || !isKeyNumber(n)) return null;
  if (due !== undated && !isPlainDate(due)) return null;
  return { status: status as ActionStatus, dueDate: due === undated ? null : (due as PlainDate), keyNumber: Number(n) };
}

/**
 * A program's actions in work order, a page at a time: open ones first, then done (waiting for
 * confirmation), then closed; each by due date (undated last), then key. Open and done actions are
 * always listed, closed ones when last changed within the period. Filtered and paged by keyset in SQL.
 */
export async function listActions(deps: AppDeps, input: ListActionsInput): Promise<Result<ActionPage>> {
  const after = input.cursor === undefined ? undefined : parsePosition(decodeCursor(tag, input.cursor, 3));
  if (after === null) return badCursor();
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const now = deps.clock.now();
  const period = closedPeriod(programToday(program, now), program.timeZone, input.since, input.until);
  if (!period.ok) return period;
  const status = input.status ?? 'all';
  const limit = input.limit ?? 100;
  const rows = await r.listActionPage(access.programId, {
    status: status === 'all' ? undefined : status,
    ownerId: input.ownerId === 'me' ? input.actor.id : input.ownerId,
    closed: period.value.instants,
    after,
    limit: limit + 1,
  });
  const page = pageOf(rows, limit, (a) => encodeCursor(tag, [a.status, a.dueDate ?? undated, keyNumber(a.key)]));
  return ok({
    items: await actionViews(r, program, access.programId, page.items, now),
    nextCursor: page.nextCursor,
    period: period.value.days,
  });
}
