import { DateTime } from 'luxon';
import type { PlannedItem, ReadinessReason, WeeklyReport } from './weekly-report.js';

/** CommonMark punctuation that would turn a person's text into markup or break a table row. */
const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
const cell = (text: string | null | undefined): string => (text ? escapeMarkdown(text.replace(/\s*\n\s*/g, ' ')) : '–');
const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/** The narrative's lines as the cadence owner typed them: a line break stays one (a backslash hard break), a blank line a new paragraph. */
function narrativeMarkdown(text: string): string {
  const lines = text.split('\n').map((l) => escapeMarkdown(l.trimEnd()));
  return lines.map((l, i) => (l !== '' && (lines[i + 1] ?? '') !== '' ? `${l}\\` : l)).join('\n');
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  if (rows.length === 0) return ['_None._', ''];
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- |').join('')}`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

function readinessText(r: ReadinessReason): string {
  switch (r.kind) {
    case 'release_gate_missing':
      return 'The program has no release gate.';
    case 'release_checklist_incomplete':
      return `${r.gateKey} checklist not complete: ${r.itemKeys.join(', ')}.`;
    case 'inspection_rejected':
      return `Latest inspection ${r.key} of ${cell(r.subject)} rejected.`;
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
 * The report as Markdown: the model alone decides every byte (no clock, no locale), dates as
 * YYYY-MM-DD and instants in the program's zone with their offset, people by the names the report keeps.
 */
export function renderReportMarkdown(report: WeeklyReport): string {
  const zone = report.program.timeZone;
  const names = new Map(report.people.map((p) => [p.id, p.name]));
  const who = (id: string | null) => (id === null ? '_no owner_' : cell(names.get(id) ?? id));
  const when = (at: string | null) => (at === null ? '–' : (DateTime.fromISO(at, { zone }).toISO({ suppressMilliseconds: true }) ?? at));
  const date = (d: string | null) => d ?? '_no date_';
  const overdue = (isOverdue: boolean) => (isOverdue ? '**overdue**' : '');
  const m = report.milestoneMovement;
  const planned = (title: string, items: readonly PlannedItem[]) => [
    `### ${title}`,
    '',
    ...table(
      ['Item', 'Owner', 'Due'],
      items.map((i) => [`${i.gateKey ? `${i.gateKey} ` : ''}${i.key} ${cell(i.title)}`, who(i.ownerId), date(i.dueDate)]),
    ),
  ];
  const lines = [
    `# Weekly report: ${cell(report.program.name)} (${report.program.code}), ${report.week}`,
    '',
    `Week ${report.startDate} to ${report.endDate} (${zone}), as of ${when(report.asOf)}.`,
    '',
    `**Are we on track?** ${report.onTrack.text}`,
    '',
    `**Release readiness: ${report.releaseReadiness.level}**`,
    '',
    ...(report.releaseReadiness.reasons.length === 0
      ? ['No reason against release.', '']
      : [...report.releaseReadiness.reasons.map((r) => `- ${r.level}: ${readinessText(r)}`), '']),
    '## 1. Milestone movement',
    '',
    '### Moved',
    '',
    ...table(
      ['Milestone', 'Owner', 'Date', 'From', 'To', 'Business days', 'Why', 'Who', 'When'],
      m.moved.map((x) => [
        `${x.key} ${cell(x.name)}`,
        who(x.ownerId),
        x.field === 'forecastDate' ? 'forecast' : 'baseline',
        x.from,
        x.to,
        signed(x.days),
        cell(x.reason),
        who(x.actorId),
        when(x.at),
      ]),
    ),
    '### Completed',
    '',
    ...table(
      ['Milestone', 'Owner', 'Actual', 'Baseline', 'Variance (business days)', 'Recorded by', 'When'],
      m.completed.map((x) => [
        `${x.key} ${cell(x.name)}`,
        who(x.ownerId),
        x.actualDate,
        x.baselineDate,
        signed(x.varianceDays),
        x.actorId === null ? '–' : who(x.actorId),
        when(x.at),
      ]),
    ),
    '### Went late',
    '',
    ...table(
      ['Milestone', 'Owner', 'Forecast', 'Baseline', 'Passed'],
      m.wentLate.map((x) => [`${x.key} ${cell(x.name)}`, who(x.ownerId), x.forecastDate, x.baselineDate, x.passed.join(', ')]),
    ),
    '## 2. Blockers requiring action',
    '',
    '### Blocking actions',
    '',
    ...table(
      ['Action', 'Owner', 'Due', 'Blocks', ''],
      report.blockers.actions.map((a) => [
        `${a.key} ${cell(a.title)}`,
        who(a.ownerId),
        date(a.dueDate),
        a.milestoneKey ?? '–',
        overdue(a.isOverdue),
      ]),
    ),
    '### Open escalations',
    '',
    ...table(
      ['Escalation', 'Owner', 'Deadline', 'Level', 'Status', ''],
      report.blockers.escalations.map((e) => [
        `${e.key} ${cell(e.title)}`,
        who(e.ownerId),
        e.deadlineAt === null ? '_no deadline_' : when(e.deadlineAt),
        String(e.level),
        e.status,
        overdue(e.isOverdue),
      ]),
    ),
    '## 3. Decisions needed from owners',
    '',
    ...table(
      ['Decision', 'Owner', 'Due', ''],
      report.decisionsNeeded.map((d) => [`${d.key} ${cell(d.statement)}`, who(d.ownerId), date(d.dueDate), overdue(d.isOverdue)]),
    ),
    '## 4. Risk changes',
    '',
    ...table(
      ['Risk', 'Owner', 'Change', 'Score', 'Why', 'Who', 'When'],
      report.riskChanges.map((r) => [
        `${r.key} ${cell(r.title)}`,
        who(r.ownerId),
        r.kind,
        r.kind === 'rescored' ? `${r.from ?? '–'} → ${r.to ?? '–'}` : r.to === null ? '–' : String(r.to),
        cell(r.reason),
        who(r.actorId),
        when(r.at),
      ]),
    ),
    `## 5. Next-week plan (${report.nextWeek.week})`,
    '',
    ...planned('Milestones', report.nextWeek.milestones),
    ...planned('Gate reviews', report.nextWeek.gateReviews),
    ...planned('Checklist items', report.nextWeek.checklistItems),
    ...planned('Actions', report.nextWeek.actions),
    ...planned('Decisions', report.nextWeek.decisions),
    '## Plan vs actual',
    '',
    ...table(
      ['Milestone', 'Owner', 'Baseline', 'Forecast', 'Actual', 'Variance (business days)', 'Health'],
      report.planVsActual.map((r) => [
        `${r.key} ${cell(r.name)}`,
        who(r.ownerId),
        r.baselineDate,
        r.forecastDate,
        r.actualDate ?? '–',
        signed(r.varianceDays),
        r.health.replace('_', ' '),
      ]),
    ),
    '## Narrative',
    '',
    report.narrative === '' ? '_No narrative yet._' : narrativeMarkdown(report.narrative),
    '',
  ];
  return lines.join('\n');
}
