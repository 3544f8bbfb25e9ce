import { escalationSweep } from './definitions/escalation-sweep.js';
import { leadershipMail } from './definitions/leadership-mail.js';
import { readinessSweep } from './definitions/readiness-sweep.js';
import { reportAutoIssue } from './definitions/report-auto-issue.js';
import { updateRequestRun } from './definitions/update-request-run.js';
import type { JobDefinition } from './job.js';
import { checkJobTable } from './job.js';

/** What the job table's schedules are set by (config/, handed on by main/). */
export interface JobSettings {
  /** TOLLGATE_READINESS_SWEEP_MS; 0: the readiness sweep runs only when asked. */
  readonly readinessSweepMs: number;
}

/**
 * Every kind of background work, in the order `tollgate sweep` runs them. A new job is one line here
 * and one definition in definitions/ (its schedule, and a handler calling one idempotent use case).
 */
export function jobTable(settings: JobSettings): readonly JobDefinition[] {
  const table: JobDefinition[] = [
    readinessSweep(settings.readinessSweepMs),
    escalationSweep,
    updateRequestRun,
    reportAutoIssue,
    leadershipMail,
  ];
  checkJobTable(table);
  return table;
}
