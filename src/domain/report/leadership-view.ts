import { isRiskOpen, type Risk } from '../risk.js';
import type { ReportBlock, Run } from './report-document.js';
import type { OnTrackCode, ReadinessLevel, WeekSummary } from './weekly-report.js';

// The leadership view: the portfolio for one week, one line per program, read off each program's weekly
// report (issued, else its draft), those needing attention first, and one list of what changed across the
// portfolio that week, each change with its reason. Pure: the same reports give the same view.

/** Top risks shown per program. */
export const leadershipTopRisks = 3;
/** Decisions shown per program (the rest are counted). */
export const leadershipDecisions = 5;
/** Changes listed across the portfolio (the rest are counted). */
export const leadershipChanges = 200;

export interface LeadershipProgram {
  /** The program's weekly report for the week: the issued one's snapshot, else the draft's summary (what the view reads of it). */
  readonly report: WeekSummary;
  /** The issued revision, or null for a draft. */
  readonly revision: number | null;
  /** The program's risks at the week's end (open ones are ranked by score). */
  readonly risks: readonly Pick<Risk, 'key' | 'title' | 'ownerId' | 'likelihood' | 'impact' | 'status'>[];
}

export interface LeadershipLine {
  readonly program: { readonly id: string; readonly code: string; readonly name: string };
  readonly revision: number | null;
  readonly health: OnTrackCode;
  readonly onTrack: string;
  readonly readiness: ReadinessLevel;
  /** Milestones whose date moved during the week, and those moved later. */
  readonly moved: number;
  readonly slipped: readonly { readonly key: string; readonly name: string; readonly days: number; readonly reason: string | null }[];
  readonly completed: number;
  readonly wentLate: number;
  readonly decisionsDue: readonly {
    readonly key: string;
    readonly statement: string;
    readonly owner: string | null;
    readonly dueDate: string | null;
    readonly isOverdue: boolean;
  }[];
  readonly moreDecisions: number;
  readonly topRisks: readonly { readonly key: string; readonly title: string; readonly score: number; readonly owner: string | null }[];
  readonly escalations: { readonly open: number; readonly overdue: number };
  /** Why leadership should look here, most pressing first; empty when nothing asks for it. */
  readonly attention: readonly string[];
  /** The same reasons as codes with their counts, for the pages that word them in the reader's language. */
  readonly reasons: readonly AttentionReason[];
}

/** Why a program needs leadership's attention, in the order they weigh. */
export const attentionKinds = ['off_track', 'readiness_red', 'escalations_overdue', 'decisions_overdue', 'at_risk', 'slipped'] as const;
export interface AttentionReason {
  readonly kind: (typeof attentionKinds)[number];
  /** How many (escalations, decisions, milestones); 1 for the program-wide ones. */
  readonly count: number;
}

export interface PortfolioChange {
  readonly programCode: string;
  readonly kind: 'moved' | 'completed' | 'risk';
  readonly key: string;
  readonly what: string;
  readonly reason: string | null;
  readonly by: string | null;
  readonly at: string | null;
}

export interface LeadershipView {
  readonly week: string;
  readonly lines: readonly LeadershipLine[];
  readonly changes: readonly PortfolioChange[];
  readonly moreChanges: number;
}

