import { DateTime } from 'luxon';
import type { PlainDate } from '../plain-date.js';
import { ok, type Result, refuse } from '../result.js';
import { isPlainLine } from '../text.js';
import { blockers } from './blockers.js';
import { decisionsNeeded } from './decisions-needed.js';
import { weekSpan } from './iso-week.js';
import { minutesOrder } from './meeting-minutes.js';
import { milestoneMovement, planVsActual } from './milestone-movement.js';
import { nextWeekPlan } from './next-week-plan.js';
import { onTrack } from './on-track.js';
import { releaseReadiness } from './release-readiness.js';
import type { ReportContext } from './report-context.js';
import { narrativeMax, type WeeklyReportInput } from './report-input.js';
import { compareInstants, utcText } from './report-order.js';
import { riskChanges } from './risk-changes.js';
import type { WeeklyReport, WeekSummary } from './weekly-report.js';

/** The narrative is free text of at most `narrativeMax` characters, line breaks kept, trimmed. */
export function checkNarrative(text: string, path = 'narrative'): Result<string> {
  const t = text.trim();
  if (t.length > narrativeMax)
    return refuse('VALIDATION_FAILED', `The narrative is ${t.length} characters long; it may have ${narrativeMax}.`, [
      { path, message: `At most ${narrativeMax} characters.` },
    ]);
  if (!t.split('\n').every((line) => isPlainLine(line.replaceAll('\t', ' '))))
    return refuse('VALIDATION_FAILED', 'The narrative holds characters that are refused (control or direction characters).', [
      { path, message: 'Remove control and direction characters.' },
    ]);
  return ok(t);
}

function contextOf(input: WeeklyReportInput): ReportContext {
  const span = weekSpan(input.week, input.program.timeZone);
  const wanted = input.asOf ?? span.endAt;
  const asOf = utcText(
    compareInstants(wanted, span.startAt) < 0 ? span.startAt : compareInstants(wanted, span.endAt) > 0 ? span.endAt : wanted,
  );
  const today = DateTime.fromISO(asOf, { zone: input.program.timeZone }).toISODate() as PlainDate;
  const milestoneById = new Map([...input.start.milestones, ...input.end.milestones].map((m) => [m.id as string, m]));
  return { input, span, asOf, today, calendar: input.calendar, milestoneById };
}

function namedPeople(input: WeeklyReportInput, report: object): WeeklyReport['people'] {
  const ids = new Set<string>();
  JSON.stringify(report, (k, v) => {
    if ((k === 'ownerId' || k === 'actorId') && typeof v === 'string') ids.add(v);
    return v;
  });
  return input.people.filter((p) => ids.has(p.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The weekly operating report of one program for one ISO week in its time zone, from the state at the
 * week's start and end, the change log of the week, open escalations and inspection verdicts: the five
 * headings, plan vs actual, release readiness and the answer to "are we on track?". Pure: the same
 * input gives the same model; every rendering (Markdown, JSON, HTML, PDF, e-mail) reads only the model.
 */
export function assembleWeeklyReport(input: WeeklyReportInput): WeeklyReport {
  const narrative = checkNarrative(input.narrative);
  if (!narrative.ok) throw new Error(`unchecked narrative: ${narrative.error.message}`);
  const { ctx, answers: a } = answersOf(input);
  const report: Omit<WeeklyReport, 'people'> = {
    program: a.program,
    week: a.week,
    startDate: input.week.start,
    endDate: input.week.end,
    startAt: ctx.span.startAt,
    endAt: ctx.span.endAt,
    asOf: ctx.asOf,
    onTrack: a.onTrack,
    milestoneMovement: a.milestoneMovement,
    blockers: a.blockers,
    decisionsNeeded: a.decisionsNeeded,
    riskChanges: a.riskChanges,
    nextWeek: nextWeekPlan(ctx),
    planVsActual: planVsActual(ctx),
    releaseReadiness: a.releaseReadiness,
    narrative: narrative.value,
    ...(input.minutes === undefined ? {} : { minutes: minutesOrder(input.minutes) }),
  };
  return { ...report, people: namedPeople(input, report) };
}

/** The report's answers, which the weekly report and the leadership view's summary share (one computation for both). */
function answersOf(input: WeeklyReportInput): { readonly ctx: ReportContext; readonly answers: Omit<WeekSummary, 'people'> } {
  const ctx = contextOf(input);
  const open = blockers(ctx);
  const readiness = releaseReadiness(ctx, open);
  return {
    ctx,
    answers: {
      program: { id: input.program.id, code: input.program.code, name: input.program.name, timeZone: input.program.timeZone },
      week: input.week.label,
      onTrack: onTrack(ctx, readiness.level),
      milestoneMovement: milestoneMovement(ctx),
      blockers: open,
      decisionsNeeded: decisionsNeeded(ctx),
      riskChanges: riskChanges(ctx),
      releaseReadiness: readiness,
    },
  };
}

/**
 * The parts of assembleWeeklyReport's model the leadership view reads, assembled alike from the same
 * input, without the next-week plan and plan vs actual (a portfolio of 1,000 programs assembles 1,000 of
 * them per view). `people` names everyone these parts name and the owners of the risks at the week's end
 * (the view's top risks), so the input need hold only the checklists of the release gate.
 */
export function assembleWeekSummary(input: WeeklyReportInput): WeekSummary {
  const { answers } = answersOf(input);
  return { ...answers, people: namedPeople(input, [answers, input.end.risks]) };
}
