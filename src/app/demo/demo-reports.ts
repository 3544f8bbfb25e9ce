import { addDays, dateInZone, type PlainDate } from '../../domain/plain-date.js';
import { weekOfDate } from '../../domain/report/iso-week.js';
import { unwrap } from '../create-records.js';
import type { Actor, AppDeps } from '../deps.js';
import { recordMeetingOutcome } from '../reports/cadence-meeting.js';
import { issueReport } from '../reports/issue-report.js';
import { setReportNarrative } from '../reports/report-draft.js';
import { runUpdateRequests } from '../update-requests/run-update-requests.js';
import type { DemoProgram } from './demo-data.js';

/** The cadence owner's words on the running week, by the program's shape. */
const narratives: Record<DemoProgram['shape'], (name: string) => string> = {
  on_track: (name) => `${name} holds its plan this week. Nothing needs leadership; the next gate review is prepared.`,
  at_risk: (name) =>
    `${name} is at risk: the open items below decide whether the next gate holds its date. We expect an answer on the decisions by Friday.`,
  late_breach: (name) =>
    `${name} is beyond its tolerance. The recovery plan needs the decisions below this week; we will re-forecast once they are taken.`,
  late_overdue: (name) => `${name} has an overdue milestone. The supplier confirmed a new date; we are watching it daily until it lands.`,
};

/**
 * The demo's weekly reports, written through the report use cases (e-mail off, so nothing is sent): each
 * program's two weeks before this one issued on their Friday afternoon at the factory (lint findings
 * acknowledged; last week's update requests asked on its Wednesday (who answered shows from what they changed since); the first program's last week with an action
 * recorded at Thursday's cadence meeting, in its minutes), the first program's last week corrected on Monday as revision 2 (its narrative added, so the
 * correction shows what changed), and a narrative on this week's draft. A few statements per report.
 */
export async function loadDemoReports(
  deps: AppDeps,
  clock: { set: (d: PlainDate, hourUtc?: number) => unknown },
  input: { readonly programs: readonly { spec: DemoProgram; id: string; owner: Actor }[]; readonly now: Date },
): Promise<void> {
  const d: AppDeps = { ...deps, mail: undefined };
  for (const [i, { spec, id, owner }] of input.programs.entries()) {
    const today = dateInZone(input.now, spec.timeZone);
    const thisWeek = weekOfDate(today);
    const weeks = [weekOfDate(addDays(thisWeek.start, -14)), weekOfDate(addDays(thisWeek.start, -7))];
    for (const week of weeks) {
      if (i === 0 && week === weeks[1]) {
        // Wednesday morning at the factories, two business days before the report: every program's owners of items
        // due, overdue or untouched are asked to update them (the run the update-request job makes; e-mail off).
        clock.set(addDays(week.start, 2), 1);
        await runUpdateRequests(d);
        // Thursday's cadence meeting: an action taken there goes straight into the log and into the minutes of the
        // report issued the next day.
        clock.set(addDays(week.start, 3), 8);
        unwrap(
          await recordMeetingOutcome(d, {
            programId: id,
            actor: owner,
            week: week.label,
            outcome: {
              kind: 'action',
              title: 'Confirm the supplier’s recovery dates in writing before the next cadence meeting',
              ownerId: owner.id,
              dueDate: addDays(week.start, 9),
            },
          }),
        );
      }
      // Friday 16:00 at the factory, as the charter says; at 08:00 UTC, Friday afternoon in China, Vietnam and India.
      clock.set(addDays(week.start, 4), 8);
      unwrap(await issueReport(d, { programId: id, actor: owner, week: week.label, acknowledgeFindings: true }));
    }
    const last = weeks[1];
    if (i === 0 && last) {
      // Monday morning: the cadence owner adds the narrative she missed and issues the correction.
      clock.set(thisWeek.start, 1);
      unwrap(
        await setReportNarrative(d, {
          programId: id,
          actor: owner,
          week: last.label,
          version: 0,
          narrative: `${spec.name}: the week closed with the open decisions below; the correction adds this note for leadership.`,
        }),
      );
      unwrap(await issueReport(d, { programId: id, actor: owner, week: last.label, acknowledgeFindings: true, reason: 'Narrative added' }));
    }
    clock.set(thisWeek.start, 2);
    unwrap(
      await setReportNarrative(d, {
        programId: id,
        actor: owner,
        week: thisWeek.label,
        version: 0,
        narrative: narratives[spec.shape](spec.name),
      }),
    );
  }
}
