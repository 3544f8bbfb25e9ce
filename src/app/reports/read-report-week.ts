import type { Action } from '../../domain/action.js';
import type { Decision } from '../../domain/decision.js';
import type { Escalation } from '../../domain/escalations/escalation.js';
import { gateOrder } from '../../domain/gates/gate.js';
import type { Link } from '../../domain/link.js';
import type { Milestone } from '../../domain/milestone.js';
import type { Program } from '../../domain/program.js';
import { type ReportWeek, weekSpan } from '../../domain/report/iso-week.js';
import type { MinutesEntry } from '../../domain/report/meeting-minutes.js';
import type { ReportEscalation, ReportGate, ReportState, WeeklyReportInput } from '../../domain/report/report-input.js';
import { compareInstants, utcText } from '../../domain/report/report-order.js';
import { type RewindRow, rewind, rewindRowsMax } from '../../domain/report/rewind.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { Risk } from '../../domain/risk.js';
import type { AuthorizedProgram } from '../get-program.js';
import type {
  ChangeRecord,
  ChecklistItemRecord,
  EntityName,
  GateRecord,
  InspectionVerdictRecord,
  MeetingOutcomeRecord,
  Reads,
} from '../ports.js';
import { programCalendar } from '../views.js';

/** The kinds of record a report reads, wound back to the week's start and end. */
export const rewound: readonly EntityName[] = ['milestone', 'decision', 'risk', 'action', 'gate', 'checklist_item', 'escalation'];

/**
 * The fields the report reads of those records (and each kind's field that tells its creation,
 * domain/change-story.ts lifeFields): only these are wound back, exactly; the rest stand as today.
 */
export const readFields = [
  // milestones
  'name',
  'phase',
  'ownerId',
  'baselineDate',
  'forecastDate',
  'actualDate',
  'isCritical',
  'toleranceDays',
  // decisions, actions
  'statement',
  'dueDate',
  'status',
  'blocksMilestoneId',
  // risks
  'title',
  'likelihood',
  'impact',
  'residualLikelihood',
  'residualImpact',
  // gates, checklist items
  'key',
  'reviewMilestoneId',
  'state',
  'isRequired',
  // escalations
  'conditionKey',
  'subjectTitle',
  'deadlineAt',
  'level',
] as const;

const earlier = (a: string, b: string) => (compareInstants(a, b) <= 0 ? a : b);

/** An escalation's statuses as the report tells them: one that climbed a level expired there and still waits. */
const reportStatus = (s: Escalation['status']): ReportEscalation['status'] => (s === 'escalated' ? 'expired' : s);

/** Today's records of one program, as the store reads them. */
export interface WeekRecords {
  readonly milestones: readonly Milestone[];
  readonly decisions: readonly Decision[];
  readonly risks: readonly Risk[];
  readonly actions: readonly Action[];
  readonly gates: readonly GateRecord[];
  readonly items: readonly ChecklistItemRecord[];
  /** The escalations open at the week's end (as the rows show them today). */
  readonly escalations: readonly Escalation[];
  /** The change-log rows of the report's fields since the week's start, oldest first. */
  readonly rows: readonly ChangeRecord[];
  readonly inspections: readonly InspectionVerdictRecord[];
}

/** The instants a week is read between, in the program's zone: its start and its end (or just after now, while it runs). */
export interface WeekWindow {
  readonly startAt: string;
  readonly endAt: string;
  readonly asOf: string;
}

export function weekWindow(week: ReportWeek, timeZone: string, now: Date): WeekWindow {
  const span = weekSpan(week, timeZone);
  // Up to an instant the week has reached: everything written before its end, or (while it runs) until now, now included.
  const justAfterNow = new Date(now.getTime() + 1).toISOString();
  return {
    endAt: utcText(earlier(justAfterNow, span.endAt)),
    startAt: utcText(earlier(justAfterNow, span.startAt)),
    asOf: now.toISOString(),
  };
}

