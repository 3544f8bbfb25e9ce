import type { Escalation } from '../../domain/escalations/escalation.js';
import { gateOrder } from '../../domain/gates/gate.js';
import { type ReportWeek, weekSpan } from '../../domain/report/iso-week.js';
import type { MinutesEntry } from '../../domain/report/meeting-minutes.js';
import type { ReportEscalation, ReportGate, ReportState, WeeklyReportInput } from '../../domain/report/report-input.js';
import { compareInstants, utcText } from '../../domain/report/report-order.js';
import { type RewindRow, rewind, rewindRowsMax } from '../../domain/report/rewind.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { AuthorizedProgram } from '../get-program.js';
import type { ChecklistItemRecord, EntityName, GateRecord, MeetingOutcomeRecord, Reads } from '../ports.js';
import { programCalendar } from '../views.js';

/** The kinds of record a report reads, wound back to the week's start and end. */
const rewound: readonly EntityName[] = ['milestone', 'decision', 'risk', 'action', 'gate', 'checklist_item', 'escalation'];

/**
 * The fields the report reads of those records (and each kind's field that tells its creation,
 * domain/change-story.ts lifeFields): only these are wound back, exactly; the rest stand as today.
 */
const readFields = [
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

interface Today {
  readonly state: ReportState;
  readonly gates: readonly GateRecord[];
  readonly items: readonly ChecklistItemRecord[];
  readonly escalations: readonly Escalation[];
}

function stateAt(today: Today, rows: readonly RewindRow[], at: string): { state: ReportState; escalations: Escalation[] } {
  const items = rewind('checklist_item', today.items, rows, at);
  const gates: ReportGate[] = rewind('gate', today.gates, rows, at).map((g) => ({
    gate: { id: g.id, key: g.key, name: g.name, ownerId: g.ownerId, status: g.status, reviewMilestoneId: g.reviewMilestoneId },
    items: items.filter((i) => i.gateId === g.id),
  }));
  return {
    state: {
      milestones: rewind('milestone', today.state.milestones, rows, at),
      decisions: rewind('decision', today.state.decisions, rows, at),
      risks: rewind('risk', today.state.risks, rows, at),
      actions: rewind('action', today.state.actions, rows, at),
      gates,
    },
    escalations: rewind('escalation', today.escalations, rows, at).filter((e) => compareInstants(e.raisedAt, at) < 0),
  };
}

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
  const span = weekSpan(week, program.timeZone);
  const nowText = now.toISOString();
  // Up to an instant the week has reached: everything written before its end, or (while it runs) until now, now included.
  const justAfterNow = new Date(now.getTime() + 1).toISOString();
  const endAt = utcText(earlier(justAfterNow, span.endAt));
  const startAt = utcText(earlier(justAfterNow, span.startAt));
  const id = program.id;
  const [milestones, decisions, risks, actions, gates, items, escalations, rows, inspections, outcomes] = await Promise.all([
    r.listMilestones(id),
    r.listDecisions([id]),
    r.listRisks([id]),
    r.listActions([id]),
    r.listGates(id),
    r.listChecklistItems(id),
    r.listEscalationsOpenAt(id, endAt),
    r.listChangesSince(id, startAt, rewound, readFields, rewindRowsMax + 1),
    r.listInspectionVerdicts(id, endAt),
    r.listMeetingOutcomes(id, week.label),
  ]);
  if (rows.length > rewindRowsMax) {
    const message = `${week.label} lies too far back to read from today's records (more than ${rewindRowsMax.toLocaleString('en')} changes since); its issued report keeps it.`;
    return refuse('VALIDATION_FAILED', message, [{ path: 'week', message }]);
  }
  const today: Today = { state: { milestones, decisions, risks, actions, gates: [] }, gates, items, escalations };
  const end = stateAt(today, rows, endAt);
  const start = stateAt({ ...today, state: end.state, escalations: end.escalations }, rows, startAt);
  // The release gate is the last one (domain/report/release-readiness.ts reads the same).
  const releaseGate = [...end.state.gates].sort((a, b) => gateOrder(b.gate.key) - gateOrder(a.gate.key)).at(0);
  const changes = rows.filter((c) => compareInstants(c.at, startAt) >= 0 && compareInstants(c.at, endAt) < 0);
  const releaseMilestoneId = releaseGate?.gate.reviewMilestoneId ?? null;
  const links = releaseMilestoneId === null ? [] : await r.listLinksTouching('milestone', [releaseMilestoneId]);
  const releaseDecisionIds = links.flatMap((l) => (l.fromEntity === 'decision' ? [l.fromId] : l.toEntity === 'decision' ? [l.toId] : []));
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
  const minutes = outcomes.map(minutesEntry);
  for (const m of minutes) {
    name(m.ownerId);
    name(m.actorId);
  }
  const people = (await r.findUsers([...named])).map((u) => ({ id: u.id as string, name: u.name }));
  return ok({
    program: { id, code: program.code, name: program.name, timeZone: program.timeZone, toleranceDays: program.toleranceDays },
    week,
    calendar: programCalendar(program),
    asOf: nowText,
    start: start.state,
    end: end.state,
    changes: changes.map((c) => ({
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
    escalations: end.escalations.map((e) => ({
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
  });
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
