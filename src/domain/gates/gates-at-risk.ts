import type { WorkingDays } from '../business-days.js';
import type { Milestone } from '../milestone.js';
import type { PlainDate } from '../plain-date.js';
import type { ReadinessItem } from './checklist-item.js';
import type { Gate } from './gate.js';
import { type GateReadiness, gateReadiness } from './gate-readiness.js';

/** A gate at risk with its planned review date and its readiness (level at_risk, the items not on course named). */
export interface GateAtRisk<G extends Gate = Gate> {
  readonly gate: G;
  readonly plannedReviewDate: PlainDate;
  readonly readiness: GateReadiness & { readonly businessDaysLeft: number };
}

/**
 * The gates of one program that are at risk today, on the program's calendar: each gate's planned
 * review is its review milestone's actual date, else its forecast; a gate without a review milestone
 * among those given is left out. Ordered by planned review, then gate order as given.
 */
export function gatesAtRiskOf<G extends Gate>(
  gates: readonly G[],
  reviewMilestones: readonly (Pick<Milestone, 'actualDate' | 'forecastDate'> & { readonly id: string })[],
  openRequiredItems: readonly ReadinessItem[],
  today: PlainDate,
  calendar: WorkingDays,
): GateAtRisk<G>[] {
  const reviews = new Map(reviewMilestones.map((m) => [m.id, m]));
  const out: GateAtRisk<G>[] = [];
  for (const gate of gates) {
    const m = gate.reviewMilestoneId ? reviews.get(gate.reviewMilestoneId) : undefined;
    if (!m) continue;
    const plannedReviewDate = m.actualDate ?? m.forecastDate;
    const readiness = gateReadiness(
      { ...gate, plannedReviewDate },
      openRequiredItems.filter((i) => i.gateId === gate.id),
      today,
      calendar,
    );
    if (readiness.level === 'at_risk' && readiness.businessDaysLeft !== null) {
      out.push({ gate, plannedReviewDate, readiness: { ...readiness, businessDaysLeft: readiness.businessDaysLeft } });
    }
  }
  return out.sort((a, b) => (a.plannedReviewDate < b.plannedReviewDate ? -1 : a.plannedReviewDate > b.plannedReviewDate ? 1 : 0));
}
