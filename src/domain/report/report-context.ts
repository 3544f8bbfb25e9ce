import type { Action } from '../action.js';
import type { WorkingDays } from '../business-days.js';
import type { HealthSignals } from '../health.js';
import type { Milestone } from '../milestone.js';
import type { PlainDate } from '../plain-date.js';
import type { WeekSpan } from './iso-week.js';
import type { WeeklyReportInput } from './report-input.js';

/** What every section reads besides the input: the week's span, the instant read at and that day in the program's zone. */
export interface ReportContext {
  readonly input: WeeklyReportInput;
  readonly span: WeekSpan;
  readonly asOf: string;
  /** The date at `asOf` where the program is: the Monday after for a finished week, so Sunday's dates have passed. */
  readonly today: PlainDate;
  readonly calendar: WorkingDays;
  readonly milestoneById: ReadonlyMap<string, Milestone>;
}

/** An action blocks its milestone until the cadence owner confirms its closure (app/views.ts blockersByMilestone). */
export const isBlocking = (a: Action): boolean => a.status !== 'closed' && a.blocksMilestoneId !== null;

/** The health signals the report knows of: the milestone's open blocking actions. */
export function blockerSignals(actions: readonly Action[]): (m: Milestone) => HealthSignals {
  const byMilestone = new Map<string, { key: string; dueDate: PlainDate | null }[]>();
  for (const a of actions) {
    if (!isBlocking(a) || a.blocksMilestoneId === null) continue;
    const list = byMilestone.get(a.blocksMilestoneId) ?? [];
    list.push({ key: a.key, dueDate: a.dueDate });
    byMilestone.set(a.blocksMilestoneId, list);
  }
  return (m) => ({ blockers: byMilestone.get(m.id) ?? [] });
}
