import { addBusinessDays, businessDaysBetween, type WorkingDays } from '../business-days.js';
import type { UserId } from '../ids.js';
import type { PlainDate } from '../plain-date.js';
import { type EvidenceState, isItemSatisfied, type ReadinessItem } from './checklist-item.js';
import type { Gate } from './gate.js';
import { isGatePassed } from './gate-status.js';

/**
 * passed: nothing to watch; stopped: the program stopped here; not_planned: no review date yet;
 * not_yet: before the warning period; on_track / at_risk: inside it.
 */
export type ReadinessLevel = 'passed' | 'stopped' | 'not_planned' | 'not_yet' | 'on_track' | 'at_risk';

/** rejected: the evidence was turned down; overdue: past its due date; due: due today and not accepted. */
export type OffCourseReason = 'rejected' | 'overdue' | 'due';

export interface OffCourseItem {
  readonly key: string;
  readonly title: string;
  readonly ownerId: UserId | null;
  /** The item's due date, or the planned review when it has none. */
  readonly dueDate: PlainDate;
  readonly state: EvidenceState;
  readonly reasons: readonly OffCourseReason[];
}

export interface GateReadiness {
  readonly level: ReadinessLevel;
  /** The first day of the warning period; null when the review is not planned or the gate is settled. */
  readonly windowStart: PlainDate | null;
  /** Business days from today up to the planned review (negative once it is past). */
  readonly businessDaysLeft: number | null;
  /** Required items not on course; listed before the warning period too, though only inside it do they make the gate at risk. */
  readonly items: readonly OffCourseItem[];
}

export type ReadinessGate = Pick<Gate, 'key' | 'status' | 'warningDays'> & { readonly plannedReviewDate: PlainDate | null };

function offCourse(item: ReadinessItem, review: PlainDate, today: PlainDate): OffCourseItem | null {
  if (!item.isRequired || isItemSatisfied(item)) return null;
  const dueDate = item.dueDate ?? review;
  const reasons: OffCourseReason[] = [];
  if (item.state === 'rejected') reasons.push('rejected');
  if (dueDate < today) reasons.push('overdue');
  else if (dueDate === today) reasons.push('due');
  if (reasons.length === 0) return null;
  return { key: item.key, title: item.title, ownerId: item.ownerId, dueDate, state: item.state, reasons };
}

/**
 * From the warning period before the planned review (counted in business days on the program's
 * calendar), a gate is at risk when a required item is not on course: rejected, overdue, or due and
 * not accepted; a passed gate is never at risk.
 */
export function gateReadiness(
  gate: ReadinessGate,
  items: readonly ReadinessItem[],
  today: PlainDate,
  calendar: WorkingDays,
): GateReadiness {
  if (isGatePassed(gate.status)) return { level: 'passed', windowStart: null, businessDaysLeft: null, items: [] };
  if (gate.status === 'stopped') return { level: 'stopped', windowStart: null, businessDaysLeft: null, items: [] };
  const review = gate.plannedReviewDate;
  if (review === null) return { level: 'not_planned', windowStart: null, businessDaysLeft: null, items: [] };
  const windowStart = addBusinessDays(calendar, review, -gate.warningDays);
  const businessDaysLeft = businessDaysBetween(calendar, today, review);
  const named = items.map((i) => offCourse(i, review, today)).filter((i): i is OffCourseItem => i !== null);
  const isInWindow = businessDaysLeft <= gate.warningDays;
  const level: ReadinessLevel = !isInWindow ? 'not_yet' : named.length > 0 ? 'at_risk' : 'on_track';
  return { level, windowStart, businessDaysLeft, items: named };
}

/**
 * Whether the gate can be at risk on `today` whatever its planned review is: only while it is not
 * passed or stopped, and only with a required item not satisfied that is rejected, due by today, or
 * undated (due on the review day). Otherwise its review date need not be read.
 */
export function mayBeAtRisk(gate: Pick<Gate, 'status'>, items: readonly ReadinessItem[], today: PlainDate): boolean {
  if (isGatePassed(gate.status) || gate.status === 'stopped') return false;
  return items.some((i) => i.isRequired && !isItemSatisfied(i) && (i.state === 'rejected' || i.dueDate === null || i.dueDate <= today));
}