const healthRank: Record<OnTrackCode, number> = { off_track: 0, at_risk: 1, on_track: 2, complete: 3 };
const readinessRank: Record<ReadinessLevel, number> = { red: 0, amber: 1, green: 2 };
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function line(p: LeadershipProgram): LeadershipLine & { readonly weight: number } {
  const r = p.report;
  const names = new Map(r.people.map((x) => [x.id, x.name]));
  const name = (id: string | null) => (id === null ? null : (names.get(id) ?? id));
  const slipped = r.milestoneMovement.moved
    .filter((m) => m.field === 'forecastDate' && m.days > 0)
    .map((m) => ({ key: m.key, name: m.name, days: m.days, reason: m.reason }));
  const overdueEscalations = r.blockers.escalations.filter((e) => e.isOverdue).length;
  const overdueDecisions = r.decisionsNeeded.filter((d) => d.isOverdue).length;
  const reasons: AttentionReason[] = [
    ...(r.onTrack.code === 'off_track' ? [{ kind: 'off_track' as const, count: 1 }] : []),
    ...(r.releaseReadiness.level === 'red' ? [{ kind: 'readiness_red' as const, count: 1 }] : []),
    ...(overdueEscalations > 0 ? [{ kind: 'escalations_overdue' as const, count: overdueEscalations }] : []),
    ...(overdueDecisions > 0 ? [{ kind: 'decisions_overdue' as const, count: overdueDecisions }] : []),
    ...(r.onTrack.code === 'at_risk' ? [{ kind: 'at_risk' as const, count: 1 }] : []),
    ...(slipped.length > 0 ? [{ kind: 'slipped' as const, count: slipped.length }] : []),
  ];
  const words: Record<AttentionReason['kind'], (n: number) => string> = {
    off_track: () => r.onTrack.text,
    readiness_red: () => 'Release readiness is red.',
    escalations_overdue: (n) => `${plural(n, 'escalation', 'escalations')} past the deadline.`,
    decisions_overdue: (n) => `${plural(n, 'decision', 'decisions')} overdue.`,
    at_risk: () => r.onTrack.text,
    slipped: (n) => `${plural(n, 'milestone', 'milestones')} slipped this week.`,
  };
  const attention = reasons.map((x) => words[x.kind](x.count));
  // The order leadership reads in: off track, red, overdue escalations and decisions, at risk, slips.
  const weight =
    (r.onTrack.code === 'off_track' ? 1000 : 0) +
    (r.releaseReadiness.level === 'red' ? 500 : 0) +
    overdueEscalations * 50 +
    overdueDecisions * 20 +
    (r.onTrack.code === 'at_risk' ? 100 : 0) +
    slipped.length * 5;
  const topRisks = p.risks
    .filter(isRiskOpen)
    .map((x) => ({ key: x.key, title: x.title, score: x.likelihood * x.impact, owner: name(x.ownerId) }))
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key, 'en', { numeric: true }))
    .slice(0, leadershipTopRisks);
  return {
    program: { id: r.program.id, code: r.program.code, name: r.program.name },
    revision: p.revision,
    health: r.onTrack.code,
    onTrack: r.onTrack.text,
    readiness: r.releaseReadiness.level,
    moved: new Set(r.milestoneMovement.moved.map((m) => m.key)).size,
    slipped,
    completed: r.milestoneMovement.completed.length,
    wentLate: r.milestoneMovement.wentLate.length,
    decisionsDue: r.decisionsNeeded.slice(0, leadershipDecisions).map((d) => ({
      key: d.key,
      statement: d.statement,
      owner: name(d.ownerId),
      dueDate: d.dueDate,
      isOverdue: d.isOverdue,
    })),
    moreDecisions: Math.max(0, r.decisionsNeeded.length - leadershipDecisions),
    topRisks,
    escalations: { open: r.blockers.escalations.length, overdue: overdueEscalations },
    attention,
    reasons,
    weight,
  };
}

function changesOf(r: WeekSummary): PortfolioChange[] {
  const names = new Map(r.people.map((x) => [x.id, x.name]));
  const name = (id: string | null) => (id === null ? null : (names.get(id) ?? id));
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return [
    ...r.milestoneMovement.moved.map(
      (m): PortfolioChange => ({
        programCode: r.program.code,
        kind: 'moved',
        key: m.key,
        what: `${m.name}: ${m.field === 'forecastDate' ? 'forecast' : 'baseline'} ${m.from} → ${m.to} (${signed(m.days)} business days)`,
        reason: m.reason,
        by: name(m.actorId),
        at: m.at,
      }),
    ),
    ...r.milestoneMovement.completed.map(
      (m): PortfolioChange => ({
        programCode: r.program.code,
        kind: 'completed',
        key: m.key,
        what: `${m.name}: done ${m.actualDate} (${signed(m.varianceDays)} business days against baseline)`,
        reason: null,
        by: name(m.actorId),
        at: m.at,
      }),
    ),
    ...r.riskChanges.map(
      (x): PortfolioChange => ({
        programCode: r.program.code,
        kind: 'risk',
        key: x.key,
        what: `${x.title}: ${x.kind}${x.kind === 'rescored' ? ` ${x.from ?? '–'} → ${x.to ?? '–'}` : x.to === null ? '' : ` (score ${x.to})`}`,
        reason: x.reason,
        by: name(x.actorId),
        at: x.at,
      }),
    ),
  ];
}

