import { DateTime } from 'luxon';
import { addBusinessDays, type WorkingDays } from '../business-days.js';
import type { UpdateRequestRule } from '../charter.js';
import type { UserId } from '../ids.js';
import { addDays, compareDates, type PlainDate } from '../plain-date.js';
import { nextWeek, type ReportWeek, weekOfDate } from '../report/iso-week.js';

// Update requests before the weekly report (issue 14): on a business day the charter sets, each owner of an
// item that is due, overdue or not updated for a while is asked, once per program and week, to update it.

export const requestItemKinds = ['milestone', 'action', 'risk', 'checklist_item'] as const;
export type RequestItemKind = (typeof requestItemKinds)[number];

/** Why an item is asked about: its date is past, it falls due this week or next, or nobody touched it for a while. */
export type RequestWhy = 'overdue' | 'due' | 'untouched';

/** One item of a request, as it was when asked (the page reads the item as it is now). */
export interface RequestItem {
  readonly kind: RequestItemKind;
  readonly id: string;
  readonly key: string;
  readonly title: string;
  /** A milestone's forecast, an action's due date, a risk's review date, a checklist item's due date. */
  readonly dueDate: PlainDate | null;
  readonly why: RequestWhy;
  /** The gate a checklist item belongs to. */
  readonly gateKey: string | null;
}

/** One owner's request for one program and report week. */
export interface UpdateRequest {
  readonly id: string;
  readonly programId: string;
  /** The report week it precedes, `2026-W49`. */
  readonly week: string;
  readonly ownerId: UserId;
  readonly askedAt: string;
  readonly items: readonly RequestItem[];
  /** Until when the signed link of a person without an account works; null: they sign in instead, no link. */
  readonly linkExpiresAt: string | null;
  readonly revokedAt: string | null;
  readonly revokedById: UserId | null;
  /** Items the owner confirmed as they stand (by id), through the link. */
  readonly confirmedItemIds: readonly string[];
  readonly version: number;
}

/** Bounds of a request and its link. */
export const updateRequestLimits = {
  /** A request names at most this many items (overdue first, then by date). */
  items: 50,
  /** A signed link works this long after it was sent. */
  linkDays: 14,
} as const;

/** The day of the week's report: its Monday plus the charter's weekday. */
export const reportDayOf = (week: ReportWeek, weekday: number): PlainDate => addDays(week.start, weekday - 1);

/** The business day requests for a week go out on: `businessDaysBefore` business days before the report's day (0: that day). */
export function requestDayOf(week: ReportWeek, weekday: number, businessDaysBefore: number, cal: WorkingDays): PlainDate {
  const day = reportDayOf(week, weekday);
  return businessDaysBefore === 0 ? day : addBusinessDays(cal, day, -businessDaysBefore);
}

/** The instant a week's report is due: its day at the charter's time, in the program's zone. */
export function reportDueAt(week: ReportWeek, weekday: number, time: string, timeZone: string): string {
  const t = DateTime.fromISO(`${reportDayOf(week, weekday)}T${time}`, { zone: timeZone });
  if (!t.isValid) throw new Error(`invalid report time ${time} in ${timeZone}`);
  return t.toUTC().toISO() as string;
}

/** What the run needs of a program's charter: the report's day and time, and the rule. */
export interface RequestSchedule {
  readonly weekday: number | null;
  readonly time: string | null;
  readonly rule: UpdateRequestRule;
}

/**
 * The report week whose requests are due at `now` (the program's `today` in its zone), or null: its request
 * day has come and its report is not yet due. The request day may lie in the week before the report's, so
 * this week's and next week's reports are both looked at.
 */
export function requestWeekDue(s: RequestSchedule, today: PlainDate, now: Date, timeZone: string, cal: WorkingDays): ReportWeek | null {
  const n = s.rule.businessDaysBefore;
  if (n === null || s.weekday === null || s.time === null) return null;
  const thisWeek = weekOfDate(today);
  for (const week of [thisWeek, nextWeek(thisWeek)]) {
    const day = requestDayOf(week, s.weekday, n, cal);
    if (compareDates(day, today) <= 0 && now.getTime() < Date.parse(reportDueAt(week, s.weekday, s.time, timeZone))) return week;
  }
  return null;
}

