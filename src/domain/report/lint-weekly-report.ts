import { recordPath } from './record-path.js';
import { byKey } from './report-order.js';
import type { ReportRecord, WeeklyReport } from './weekly-report.js';

export type LintKind = 'decision_overdue' | 'escalation_overdue' | 'no_owner' | 'no_due_date';

/** One thing the report should not be issued with unnoticed, with the page where it is fixed. */
export interface LintFinding {
  readonly kind: LintKind;
  readonly record: ReportRecord;
  readonly key: string;
  readonly title: string;
  readonly path: string;
}

const kindOrder: Record<LintKind, number> = { decision_overdue: 0, escalation_overdue: 1, no_owner: 2, no_due_date: 3 };
const recordOrder: Record<ReportRecord, number> = {
  escalation: 0,
  decision: 1,
  action: 2,
  milestone: 3,
  gate: 4,
  checklist_item: 5,
  risk: 6,
};

interface Named {
  readonly record: ReportRecord;
  readonly key: string;
  readonly title: string;
  readonly ownerId: string | null;
  /** undefined: the record has no due date to lack (a risk). */
  readonly due?: string | null | undefined;
  readonly gateKey?: string | undefined;
}

/**
 * The report's lint (PRODUCT.md: no item without an owner and a due date): every item it names that
 * lacks an owner or a due date, every open escalation past its deadline and every overdue decision,
 * once per record and kind, each with the page where it is fixed; decisions and escalations first.
 */
export function lintWeeklyReport(report: WeeklyReport): LintFinding[] {
  const named: Named[] = [
    ...report.planVsActual.map((m) => ({
      record: 'milestone' as const,
      key: m.key,
      title: m.name,
      ownerId: m.ownerId,
      due: m.forecastDate,
    })),
    ...report.blockers.actions.map((a) => ({ record: 'action' as const, key: a.key, title: a.title, ownerId: a.ownerId, due: a.dueDate })),
    ...report.blockers.escalations.map((e) => ({
      record: 'escalation' as const,
      key: e.key,
      title: e.title,
      ownerId: e.ownerId,
      due: e.deadlineAt,
    })),
    ...report.decisionsNeeded.map((d) => ({
      record: 'decision' as const,
      key: d.key,
      title: d.statement,
      ownerId: d.ownerId,
      due: d.dueDate,
    })),
    ...report.riskChanges.map((r) => ({ record: 'risk' as const, key: r.key, title: r.title, ownerId: r.ownerId })),
    ...report.nextWeek.milestones.map((m) => ({
      record: 'milestone' as const,
      key: m.key,
      title: m.title,
      ownerId: m.ownerId,
      due: m.dueDate,
    })),
    ...report.nextWeek.actions.map((a) => ({ record: 'action' as const, key: a.key, title: a.title, ownerId: a.ownerId, due: a.dueDate })),
    ...report.nextWeek.decisions.map((d) => ({
      record: 'decision' as const,
      key: d.key,
      title: d.title,
      ownerId: d.ownerId,
      due: d.dueDate,
    })),
    ...report.nextWeek.gateReviews.map((g) => ({
      record: 'gate' as const,
      key: g.key,
      title: g.title,
      ownerId: g.ownerId,
      due: g.dueDate,
    })),
    ...report.nextWeek.checklistItems.map((i) => ({
      record: 'checklist_item' as const,
      key: i.key,
      title: i.title,
      ownerId: i.ownerId,
      due: i.dueDate,
      gateKey: i.gateKey,
    })),
  ];
  const code = report.program.code;
  const found = new Map<string, LintFinding>();
  const add = (kind: LintKind, n: Named) => {
    const id = `${kind} ${n.record} ${n.gateKey ?? ''} ${n.key}`;
    if (!found.has(id))
      found.set(id, { kind, record: n.record, key: n.key, title: n.title, path: recordPath(code, n.record, n.key, n.gateKey) });
  };
  for (const n of named) {
    if (n.ownerId === null) add('no_owner', n);
    if (n.due === null) add('no_due_date', n);
  }
  for (const d of report.decisionsNeeded)
    if (d.isOverdue) add('decision_overdue', { record: 'decision', key: d.key, title: d.statement, ownerId: d.ownerId });
  for (const e of report.blockers.escalations)
    if (e.isOverdue) add('escalation_overdue', { record: 'escalation', key: e.key, title: e.title, ownerId: e.ownerId });
  return [...found.values()].sort(
    (a, b) =>
      kindOrder[a.kind] - kindOrder[b.kind] || recordOrder[a.record] - recordOrder[b.record] || byKey(a, b) || (a.path < b.path ? -1 : 1),
  );
}