/** The leadership view of a week from each program's weekly report: attention first, then by code; changes newest first. */
export function leadershipView(week: string, programs: readonly LeadershipProgram[]): LeadershipView {
  const lines = programs
    .map(line)
    .sort(
      (a, b) =>
        b.weight - a.weight ||
        healthRank[a.health] - healthRank[b.health] ||
        readinessRank[a.readiness] - readinessRank[b.readiness] ||
        a.program.code.localeCompare(b.program.code, 'en', { numeric: true }),
    )
    .map(({ weight, ...l }) => l);
  const all = programs
    .flatMap((p) => changesOf(p.report))
    .sort(
      (a, b) =>
        (b.at ?? '').localeCompare(a.at ?? '') ||
        a.programCode.localeCompare(b.programCode, 'en', { numeric: true }) ||
        a.key.localeCompare(b.key, 'en', { numeric: true }),
    );
  return { week, lines, changes: all.slice(0, leadershipChanges), moreChanges: Math.max(0, all.length - leadershipChanges) };
}

/** The leadership view as a document (report-document.ts): Markdown, PDF and e-mail write it like a weekly report. */
export function leadershipDocument(view: LeadershipView): ReportBlock[] {
  const cell = (s: string | null | undefined): Run => ({ text: s ? s.replace(/\s*\n\s*/g, ' ') : '–' });
  const attention = view.lines.filter((l) => l.attention.length > 0);
  return [
    { kind: 'heading', level: 1, text: `Portfolio ${view.week}` },
    {
      kind: 'paragraph',
      runs: [
        { text: `${view.lines.length} programs; ` },
        { text: `${attention.length} need leadership attention`, style: 'strong' },
        { text: '.' },
      ],
    },
    { kind: 'heading', level: 2, text: 'Needs attention first' },
    attention.length === 0
      ? { kind: 'paragraph', runs: [{ text: 'Nothing needs leadership attention this week.' }] }
      : { kind: 'list', items: attention.map((l) => `${l.program.code} ${l.program.name}: ${l.attention.join(' ')}`) },
    { kind: 'heading', level: 2, text: 'Programs' },
    {
      kind: 'table',
      head: ['Program', 'Health', 'Release', 'Moved', 'Slipped', 'Decisions due', 'Top risks', 'Escalations'],
      rows: view.lines.map((l) => [
        cell(`${l.program.code} ${l.program.name}${l.revision === null ? ' (draft)' : l.revision > 1 ? ` (revision ${l.revision})` : ''}`),
        l.health === 'off_track' ? { text: 'off track', style: 'strong' } : cell(l.health.replace('_', ' ')),
        l.readiness === 'red' ? { text: 'red', style: 'strong' } : cell(l.readiness),
        cell(`${l.moved} moved, ${l.completed} done, ${l.wentLate} late`),
        cell(l.slipped.map((s) => `${s.key} +${s.days}`).join(', ')),
        cell(
          [
            ...l.decisionsDue.map((d) => `${d.key} ${d.owner ?? 'no owner'} ${d.dueDate ?? 'no date'}${d.isOverdue ? ' overdue' : ''}`),
            ...(l.moreDecisions > 0 ? [`and ${l.moreDecisions} more`] : []),
          ].join('; '),
        ),
        cell(l.topRisks.map((r) => `${r.key} ${r.score}`).join(', ')),
        l.escalations.overdue > 0
          ? { text: `${l.escalations.open} open, ${l.escalations.overdue} overdue`, style: 'strong' }
          : cell(`${l.escalations.open} open`),
      ]),
    },
    { kind: 'heading', level: 2, text: 'What changed since last week' },
    {
      kind: 'table',
      head: ['Program', 'Item', 'Change', 'Why', 'Who'],
      rows: view.changes.map((c) => [cell(c.programCode), cell(c.key), cell(c.what), cell(c.reason), cell(c.by)]),
    },
    ...(view.moreChanges > 0 ? [{ kind: 'paragraph', runs: [{ text: `and ${view.moreChanges} more changes` }] } as const] : []),
  ];
}
