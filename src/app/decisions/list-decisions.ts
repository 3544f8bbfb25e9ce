import type { DecisionStatus } from '../../domain/decision.js';
import { keyNumber } from '../../domain/record-key.js';
import type { RecordPeriod } from '../../domain/record-period.js';
import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { badCursor, closedPeriod, decodeCursor, encodeCursor, isKeyNumber, type Page, pageOf } from '../paging.js';
import { programToday } from '../views.js';
import { type DecisionView, decisionContextOf, decisionView } from './decision-view.js';

/** Which decisions to list: one status, the closed ones (decided or superseded), or all. */
export type DecisionFilter = DecisionStatus | 'closed' | 'all';

export interface ListDecisionsInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly status?: DecisionFilter | undefined;
  /** By key: D-1 first (asc, the default) or the latest asked first (desc). */
  readonly order?: 'asc' | 'desc' | undefined;
  /** Closed decisions last changed before this day (program's zone) are left out; default: 365 days before until. */
  readonly since?: string | undefined;
  /** Closed decisions last changed after this day are left out; default: today. */
  readonly until?: string | undefined;
  /** Decisions per page (default 100). */
  readonly limit?: number | undefined;
  /** The `nextCursor` of the page before. */
  readonly cursor?: string | undefined;
}

export interface DecisionPage extends Page<DecisionView> {
  /** The days closed decisions were read for. */
  readonly period: RecordPeriod;
}

const statuses: Record<DecisionFilter, readonly DecisionStatus[] | undefined> = {
  all: undefined,
  open: ['open'],
  decided: ['decided'],
  superseded: ['superseded'],
  closed: ['decided', 'superseded'],
};

/**
 * A program's decision log by key, a page at a time: every open decision, and the decided and
 * superseded ones last changed within the period. Each page is found by its keyset (the key's number)
 * in SQL, so reading page 100 costs what reading page 1 does.
 */
export async function listDecisions(deps: AppDeps, input: ListDecisionsInput): Promise<Result<DecisionPage>> {
  const order = input.order ?? 'asc';
  const tag = `decisions-${order}`;
  const after = input.cursor === undefined ? undefined : decodeCursor(tag, input.cursor, 1);
  if (after === null || (after !== undefined && !isKeyNumber(after[0]))) return badCursor();
  const afterKeyNumber = after === undefined ? undefined : Number(after[0]);
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const now = deps.clock.now();
  const period = closedPeriod(programToday(program, now), program.timeZone, input.since, input.until);
  if (!period.ok) return period;
  const limit = input.limit ?? 100;
  const rows = await r.listDecisionPage(access.programId, {
    statuses: statuses[input.status ?? 'all'],
    closed: period.value.instants,
    descending: order === 'desc',
    afterKeyNumber,
    limit: limit + 1,
  });
  const page = pageOf(rows, limit, (last) => encodeCursor(tag, [keyNumber(last.key)]));
  const ctx = await decisionContextOf(r, page.items, now);
  return ok({
    items: page.items.map((d) => decisionView(ctx, program, d)),
    nextCursor: page.nextCursor,
    period: period.value.days,
  });
}
