import { isActionOverdue } from '../action.js';
import type { ReportContext } from './report-context.js';
import { isBlocking } from './report-context.js';
import type { ReportEscalation } from './report-input.js';
import { byKey, compareInstants, dueOrder } from './report-order.js';
import type { Blockers, BlockingAction, OpenEscalation } from './weekly-report.js';

/** An escalation waits for an answer until it is resolved; one that expired has climbed and still waits. */
export const isEscalationOpen = (e: Pick<ReportEscalation, 'status'>): boolean => e.status !== 'resolved';

/** Past its deadline at `asOf` (compared as instants). */
export const isEscalationOverdue = (e: Pick<ReportEscalation, 'deadlineAt'>, asOf: string): boolean =>
  e.deadlineAt !== null && compareInstants(e.deadlineAt, asOf) < 0;

/**
 * Blockers requiring action: the open actions that block a milestone (not yet confirmed closed) and
 * the open escalations, each with its owner and due date or deadline, overdue first.
 */
export function blockers(ctx: ReportContext): Blockers {
  const { input, today, asOf, milestoneById } = ctx;
  const actions: BlockingAction[] = input.end.actions.filter(isBlocking).map((a) => ({
    key: a.key,
    title: a.title,
    ownerId: a.ownerId,
    dueDate: a.dueDate,
    isOverdue: isActionOverdue(a, today),
    milestoneKey: a.blocksMilestoneId === null ? null : (milestoneById.get(a.blocksMilestoneId)?.key ?? null),
  }));
  const escalations: OpenEscalation[] = input.escalations.filter(isEscalationOpen).map((e) => ({
    key: e.key,
    title: e.title,
    ownerId: e.ownerId,
    deadlineAt: e.deadlineAt,
    status: e.status,
    level: e.level,
    isOverdue: isEscalationOverdue(e, asOf),
  }));
  escalations.sort(
    (a, b) =>
      Number(b.isOverdue) - Number(a.isOverdue) ||
      (a.deadlineAt === null ? 1 : 0) - (b.deadlineAt === null ? 1 : 0) ||
      (a.deadlineAt !== null && b.deadlineAt !== null ? compareInstants(a.deadlineAt, b.deadlineAt) : 0) ||
      byKey(a, b),
  );
  return { actions: actions.sort(dueOrder), escalations };
}