/** An open item as the run reads it, with its owner and the instant it last changed (null: never logged). */
export interface OpenItem {
  readonly kind: RequestItemKind;
  readonly id: string;
  readonly key: string;
  readonly title: string;
  readonly ownerId: UserId | null;
  readonly dueDate: PlainDate | null;
  readonly gateKey: string | null;
  readonly lastChangedAt: string | null;
  /** Not being worked yet (a checklist item of a gate not started): asked about only when its date comes, never as untouched. */
  readonly isDormant?: boolean | undefined;
}

const whyOrder: Readonly<Record<RequestWhy, number>> = { overdue: 0, due: 1, untouched: 2 };

/**
 * Why an open item is asked about on `today`, or null when it is not: overdue, due by the end of next week, or (unless
 * dormant) untouched for `untouchedDays` days.
 */
export function requestWhy(item: OpenItem, today: PlainDate, askedAt: string, untouchedDays: number): RequestWhy | null {
  if (item.dueDate !== null && compareDates(item.dueDate, today) < 0) return 'overdue';
  if (item.dueDate !== null && compareDates(item.dueDate, nextWeek(weekOfDate(today)).end) <= 0) return 'due';
  if (item.isDormant) return null;
  const untouchedSince = Date.parse(askedAt) - untouchedDays * 86_400_000;
  if (item.lastChangedAt === null || Date.parse(item.lastChangedAt) <= untouchedSince) return 'untouched';
  return null;
}

/**
 * Each owner's items to ask about, by owner: every open item with an owner that is overdue, due by the end of next
 * week, or not updated for `untouchedDays` days; overdue first, then by date and key, at most `updateRequestLimits.items`.
 */
export function requestItemsByOwner(
  items: readonly OpenItem[],
  today: PlainDate,
  askedAt: string,
  untouchedDays: number,
): Map<UserId, RequestItem[]> {
  const out = new Map<UserId, RequestItem[]>();
  for (const i of items) {
    if (i.ownerId === null) continue;
    const why = requestWhy(i, today, askedAt, untouchedDays);
    if (why === null) continue;
    const list = out.get(i.ownerId) ?? [];
    list.push({ kind: i.kind, id: i.id, key: i.key, title: i.title, dueDate: i.dueDate, why, gateKey: i.gateKey });
    out.set(i.ownerId, list);
  }
  for (const [owner, list] of out) {
    list.sort(
      (a, b) =>
        whyOrder[a.why] - whyOrder[b.why] ||
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
        a.kind.localeCompare(b.kind) ||
        a.key.localeCompare(b.key, 'en', { numeric: true }),
    );
    out.set(owner, list.slice(0, updateRequestLimits.items));
  }
  return out;
}

/** Until when a request's signed link works: `updateRequestLimits.linkDays` days after it was asked. */
export const linkExpiryOf = (askedAt: string): string =>
  new Date(Date.parse(askedAt) + updateRequestLimits.linkDays * 86_400_000).toISOString();

/** Whether the request's link still opens at `now`: not revoked and not expired. */
export function linkState(r: Pick<UpdateRequest, 'linkExpiresAt' | 'revokedAt'>, now: Date): 'open' | 'expired' | 'revoked' | 'none' {
  if (r.linkExpiresAt === null) return 'none';
  if (r.revokedAt !== null) return 'revoked';
  return now.getTime() < Date.parse(r.linkExpiresAt) ? 'open' : 'expired';
}

/** An item as people name it: its key, with its gate in front where the key does not already start with it (G3-NCR). */
export const itemLabel = (i: { readonly key: string; readonly gateKey: string | null }): string =>
  i.gateKey && !i.key.startsWith(`${i.gateKey}-`) ? `${i.gateKey} ${i.key}` : i.key;