/** The week wound back: its states at start and end, its changes, and what the second round of reads needs. */
export interface WoundWeek {
  readonly start: ReportState;
  readonly end: ReportState;
  readonly escalations: readonly Escalation[];
  readonly changes: readonly ChangeRecord[];
  /** The release gate's review milestone, whose links name the decisions the release waits on. */
  readonly releaseMilestoneId: string | null;
  /** The ids of everybody the week's records name. */
  readonly named: ReadonlySet<string>;
}

export const tooFarBack = (week: ReportWeek): Result<never> => {
  const message = `${week.label} lies too far back to read from today's records (more than ${rewindRowsMax.toLocaleString('en')} changes since); its issued report keeps it.`;
  return refuse('VALIDATION_FAILED', message, [{ path: 'week', message }]);
};

function stateAt(today: WeekRecords, state: ReportState, escalations: readonly Escalation[], rows: readonly RewindRow[], at: string) {
  const items = rewind('checklist_item', today.items, rows, at);
  const gates: ReportGate[] = rewind('gate', today.gates, rows, at).map((g) => ({
    gate: { id: g.id, key: g.key, name: g.name, ownerId: g.ownerId, status: g.status, reviewMilestoneId: g.reviewMilestoneId },
    items: items.filter((i) => i.gateId === g.id),
  }));
  return {
    state: {
      milestones: rewind('milestone', state.milestones, rows, at),
      decisions: rewind('decision', state.decisions, rows, at),
      risks: rewind('risk', state.risks, rows, at),
      actions: rewind('action', state.actions, rows, at),
      gates,
    },
    escalations: rewind('escalation', escalations, rows, at).filter((e) => compareInstants(e.raisedAt, at) < 0),
  };
}

/** Winds one program's records back to the week's end and start (pure; the rows must be within rewindRowsMax). */
export function windWeek(today: WeekRecords, w: WeekWindow): WoundWeek {
  const rows = today.rows;
  const now: ReportState = { ...today, gates: [] };
  const end = stateAt(today, now, today.escalations, rows, w.endAt);
  const start = stateAt(today, end.state, end.escalations, rows, w.startAt);
  // The release gate is the last one (domain/report/release-readiness.ts reads the same).
  const releaseGate = [...end.state.gates].sort((a, b) => gateOrder(b.gate.key) - gateOrder(a.gate.key)).at(0);
  const changes = rows.filter((c) => compareInstants(c.at, w.startAt) >= 0 && compareInstants(c.at, w.endAt) < 0);
  const named = new Set<string>();
  const name = (x: string | null | undefined) => {
    if (x) named.add(x);
  };
  for (const s of [start.state, end.state]) {
    for (const m of s.milestones) name(m.ownerId);
    for (const d of s.decisions) name(d.ownerId);
    for (const k of s.risks) name(k.ownerId);
    for (const a of s.actions) name(a.ownerId);
    for (const g of s.gates) {
      name(g.gate.ownerId);
      for (const i of g.items) name(i.ownerId);
    }
  }
  for (const e of end.escalations) name(e.ownerId);
  for (const c of changes) name(c.actorId);
  return {
    start: start.state,
    end: end.state,
    escalations: end.escalations,
    changes,
    releaseMilestoneId: releaseGate?.gate.reviewMilestoneId ?? null,
    named,
  };
}

/** The decisions linked to a milestone (either end of the link). */
export const linkedDecisions = (links: readonly Link[]): string[] =>
  links.flatMap((l) => (l.fromEntity === 'decision' ? [l.fromId] : l.toEntity === 'decision' ? [l.toId] : []));

