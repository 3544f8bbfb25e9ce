import { type AutoIssueRun, autoIssueReports } from '../../app/reports/auto-issue-reports.js';
import type { JobDefinition } from '../job.js';
import { everyMinutesOnTheClock } from '../schedule.js';

/**
 * Weekly reports issued on the charter's schedule: every 15 minutes on the UTC clock, so a report set for
 * 16:00 (or 16:15) where the program is goes out in the slot that starts then. Idempotent: a week is issued
 * once, under the program's lock, whichever instance runs the slot.
 */
export const reportAutoIssue: JobDefinition<AutoIssueRun> = {
  name: 'report-auto-issue',
  description: "issues weekly reports whose charter lets Tollgate issue them, at the charter's day and time",
  schedule: everyMinutesOnTheClock(15),
  retryLimit: 2,
  run: ({ deps }) => autoIssueReports(deps),
  summary: (r) =>
    `${r.programs} program${r.programs === 1 ? '' : 's'} on a schedule: ${r.issued} issued${r.unowned > 0 ? `, ${r.unowned} without a cadence owner` : ''}${r.refused.length > 0 ? `; refused: ${r.refused.join('; ')}` : ''}`,
};
