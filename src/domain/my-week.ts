import { type Action, isActionOverdue } from './action.js';
import type { Decision } from './decision.js';
import type { EvidenceState } from './gates/checklist-item.js';
import type { UserId } from './ids.js';
import type { Milestone } from './milestone.js';
import { addDays, isoWeekday, type PlainDate } from './plain-date.js';
import type { Risk } from './risk.js';

export type WeekItemKind = 'decision' | 'action' | 'confirmation' | 'risk_review' | 'milestone' | 'checklist_item' | 'evidence_review';
/** Gaps the promise "no item without an owner and a due date" names wherever an item is listed. */
export type WeekFlag = 'no_due_date' | 'no_owner';

export interface WeekItem {
  readonly kind: WeekItemKind;
  readonly programId: string;
  readonly programCode: string;
  readonly id: string;
  readonly key: string;
  readonly title: string;
  readonly dueDate: PlainDate | null;
  readonly isOverdue: boolean;
  readonly flags: readonly WeekFlag[];
  /** The gate a checklist item (or evidence to review) belongs to. */
  readonly gateKey?: string | undefined;
}

/** A checklist item as "my week" reads it: the item and its gate's key. */
export interface WeekChecklistItem {
  readonly id: string;
  readonly programId: string;
  readonly gateKey: string;
  readonly key: string;
  readonly title: string;
  readonly ownerId: string | null;
  readonly dueDate: PlainDate | null;
  readonly state: EvidenceState;
  readonly submittedById: string | null;
}

export interface IsoWeek {
  readonly start: PlainDate;
  readonly end: PlainDate;
}

/** The ISO week (Monday to Sunday) that holds the day. */
export function isoWeekOf(day: PlainDate): IsoWeek {
  const start = addDays(day, 1 - isoWeekday(day));
  return { start, end: addDays(start, 6) };
}

/** One program's records as the person sees them, with today in the program's time zone. */
export interface ProgramWeek {
  readonly programId: string;
  readonly programCode: string;
  readonly today: PlainDate;
  /** Whether the person runs this program: done actions then wait for their confirmation. */
  readonly isCadenceOwner: boolean;
  readonly decisions: readonly Decision[];
  readonly actions: readonly Action[];
  readonly risks: readonly Risk[];
  readonly milestones: readonly Milestone[];
  /** Checklist items the person owns that are open or rejected, of gates not settled. */
  readonly checklistItems: readonly WeekChecklistItem[];
  /** Submitted evidence of gates the person owns, waiting for review. */
  readonly reviews: readonly WeekChecklistItem[];
}

export interface MyWeekItems {
  readonly decisions: readonly WeekItem[];
  readonly actions: readonly WeekItem[];
  readonly confirmations: readonly WeekItem[];
  readonly risks: readonly WeekItem[];
  readonly milestones: readonly WeekItem[];
  readonly checklistItems: readonly WeekItem[];
  readonly reviews: readonly WeekItem[];
}

/** The flags of an item: no owner, no due date. */
export function flagsOf(item: { readonly ownerId: string | null; readonly dueDate: PlainDate | null }): WeekFlag[] {
  const flags: WeekFlag[] = [];
  if (item.dueDate === null) flags.push('no_due_date');
  if (item.ownerId === null) flags.push('no_owner');
  return flags;
}

const keyNumber = (key: string) => Number(key.replace(/^\D+-/, '')) || 0;

/** Overdue first, then by due date (undated last), then by program and key. */
export function weekOrder(a: WeekItem, b: WeekItem): number {
  if (a.isOverdue !== b.isOverdue) return a.isOverdue ? -1 : 1;
  const ad = a.dueDate ?? '9999-12-31';
  const bd = b.dueDate ?? '9999-12-31';
  if (ad !== bd) return ad < bd ? -1 : 1;
  if (a.programCode !== b.programCode) return a.programCode < b.programCode ? -1 : 1;
  return keyNumber(a.key) - keyNumber(b.key);
}