/** The report's input from a wound week, the decisions the release waits on and the people it names. */
export function weekInput(
  program: Program,
  week: ReportWeek,
  w: WeekWindow,
  wound: WoundWeek,
  inspections: readonly InspectionVerdictRecord[],
  releaseDecisionIds: readonly string[],
  people: readonly { readonly id: string; readonly name: string }[],
  narrative: string,
  minutes: readonly MinutesEntry[],
): WeeklyReportInput {
  return {
    program: { id: program.id, code: program.code, name: program.name, timeZone: program.timeZone, toleranceDays: program.toleranceDays },
    week,
    calendar: programCalendar(program),
    asOf: w.asOf,
    start: wound.start,
    end: wound.end,
    changes: wound.changes.map((c) => ({
      entity: c.entity,
      entityId: c.entityId,
      entityKey: c.entityKey,
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.newValue,
      actorId: c.actorId,
      at: c.at,
      reason: c.reason,
      correlationId: c.correlationId,
    })),
    escalations: wound.escalations.map((e) => ({
      key: e.key,
      title: e.subjectTitle,
      ownerId: e.ownerId,
      deadlineAt: e.deadlineAt,
      status: reportStatus(e.status),
      level: e.level,
    })),
    inspections: inspections.map((i) => ({ key: i.key, subject: i.title, at: i.createdAt, verdict: i.verdict })),
    releaseDecisionIds: [...new Set(releaseDecisionIds)].sort(),
    people,
    narrative,
    minutes,
  };
}

/** The ids of the people the minutes name (owners and who recorded), added to those the week names. */
export function nameMinutes(named: ReadonlySet<string>, minutes: readonly MinutesEntry[]): Set<string> {
  const all = new Set(named);
  for (const m of minutes) {
    if (m.ownerId) all.add(m.ownerId);
    all.add(m.actorId);
  }
  return all;
}

/** A recorded meeting outcome as the minutes keep it. */
export const minutesEntry = (o: MeetingOutcomeRecord): MinutesEntry =>
  o.kind === 'decision'
    ? {
        kind: 'decision',
        key: o.recordKey,
        statement: o.title,
        outcome: o.outcome ?? '',
        rationale: o.rationale ?? '',
        ownerId: o.ownerId,
        actorId: o.recordedById,
        at: o.recordedAt,
      }
    : {
        kind: 'action',
        key: o.recordKey,
        title: o.title,
        ownerId: o.ownerId,
        dueDate: o.dueDate,
        actorId: o.recordedById,
        at: o.recordedAt,
      };

/**
 * What a program's report of one ISO week is assembled from, read from the store in a fixed number of
 * queries (whatever the size of the program): today's records wound back along the change log to the
 * week's end (now, for the week still running) and start, the change-log rows of the week, the
 * escalations open at its end, the inspections recorded by then, the people named and the decisions
 * the release waits on (linked to the release gate's review milestone).
 */
export async function readReportWeek(
  r: Reads,
  program: AuthorizedProgram,
  week: ReportWeek,
  now: Date,
  narrative: string,
): Promise<Result<WeeklyReportInput>> {
  const w = weekWindow(week, program.timeZone, now);
  const id = program.id;
  const [milestones, decisions, risks, actions, gates, items, escalations, rows, inspections, outcomes] = await Promise.all([
    r.listMilestones(id),
    r.listDecisions([id]),
    r.listRisks([id]),
    r.listActions([id]),
    r.listGates(id),
    r.listChecklistItems(id),
    r.listEscalationsOpenAt(id, w.endAt),
    r.listChangesSince(id, w.startAt, rewound, readFields, rewindRowsMax + 1),
    r.listInspectionVerdicts(id, w.endAt),
    r.listMeetingOutcomes(id, week.label),
  ]);
  if (rows.length > rewindRowsMax) return tooFarBack(week);
  const wound = windWeek({ milestones, decisions, risks, actions, gates, items, escalations, rows, inspections }, w);
  const links = wound.releaseMilestoneId === null ? [] : await r.listLinksTouching('milestone', [wound.releaseMilestoneId]);
  const minutes = outcomes.map(minutesEntry);
  const people = (await r.findUsers([...nameMinutes(wound.named, minutes)])).map((u) => ({ id: u.id as string, name: u.name }));
  return ok(weekInput(program, week, w, wound, inspections, linkedDecisions(links), people, narrative, minutes));
}
