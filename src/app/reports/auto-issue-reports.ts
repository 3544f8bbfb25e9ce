import type { UserId } from '../../domain/ids.js';
import { accessProgram, grantFor } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import { weekDueForIssue } from '../../domain/report/report-schedule.js';
import { principalOf } from '../auth/principal.js';
import type { Actor, AppDeps } from '../deps.js';
import type { Reads } from '../ports.js';
import { autoIssueReport } from './issue-report.js';

export interface AutoIssueRun {
  /** Programs whose charter asks Tollgate to issue the report. */
  readonly programs: number;
  readonly issued: number;
  /** Due, but nobody on the program may issue (no active cadence owner). */
  readonly unowned: number;
  /** Due, but issuing was refused (the week too far back to read, say): the others are issued all the same. */
  readonly refused: readonly string[];
}

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Who issues for the schedule: the program's owner when they may issue it, else the first other active
 * person (by id) holding the cadence owner's role on the program; null when nobody may.
 */
async function issuerOf(r: Reads, program: Program): Promise<Actor | null> {
  const members = await r.listMembersOn(program);
  const candidates = [
    ...(program.ownerId ? [program.ownerId] : []),
    ...members
      .filter((m) => m.role === 'cadence_owner')
      .map((m) => m.userId)
      .sort(),
  ];
  for (const id of new Set<UserId>(candidates)) {
    const user = await r.findUser(id);
    if (user?.status !== 'active') continue;
    const actor = await principalOf(r, user);
    const access = accessProgram(actor, program);
    if (access.ok && grantFor(access.value, 'report.issue') === 'yes') return actor;
  }
  return null;
}

/**
 * Issues the weekly report of every active program whose charter asks for it (autoIssue), once its day and
 * time have come in the program's zone and the week is not issued yet: as the cadence owner, findings
 * acknowledged automatically and recorded as such (issue-report.ts autoIssueReport, under the program's
 * lock, so two instances issue a week once). Idempotent: run it as often as you like.
 */
export async function autoIssueReports(deps: AppDeps): Promise<AutoIssueRun> {
  const r = deps.store.reads;
  const now = deps.clock.now();
  const ids = new Set<string>(await r.listAutoIssuePrograms());
  if (ids.size === 0) return { programs: 0, issued: 0, unowned: 0, refused: [] };
  const programs = (await r.listPrograms()).filter((p) => ids.has(p.id) && p.status === 'active' && p.archivedAt === null);
  let issued = 0;
  let unowned = 0;
  const refused: string[] = [];
  for (const program of programs) {
    const actor = await issuerOf(r, program);
    if (!actor) {
      unowned++;
      continue;
    }
    const access = accessProgram(actor, program);
    if (!access.ok) continue;
    const schedule = (await r.findCharter(access.value.programId))?.charter.weeklyReport;
    const week = schedule ? weekDueForIssue(schedule, program.timeZone, now) : null;
    if (!schedule || !week) continue;
    const done = await r.listIssuedReports(access.value.programId, { week: week.label, limit: 1 });
    if (done.length > 0) continue;
    const reason = `Issued automatically: the charter's weekly report day and time (${weekdays[(schedule.weekday ?? 1) - 1]} ${schedule.time} ${program.timeZone}).`;
    const result = await autoIssueReport(deps, { programId: program.id, actor, week: week.label, reason });
    if (!result.ok) refused.push(`${program.code} ${week.label}: ${result.error.code} ${result.error.message}`);
    else if (result.value !== null) issued++;
  }
  return { programs: programs.length, issued, unowned, refused };
}