/** Due by the end of the week, or overdue, or without a date (so the gap shows). */
const dueByWeekEnd = (due: PlainDate | null, weekEnd: PlainDate) => due === null || due <= weekEnd;

function item(
  kind: WeekItemKind,
  p: ProgramWeek,
  r: { readonly id: string; readonly key: string; readonly ownerId: string | null },
  title: string,
  due: PlainDate | null,
  isOverdue: boolean,
): WeekItem {
  const flags = flagsOf({ ownerId: r.ownerId, dueDate: due });
  return { kind, programId: p.programId, programCode: p.programCode, id: r.id, key: r.key, title, dueDate: due, isOverdue, flags };
}

/**
 * What a person must do this week, across their programs: open decisions they own; open actions
 * they own that are due by the week's end (in each program's zone), overdue or undated; done actions
 * waiting for their confirmation where they run the program; open risks they own whose review is
 * due or undated; open milestones they own forecast by the week's end (late ones included); checklist
 * items they own still to evidence (open or rejected) due by the week's end or undated; and evidence
 * submitted on gates they own, waiting for their review (not their own submissions).
 */
export function selectMyWeek(me: UserId, programs: readonly ProgramWeek[]): MyWeekItems {
  const decisions: WeekItem[] = [];
  const actions: WeekItem[] = [];
  const confirmations: WeekItem[] = [];
  const risks: WeekItem[] = [];
  const milestones: WeekItem[] = [];
  const checklistItems: WeekItem[] = [];
  const reviews: WeekItem[] = [];
  for (const p of programs) {
    const { today } = p;
    const weekEnd = isoWeekOf(today).end;
    for (const d of p.decisions) {
      if (d.ownerId !== me || d.status !== 'open') continue;
      decisions.push(item('decision', p, d, d.statement, d.dueDate, d.dueDate !== null && d.dueDate < today));
    }
    for (const a of p.actions) {
      if (a.ownerId === me && a.status === 'open' && dueByWeekEnd(a.dueDate, weekEnd)) {
        actions.push(item('action', p, a, a.title, a.dueDate, isActionOverdue(a, today)));
      }
      if (p.isCadenceOwner && a.status === 'done') confirmations.push(item('confirmation', p, a, a.title, a.dueDate, false));
    }
    for (const r of p.risks) {
      if (r.ownerId !== me || (r.status !== 'open' && r.status !== 'mitigating') || !dueByWeekEnd(r.reviewDate, weekEnd)) continue;
      risks.push(item('risk_review', p, r, r.title, r.reviewDate, r.reviewDate !== null && r.reviewDate < today));
    }
    for (const m of p.milestones) {
      if (m.ownerId !== me || m.actualDate !== null || m.forecastDate > weekEnd) continue;
      milestones.push(item('milestone', p, m, m.name, m.forecastDate, m.forecastDate < today));
    }
    for (const c of p.checklistItems) {
      if (c.ownerId !== me || (c.state !== 'open' && c.state !== 'rejected') || !dueByWeekEnd(c.dueDate, weekEnd)) continue;
      checklistItems.push({
        ...item('checklist_item', p, c, c.title, c.dueDate, c.dueDate !== null && c.dueDate < today),
        gateKey: c.gateKey,
      });
    }
    for (const c of p.reviews) {
      if (c.state !== 'submitted' || c.submittedById === me) continue;
      reviews.push({ ...item('evidence_review', p, c, c.title, c.dueDate, c.dueDate !== null && c.dueDate < today), gateKey: c.gateKey });
    }
  }
  return {
    decisions: decisions.sort(weekOrder),
    actions: actions.sort(weekOrder),
    confirmations: confirmations.sort(weekOrder),
    risks: risks.sort(weekOrder),
    milestones: milestones.sort(weekOrder),
    checklistItems: checklistItems.sort(weekOrder),
    reviews: reviews.sort(weekOrder),
  };
}
