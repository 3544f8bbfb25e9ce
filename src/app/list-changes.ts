import { addDays, isPlainDate } from '../domain/plain-date.js';
import { ok, type Result, refuse } from '../domain/result.js';
import { startOfDayUtc } from '../domain/zoned.js';
import type { Actor, AppDeps } from './deps.js';
import { findAccessibleProgram } from './get-program.js';
import type { ChangeRecord, User } from './ports.js';
import { byId } from './views.js';

export interface ChangeView {
  readonly change: ChangeRecord;
  readonly actor: User | null;
}

/** One page of the change log, newest first; `nextCursor` asks for the page after it (null: none). */
export interface ChangePage {
  readonly items: readonly ChangeView[];
  readonly nextCursor: string | null;
}

export interface ListChangesInput {
  readonly programId: string;
  readonly actor: Actor;
  /** A plain date (from its start in the program's zone) or an instant, inclusive. */
  readonly since?: string | undefined;
  /** A plain date (to its end in the program's zone, inclusive) or an instant (exclusive). */
  readonly until?: string | undefined;
  /** Changes per page (default 500). */
  readonly limit?: number | undefined;
  /** The `nextCursor` of the page before. */
  readonly cursor?: string | undefined;
}

const instant = (v: string) => new Date(v).toISOString();

/** A page's last change as an opaque cursor: its instant and id, base64url. */
export const cursorOf = (c: ChangeRecord): string => Buffer.from(`${c.at}|${c.id}`, 'utf8').toString('base64url');

export function parseCursor(cursor: string): { at: string; id: string } | null {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { at, id };
}

/**
 * A program's change log, newest first, optionally between two dates or instants, a page at a time:
 * each page is found by its keyset (instant, id), so reading page 100 costs what reading page 1 does.
 */
export async function listChanges(deps: AppDeps, input: ListChangesInput): Promise<Result<ChangePage>> {
  const after = input.cursor === undefined ? undefined : parseCursor(input.cursor);
  if (after === null) {
    return refuse('VALIDATION_FAILED', 'cursor: must be a nextCursor from an earlier page', [
      { path: 'cursor', message: 'must be a nextCursor from an earlier page' },
    ]);
  }
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const zone = found.value.program.timeZone;
  const since = input.since && (isPlainDate(input.since) ? startOfDayUtc(input.since, zone) : instant(input.since));
  const until = input.until && (isPlainDate(input.until) ? startOfDayUtc(addDays(input.until, 1), zone) : instant(input.until));
  const limit = input.limit ?? 500;
  // One more than the page: whether there is a next page, without counting.
  const rows = await r.listChanges(found.value.access.programId, { since, until, limit: limit + 1, after });
  const page = rows.slice(0, limit);
  const users = byId<User>(await r.findUsers(page.map((c) => c.actorId)));
  const last = page.at(-1);
  return ok({
    items: page.map((change) => ({ change, actor: users.get(change.actorId) ?? null })),
    nextCursor: rows.length > limit && last ? cursorOf(last) : null,
  });
}
