import { type CountingWorkingDays, mondayToFriday } from './business-days.js';
import type { DayInfo } from './calendar/calendar-spec.js';
import { checkInDateRange } from './date-range.js';
import type { MilestoneId, UserId } from './ids.js';
import type { Milestone, Phase } from './milestone.js';
import type { PlainDate } from './plain-date.js';
import { keyNumber } from './record-key.js';
import { ok, type Result, refuse } from './result.js';
import type { DependencyLink } from './schedule/dependency.js';

/**
 * A new program's plan as a copy of another's, shifted to a new start on the new program's calendar.
 *
 * - The plan's start is the earliest baseline date of the source. Each milestone keeps its distance
 *   from it in business days: counted on the source's calendar, laid out on the new one from the new
 *   start (moved to the next business day when the new start is not one). Every copied date is thus a
 *   working day of the new calendar.
 * - Where the new calendar closes a weekday the plain Monday-to-Friday count would have used (a
 *   public holiday, a shutdown), the milestone lands later than that count and the preview names the
 *   day: `HOLIDAY` when the plain date itself is closed ("2026-10-01 is National Day; moved to
 *   2026-10-09"), `CLOSED_DAYS_BETWEEN` when only days before it were.
 * - Links are copied with their lags; a link the laid-out dates would break (the source broke it, or
 *   holidays fell unevenly) pushes its successor to the earliest date it allows (`PUSHED_BY_LINK`).
 * - Baseline and forecast are the copied date; nothing is done; owners are mapped by `ownerFor`
 *   (mapOwners: the person chosen, else the same person when they may own on the new program) or left
 *   for assignment (`OWNER_LEFT`), to be named before the program goes live.
 * - Keys are renumbered M-1… in the source's key order, so links and notes read in the same order.
 */

export type CopyNote =
  | { readonly code: 'START_MOVED'; readonly from: PlainDate; readonly to: PlainDate; readonly day: string }
  | { readonly code: 'HOLIDAY'; readonly date: PlainDate; readonly day: string; readonly movedTo: PlainDate }
  | { readonly code: 'CLOSED_DAYS_BETWEEN'; readonly days: number; readonly first: PlainDate; readonly day: string }
  | { readonly code: 'PUSHED_BY_LINK'; readonly predecessorKey: string; readonly lagDays: number; readonly from: PlainDate }
  | { readonly code: 'OWNER_LEFT'; readonly sourceOwnerId: UserId; readonly isChosen: boolean };

export interface CopiedMilestone {
  readonly sourceId: MilestoneId;
  readonly sourceKey: string;
  readonly key: string;
  readonly name: string;
  readonly phase: Phase;
  readonly ownerId: UserId | null;
  /** Who owns it in the source plan. */
  readonly sourceOwnerId: UserId | null;
  readonly isCritical: boolean;
  readonly toleranceDays: number | null;
  readonly sourceDate: PlainDate;
  readonly date: PlainDate;
  readonly notes: readonly CopyNote[];
}

export interface CopiedLink {
  readonly predecessorKey: string;
  readonly successorKey: string;
  readonly lagDays: number;
}

export interface PlanCopy {
  /** The new plan's first working day (the start asked for, or the next business day after it). */
  readonly start: PlainDate;
  readonly milestones: readonly CopiedMilestone[];
  readonly links: readonly CopiedLink[];
  /** The source's target release shifted like a milestone; null when the source has none. */
  readonly targetReleaseDate: PlainDate | null;
  readonly notes: readonly CopyNote[];
}

/** A calendar the copy lays dates out on: counts, offsets and names closed days. */
export interface CopyCalendar extends CountingWorkingDays {
  dayInfo(d: PlainDate): DayInfo;
  nextBusinessDay(d: PlainDate): PlainDate;
}

export interface PlanCopySource {
  readonly milestones: readonly Milestone[];
  readonly links: readonly DependencyLink[];
  readonly targetReleaseDate: PlainDate | null;
}

/** One owner of the source plan and how many of its milestones they own. */
export interface SourceOwner {
  readonly id: UserId;
  readonly milestones: number;
}

/** Where one source owner's milestones go: to a person, or nobody (left for assignment); chosen, or by default. */
export interface OwnerChoice {
  readonly to: UserId | null;
  readonly isChosen: boolean;
}

