import { DateTime } from 'luxon';
import type { MinutesEntry } from './meeting-minutes.js';
import type { PlannedItem, ReadinessReason, WeeklyReport } from './weekly-report.js';

// The weekly report laid out once, as headings, paragraphs, lists and tables of plain text: Markdown, the
// PDF and the e-mail's HTML and text parts are each a writer of this document, so they cannot disagree on
// what the report says, in what order, or how a date or a person is shown.

/** A run of text: plain, strong (overdue, the answers) or emphasised (a missing owner or date). */
export interface Run {
  readonly text: string;
  readonly style?: 'strong' | 'em' | undefined;
}

export type ReportBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly runs: readonly Run[] }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  /** A table; without rows it reads "None.". Cells are single runs; a cell's line breaks are spaces. */
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly Run[])[] }
  /** The cadence owner's words as typed: line breaks kept, a blank line a new paragraph; empty: none yet. */
  | { readonly kind: 'narrative'; readonly text: string };

const plain = (text: string): Run => ({ text });
const em = (text: string): Run => ({ text, style: 'em' });
const strong = (text: string): Run => ({ text, style: 'strong' });
/** A person's or the record's text in one cell: an en dash when there is none. */
const text = (s: string | null | undefined): Run => plain(s ? s.replace(/\s*\n\s*/g, ' ') : '–');
const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/** A readiness reason in one English sentence. */
export function readinessText(r: ReadinessReason): string {
  switch (r.kind) {
    case 'release_gate_missing':
      return 'The program has no release gate.';
    case 'release_checklist_incomplete':
      return `${r.gateKey} checklist not complete: ${r.itemKeys.join(', ')}.`;
    case 'inspection_rejected':
      return `Latest inspection ${r.key} of ${r.subject.replace(/\s*\n\s*/g, ' ') || '–'} rejected.`;
    case 'critical_risk_open':
      return `Critical risk ${r.key} open (score ${r.score}).`;
    case 'escalation_open':
      return `Escalation ${r.key} open${r.isOverdue ? ', past its deadline' : ''}.`;
    case 'blocking_action_open':
      return `Blocking action ${r.key} open${r.isOverdue ? ', overdue' : ''}.`;
    case 'release_decision_pending':
      return `Release decision ${r.key} pending${r.isOverdue ? ', overdue' : ''}.`;
  }
}

/**
 * The report as a document: the model alone decides every word (no clock, no locale), dates as YYYY-MM-DD
 * and instants in the program's zone with their offset, people by the names the report keeps.
 */
