import type { FloorEventKind } from '../../domain/floor/floor-event.js';
import { keyNumber } from '../../domain/record-key.js';
import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { badCursor, decodeCursor, encodeCursor, isKeyNumber, type Page, pageOf } from '../paging.js';
import { type FloorEventView, floorEventViews } from './floor-event-view.js';

export interface ListFloorEventsInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly kind?: FloorEventKind | undefined;
  /** Events per page (default 100; the contract bounds it). */
  readonly limit?: number | undefined;
  /** The `nextCursor` of the page before. */
  readonly cursor?: string | undefined;
}

const tag = 'events';

/** A program's floor events, newest first (by key), a page at a time by keyset in SQL; optionally one kind. */
export async function listFloorEvents(deps: AppDeps, input: ListFloorEventsInput): Promise<Result<Page<FloorEventView>>> {
  const place = input.cursor === undefined ? undefined : decodeCursor(tag, input.cursor, 1);
  if (place === null) return badCursor();
  const [n] = place ?? [];
  if (place !== undefined && !isKeyNumber(n)) return badCursor();
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const limit = input.limit ?? 100;
  const rows = await r.listFloorEventPage(access.programId, {
    kind: input.kind,
    beforeKeyNumber: n === undefined ? undefined : Number(n),
    limit: limit + 1,
  });
  const page = pageOf(rows, limit, (e) => encodeCursor(tag, [keyNumber(e.key)]));
  return ok({ items: await floorEventViews(r, program, page.items, deps.clock.now()), nextCursor: page.nextCursor });
}
