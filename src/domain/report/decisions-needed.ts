import { decisionQueueOrder } from '../decision.js';
import type { ReportContext } from './report-context.js';
import type { DecisionNeeded } from './weekly-report.js';

/** Decisions needed from owners: the program's open decisions, overdue first, then by due date (undated last), then key. */
export function decisionsNeeded(ctx: ReportContext): DecisionNeeded[] {
  const { input, today } = ctx;
  return input.end.decisions
    .filter((d) => d.status === 'open')
    .map((d) => ({ d, isOverdue: d.dueDate !== null && d.dueDate < today }))
    .sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue) || decisionQueueOrder(a.d, b.d))
    .map(({ d, isOverdue }) => ({ key: d.key, statement: d.statement, ownerId: d.ownerId, dueDate: d.dueDate, isOverdue }));
}