export function reportDocument(report: WeeklyReport): ReportBlock[] {
  const zone = report.program.timeZone;
  const names = new Map(report.people.map((p) => [p.id, p.name]));
  const who = (id: string | null): Run => (id === null ? em('no owner') : text(names.get(id) ?? id));
  const when = (at: string | null): Run =>
    plain(at === null ? '–' : (DateTime.fromISO(at, { zone }).toISO({ suppressMilliseconds: true }) ?? at));
  const date = (d: string | null): Run => (d === null ? em('no date') : plain(d));
  const overdue = (isOverdue: boolean): Run => (isOverdue ? strong('overdue') : plain(''));
  const named = (key: string, title: string): Run => plain(`${key} ${text(title).text}`);
  const table = (head: readonly string[], rows: readonly (readonly Run[])[]): ReportBlock => ({ kind: 'table', head, rows });
  const heading = (level: 1 | 2 | 3, t: string): ReportBlock => ({ kind: 'heading', level, text: t });
  const m = report.milestoneMovement;
  const planned = (title: string, items: readonly PlannedItem[]): ReportBlock[] => [
    heading(3, title),
    table(
      ['Item', 'Owner', 'Due'],
      items.map((i) => [plain(`${i.gateKey ? `${i.gateKey} ` : ''}${i.key} ${text(i.title).text}`), who(i.ownerId), date(i.dueDate)]),
    ),
  ];
  return [
    heading(1, `Weekly report: ${text(report.program.name).text} (${report.program.code}), ${report.week}`),
    { kind: 'paragraph', runs: [plain(`Week ${report.startDate} to ${report.endDate} (${zone}), as of ${when(report.asOf).text}.`)] },
    { kind: 'paragraph', runs: [strong('Are we on track?'), plain(` ${report.onTrack.text}`)] },
    { kind: 'paragraph', runs: [strong(`Release readiness: ${report.releaseReadiness.level}`)] },
    report.releaseReadiness.reasons.length === 0
      ? { kind: 'paragraph', runs: [plain('No reason against release.')] }
      : { kind: 'list', items: report.releaseReadiness.reasons.map((r) => `${r.level}: ${readinessText(r)}`) },
    heading(2, '1. Milestone movement'),
    heading(3, 'Moved'),
    table(
      ['Milestone', 'Owner', 'Date', 'From', 'To', 'Business days', 'Why', 'Who', 'When'],
      m.moved.map((x) => [
        named(x.key, x.name),
        who(x.ownerId),
        plain(x.field === 'forecastDate' ? 'forecast' : 'baseline'),
        plain(x.from),
        plain(x.to),
        plain(signed(x.days)),
        text(x.reason),
        who(x.actorId),
        when(x.at),
      ]),
    ),
    heading(3, 'Completed'),
    table(
      ['Milestone', 'Owner', 'Actual', 'Baseline', 'Variance (business days)', 'Recorded by', 'When'],
      m.completed.map((x) => [
        named(x.key, x.name),
        who(x.ownerId),
        plain(x.actualDate),
        plain(x.baselineDate),
        plain(signed(x.varianceDays)),
        x.actorId === null ? plain('–') : who(x.actorId),
        when(x.at),
      ]),
    ),
    heading(3, 'Went late'),
    table(
      ['Milestone', 'Owner', 'Forecast', 'Baseline', 'Passed'],
      m.wentLate.map((x) => [
        named(x.key, x.name),
        who(x.ownerId),
        plain(x.forecastDate),
        plain(x.baselineDate),
        plain(x.passed.join(', ')),
      ]),
    ),
    heading(2, '2. Blockers requiring action'),
    heading(3, 'Blocking actions'),
    table(
      ['Action', 'Owner', 'Due', 'Blocks', ''],
      report.blockers.actions.map((a) => [
        named(a.key, a.title),
        who(a.ownerId),
        date(a.dueDate),
        plain(a.milestoneKey ?? '–'),
        overdue(a.isOverdue),
      ]),
    ),
    heading(3, 'Open escalations'),
    table(
      ['Escalation', 'Owner', 'Deadline', 'Level', 'Status', ''],
      report.blockers.escalations.map((e) => [
        named(e.key, e.title),
        who(e.ownerId),
        e.deadlineAt === null ? em('no deadline') : when(e.deadlineAt),
        plain(String(e.level)),
        plain(e.status),
        overdue(e.isOverdue),
      ]),
    ),
    heading(2, '3. Decisions needed from owners'),
    table(
      ['Decision', 'Owner', 'Due', ''],
      report.decisionsNeeded.map((d) => [named(d.key, d.statement), who(d.ownerId), date(d.dueDate), overdue(d.isOverdue)]),
    ),
    heading(2, '4. Risk changes'),
    table(
      ['Risk', 'Owner', 'Change', 'Score', 'Why', 'Who', 'When'],
      report.riskChanges.map((r) => [
        named(r.key, r.title),
        who(r.ownerId),
        plain(r.kind),
        plain(r.kind === 'rescored' ? `${r.from ?? '–'} → ${r.to ?? '–'}` : r.to === null ? '–' : String(r.to)),
        text(r.reason),
        who(r.actorId),
        when(r.at),
      ]),
    ),
    heading(2, `5. Next-week plan (${report.nextWeek.week})`),
    ...planned('Milestones', report.nextWeek.milestones),
    ...planned('Gate reviews', report.nextWeek.gateReviews),
    ...planned('Checklist items', report.nextWeek.checklistItems),
    ...planned('Actions', report.nextWeek.actions),
    ...planned('Decisions', report.nextWeek.decisions),
    heading(2, 'Plan vs actual'),
    table(
      ['Milestone', 'Owner', 'Baseline', 'Forecast', 'Actual', 'Variance (business days)', 'Health'],
      report.planVsActual.map((r) => [
        named(r.key, r.name),
        who(r.ownerId),
        plain(r.baselineDate),
        plain(r.forecastDate),
        plain(r.actualDate ?? '–'),
        plain(signed(r.varianceDays)),
        plain(r.health.replace('_', ' ')),
      ]),
    ),
    heading(2, 'Narrative'),
    { kind: 'narrative', text: report.narrative },
    ...(report.minutes === undefined ? [] : minutesBlocks(report.minutes, who, date, when)),
  ];
}

/** The cadence meeting's minutes: the decisions taken and the actions opened, as recorded. */
function minutesBlocks(
  minutes: readonly MinutesEntry[],
  who: (id: string | null) => Run,
  date: (d: string | null) => Run,
  when: (at: string | null) => Run,
): ReportBlock[] {
  const decisions = minutes.flatMap((m) => (m.kind === 'decision' ? [m] : []));
  const actions = minutes.flatMap((m) => (m.kind === 'action' ? [m] : []));
  return [
    { kind: 'heading', level: 2, text: 'Meeting minutes' },
    { kind: 'heading', level: 3, text: 'Decisions taken' },
    {
      kind: 'table',
      head: ['Decision', 'Outcome', 'Rationale', 'Owner', 'Recorded by', 'When'],
      rows: decisions.map((d) => [
        plain(`${d.key} ${text(d.statement).text}`),
        text(d.outcome),
        text(d.rationale),
        who(d.ownerId),
        who(d.actorId),
        when(d.at),
      ]),
    },
    { kind: 'heading', level: 3, text: 'New actions' },
    {
      kind: 'table',
      head: ['Action', 'Owner', 'Due', 'Recorded by', 'When'],
      rows: actions.map((a) => [plain(`${a.key} ${text(a.title).text}`), who(a.ownerId), date(a.dueDate), who(a.actorId), when(a.at)]),
    },
  ];
}