/** The source plan's owners, in the order of their first milestone by key. */
export function sourceOwners(milestones: readonly Pick<Milestone, 'key' | 'ownerId'>[]): SourceOwner[] {
  const counts = new Map<UserId, number>();
  for (const m of [...milestones].sort((a, b) => keyNumber(a.key) - keyNumber(b.key) || a.key.localeCompare(b.key))) {
    if (m.ownerId !== null) counts.set(m.ownerId, (counts.get(m.ownerId) ?? 0) + 1);
  }
  return [...counts].map(([id, n]) => ({ id, milestones: n }));
}

/**
 * Who owns a copied plan's milestones: for each source owner the person chosen (null: left for
 * assignment), else the same person when they may own on the new program, else nobody. A choice for
 * someone who owns nothing in the source, or of a person who may not own on the new program (holds no
 * role there), is refused naming `<path>.<source owner id>`.
 */
export function mapOwners(
  owners: readonly SourceOwner[],
  chosen: Readonly<Record<string, string | null>>,
  mayOwn: (id: string) => boolean,
  path: string,
): Result<ReadonlyMap<UserId, OwnerChoice>> {
  const known = new Set<string>(owners.map((o) => o.id));
  const strangers = Object.keys(chosen).filter((id) => !known.has(id));
  if (strangers.length > 0) {
    return refuse(
      'VALIDATION_FAILED',
      `${strangers.join(', ')} own${strangers.length === 1 ? 's' : ''} no milestone of the source plan.`,
      strangers.map((id) => ({ path: `${path}.${id}`, message: 'Owns no milestone of the source plan.' })),
    );
  }
  const outsiders = Object.entries(chosen).filter(([, to]) => to !== null && !mayOwn(to));
  if (outsiders.length > 0) {
    return refuse(
      'USER_NOT_FOUND',
      `${outsiders.map(([, to]) => to).join(', ')} will hold no role on the new program, so cannot own its milestones.`,
      outsiders.map(([id]) => ({ path: `${path}.${id}`, message: 'Holds no role on the new program.' })),
    );
  }
  return ok(
    new Map(
      owners.map((o): [UserId, OwnerChoice] => {
        if (!Object.hasOwn(chosen, o.id)) return [o.id, { to: mayOwn(o.id) ? o.id : null, isChosen: false }];
        return [o.id, { to: (chosen[o.id] ?? null) as UserId | null, isChosen: true }];
      }),
    ),
  );
}

/** What the calendar calls a closed day (the holiday's name, "shutdown", …). */
const dayName = (cal: CopyCalendar, d: PlainDate): string => cal.dayInfo(d).reasons[0]?.label ?? 'a closed day';

