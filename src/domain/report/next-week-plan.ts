import { isItemSatisfied } from '../gates/checklist-item.js';
import { isGateSettled } from '../gates/gate-status.js';
import type { PlainDate } from '../plain-date.js';
import { nextWeek } from './iso-week.js';
import type { ReportContext } from './report-context.js';
import { dueOrder } from './report-order.js';
import type { NextWeekPlan, PlannedItem } from './weekly-report.js';

/**
 * The next week's plan: open milestones forecast in it, reviews of unsettled gates whose review
 * milestone is forecast in it, checklist items not yet accepted or waived, open actions and open
 * decisions due in it, each with its owner, by date then key.
 */
export function nextWeekPlan(ctx: ReportContext): NextWeekPlan {
  const { input, milestoneById } = ctx;
  const week = nextWeek(input.week);
  const isNextWeek = (d: PlainDate | null): d is PlainDate => d !== null && d >= week.start && d <= week.end;
  const sorted = (items: PlannedItem[]) => items.sort(dueOrder);
  const open = input.end.gates.filter((g) => !isGateSettled(g.gate.status));
  return {
    week: week.label,
    milestones: sorted(
      input.end.milestones
        .filter((m) => m.actualDate === null && isNextWeek(m.forecastDate))
        .map((m) => ({ key: m.key, title: m.name, ownerId: m.ownerId, dueDate: m.forecastDate })),
    ),
    gateReviews: sorted(
      open.flatMap(({ gate }) => {
        const review = gate.reviewMilestoneId === null ? undefined : milestoneById.get(gate.reviewMilestoneId);
        if (!review || review.actualDate !== null || !isNextWeek(review.forecastDate)) return [];
        return [{ key: gate.key, title: gate.name, ownerId: gate.ownerId, dueDate: review.forecastDate }];
      }),
    ),
    checklistItems: sorted(
      open.flatMap(({ gate, items }) =>
        items
          .filter((i) => !isItemSatisfied(i) && isNextWeek(i.dueDate))
          .map((i) => ({ key: i.key, title: i.title, ownerId: i.ownerId, dueDate: i.dueDate, gateKey: gate.key })),
      ),
    ),
    actions: sorted(
      input.end.actions
        .filter((a) => a.status === 'open' && isNextWeek(a.dueDate))
        .map((a) => ({ key: a.key, title: a.title, ownerId: a.ownerId, dueDate: a.dueDate })),
    ),
    decisions: sorted(
      input.end.decisions
        .filter((d) => d.status === 'open' && isNextWeek(d.dueDate))
        .map((d) => ({ key: d.key, title: d.statement, ownerId: d.ownerId, dueDate: d.dueDate })),
    ),
  };
}
