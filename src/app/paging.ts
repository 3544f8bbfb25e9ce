import { addDays, type PlainDate } from '../domain/plain-date.js';
import { type RecordPeriod, recordPeriod } from '../domain/record-period.js';
import { ok, type Result, refuse } from '../domain/result.js';
import { startOfDayUtc } from '../domain/zoned.js';
import type { ClosedPeriod } from './ports.js';

// What the paged lists share: opaque cursors (a list's tag and the last item's place, base64url), the
// refusal of one that does not decode, and the period closed records are read for.

/** One page of a list and the cursor of the page after it (null: the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** The cursor of a page's last item: the list's tag and the item's place in the order, opaque to callers. */
export const encodeCursor = (tag: string, place: readonly (string | number)[]): string =>
  Buffer.from([tag, ...place].join('|'), 'utf8').toString('base64url');

/** The place a cursor of this list holds, or null when it is not one (another list's, edited, made up). */
export function decodeCursor(tag: string, cursor: string, parts: number): string[] | null {
  const [head, ...place] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return head === tag && place.length === parts ? place : null;
}

/** A key's number as a cursor holds it. */
export const isKeyNumber = (v: string | undefined): v is string => v !== undefined && /^[0-9]{1,15}$/.test(v);

export const badCursor = <T>(): Result<T> =>
  refuse('VALIDATION_FAILED', 'cursor: must be a nextCursor from an earlier page', [
    { path: 'cursor', message: 'must be a nextCursor from an earlier page' },
  ]);

/**
 * The page out of rows read one beyond it (so the next page's existence costs no count), with the
 * cursor of its last item when more follow.
 */
export function pageOf<T>(rows: readonly T[], limit: number, cursorOf: (last: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}

/** The days asked for (or the default period), and the instants they cover in the program's time zone. */
export function closedPeriod(
  today: PlainDate,
  timeZone: string,
  since: string | undefined,
  until: string | undefined,
): Result<{ readonly days: RecordPeriod; readonly instants: ClosedPeriod }> {
  const period = recordPeriod(today, since as PlainDate | undefined, until as PlainDate | undefined);
  if (!period.ok) return period;
  const days = period.value;
  return ok({
    days,
    instants: { since: startOfDayUtc(days.since, timeZone), until: startOfDayUtc(addDays(days.until, 1), timeZone) },
  });
}