/** Lays the source's plan out from `start` on `target`; refuses a date that would leave the accepted range. */
export function copyPlan(
  source: PlanCopySource,
  sourceCal: CountingWorkingDays,
  target: CopyCalendar,
  start: PlainDate,
  ownerFor: (sourceOwnerId: UserId) => OwnerChoice,
): Result<PlanCopy> {
  const notes: CopyNote[] = [];
  const first = target.isWorkingDay(start) ? start : target.nextBusinessDay(start);
  if (first !== start) notes.push({ code: 'START_MOVED', from: start, to: first, day: dayName(target, start) });
  const inRange = checkInDateRange(first, 'startDate', 'The new start');
  if (!inRange.ok) return inRange;

  const ordered = [...source.milestones].sort((a, b) => keyNumber(a.key) - keyNumber(b.key) || a.key.localeCompare(b.key));
  const anchor = ordered.reduce<PlainDate | null>((min, m) => (min === null || m.baselineDate < min ? m.baselineDate : min), null);
  let firstClosed: PlainDate | undefined;
  const lay = (d: PlainDate): { date: PlainDate; notes: CopyNote[] } => {
    const offset = anchor === null ? 0 : sourceCal.count(anchor, d);
    const date = target.add(first, offset);
    const plain = mondayToFriday.add(first, offset);
    if (date === plain) return { date, notes: [] };
    if (!target.isWorkingDay(plain)) return { date, notes: [{ code: 'HOLIDAY', date: plain, day: dayName(target, plain), movedTo: date }] };
    // Closed weekdays from the start up to the plain date: why the copy lands later. The first of them
    // is the same for every milestone: found once, walking no further than the plain date.
    const closed = mondayToFriday.count(first, plain) - target.count(first, plain);
    // Fewer closed weekdays than worked weekend days (make-up working days): it lands earlier, as the
    // business days say; the preview shows both dates.
    if (closed <= 0) return { date, notes: [] };
    if (firstClosed === undefined || firstClosed > plain) {
      for (let d = mondayToFriday.add(first, 1); d <= plain; d = mondayToFriday.add(d, 1)) {
        if (!target.isWorkingDay(d)) {
          firstClosed = d;
          break;
        }
      }
    }
    const at = firstClosed ?? plain;
    return { date, notes: [{ code: 'CLOSED_DAYS_BETWEEN', days: closed, first: at, day: dayName(target, at) }] };
  };

  const byId = new Map<string, number>();
  const laid = ordered.map((m, i): { -readonly [K in keyof CopiedMilestone]: CopiedMilestone[K] } => {
    byId.set(m.id, i);
    const { date, notes: dateNotes } = lay(m.baselineDate);
    const owner = m.ownerId === null ? null : ownerFor(m.ownerId);
    const ownerId = owner?.to ?? null;
    const ownerNotes: CopyNote[] =
      m.ownerId !== null && ownerId === null ? [{ code: 'OWNER_LEFT', sourceOwnerId: m.ownerId, isChosen: owner?.isChosen ?? false }] : [];
    return {
      sourceId: m.id,
      sourceKey: m.key,
      key: `M-${i + 1}`,
      name: m.name,
      phase: m.phase,
      ownerId,
      sourceOwnerId: m.ownerId,
      isCritical: m.isCritical,
      toleranceDays: m.toleranceDays,
      sourceDate: m.baselineDate,
      date,
      notes: [...dateNotes, ...ownerNotes],
    };
  });

  // Links between copied milestones, in the new keys; then one forward pass in topological order.
  const links: { p: number; s: number; lagDays: number }[] = [];
  for (const l of source.links) {
    const p = byId.get(l.predecessorId);
    const s = byId.get(l.successorId);
    if (p !== undefined && s !== undefined) links.push({ p, s, lagDays: l.lagDays });
  }
  const order = topological(laid.length, links);
  if (order === null) return refuse('DEPENDENCY_CYCLE', 'The source plan has a dependency cycle; it cannot be copied.');
  const incoming = new Map<number, { p: number; lagDays: number }[]>();
  for (const l of links) {
    const list = incoming.get(l.s);
    if (list) list.push({ p: l.p, lagDays: l.lagDays });
    else incoming.set(l.s, [{ p: l.p, lagDays: l.lagDays }]);
  }
  for (const s of order) {
    const m = laid[s];
    if (m === undefined) continue;
    for (const { p, lagDays } of incoming.get(s) ?? []) {
      const pred = laid[p];
      if (pred === undefined) continue;
      const earliest = target.add(pred.date, lagDays);
      if (earliest > m.date) {
        m.notes = [...m.notes, { code: 'PUSHED_BY_LINK', predecessorKey: pred.key, lagDays, from: m.date }];
        m.date = earliest;
      }
    }
  }
  for (const m of laid) {
    const r = checkInDateRange(m.date, 'startDate', `${m.key} ${m.name}`);
    if (!r.ok) return r;
  }

  let targetReleaseDate: PlainDate | null = null;
  if (source.targetReleaseDate !== null) {
    targetReleaseDate = lay(source.targetReleaseDate).date;
    const r = checkInDateRange(targetReleaseDate, 'startDate', 'The target release');
    if (!r.ok) return r;
  }
  return ok({
    start: first,
    milestones: laid,
    links: links.map((l) => ({ predecessorKey: `M-${l.p + 1}`, successorKey: `M-${l.s + 1}`, lagDays: l.lagDays })),
    targetReleaseDate,
    notes,
  });
}

/** Kahn's order over the copied links; null when they hold a cycle. */
function topological(n: number, links: readonly { p: number; s: number }[]): number[] | null {
  const indegree = new Array<number>(n).fill(0);
  const out = new Map<number, number[]>();
  for (const l of links) {
    indegree[l.s] = (indegree[l.s] ?? 0) + 1;
    const list = out.get(l.p);
    if (list) list.push(l.s);
    else out.set(l.p, [l.s]);
  }
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order.push(i);
  for (let head = 0; head < order.length; head++) {
    for (const s of out.get(order[head] as number) ?? []) {
      indegree[s] = (indegree[s] ?? 0) - 1;
      if (indegree[s] === 0) order.push(s);
    }
  }
  return order.length === n ? order : null;
}
