import type { TFunction } from 'i18next';
import type { Change } from '../../../src/contract/change.js';
import type { Escalation } from '../../../src/contract/escalation.js';
import type { ProgramSummary } from '../../../src/contract/program.js';
import type { MilestoneList } from '../lib/api.js';
import type { Action, Decision, MyWeek, Risk } from '../lib/records-api.js';
import type { CsvTable } from './csv.js';

// What each list page's CSV holds: its rows as the API gives them (plain dates YYYY-MM-DD, instants
// ISO-8601 UTC, keys and codes as shown), headers from the catalogue. One function per list.

type Milestone = MilestoneList['items'][number];
type Person = { readonly name: string } | null;
const name = (p: Person) => p?.name ?? '';

export function portfolioCsv(t: TFunction, programs: readonly ProgramSummary[]): CsvTable {
  const c = (k: string) => t(`csv.col.${k}` as 'csv.col.code');
  return {
    header: [
      'code',
      'name',
      'client',
      'status',
      'phase',
      'health',
      'nextKey',
      'nextName',
      'nextDate',
      'owner',
      'openDecisions',
      'highRisks',
      'done',
      'milestones',
      'targetRelease',
    ].map(c),
    rows: programs.map((p) => [
      p.code,
      p.name,
      p.client.name,
      p.status,
      p.currentPhase,
      p.health,
      p.nextMilestone?.key,
      p.nextMilestone?.name,
      p.nextMilestone?.forecastDate,
      name(p.owner),
      p.openDecisions,
      p.highRisks,
      p.doneCount,
      p.milestoneCount,
      p.targetReleaseDate,
    ]),
  };
}

export function milestonesCsv(t: TFunction, items: readonly Milestone[]): CsvTable {
  const c = (k: string) => t(`csv.col.${k}` as 'csv.col.code');
  return {
    header: ['key', 'name', 'phase', 'owner', 'baseline', 'forecast', 'actual', 'variance', 'health', 'critical'].map(c),
    rows: items.map((m) => [
      m.key,
      m.name,
      m.phase,
      name(m.owner),
      m.baselineDate,
      m.forecastDate,
      m.actualDate,
      m.varianceDays,
      m.health,
      m.isCritical,
    ]),
  };
}

export function decisionsCsv(t: TFunction, items: readonly Decision[]): CsvTable {
  const c = (k: string) => t(`csv.col.${k}` as 'csv.col.code');
  return {
    header: ['key', 'statement', 'owner', 'due', 'status', 'outcome', 'decidedAt', 'decidedBy'].map(c),
    rows: items.map((d) => [d.key, d.statement, name(d.owner), d.dueDate, d.status, d.outcome, d.decidedAt, name(d.decidedBy)]),
  };
}

export function risksCsv(t: TFunction, items: readonly Risk[]): CsvTable {
  const c = (k: string) => t(`csv.col.${k}` as 'csv.col.code');
  return {
    header: ['key', 'title', 'owner', 'category', 'likelihood', 'impact', 'score', 'residualScore', 'strategy', 'review', 'status'].map(c),
    rows: items.map((r) => [
      r.key,
      r.title,
      name(r.owner),
      r.category,
      r.likelihood,
      r.impact,
      r.score,
      r.residualScore,
      r.strategy,
      r.reviewDate,
      r.status,
    ]),
  };
}

export function actionsCsv(t: TFunction, items: readonly Action[]): CsvTable {
  const c = (k: string) => t(`csv.col.${k}` as 'csv.col.code');
  return {
    header: ['key', 'title', 'owner', 'due', 'firstDue', 'severity', 'status', 'overdue', 'doneAt', 'confirmedAt'].map(c),
    rows: items.map((a) => [
      a.key,
      a.title,
      name(a.owner),
      a.dueDate,
      a.originalDueDate,
      a.severity,
      a.status,
      a.isOverdue,
      a.doneAt,
      a.confirmedAt,
    ]),
  };
}

export function weekCsv(
  t: TFunction,
  week: MyWeek,
  sections: readonly ('decisions' | 'actions' | 'confirmations' | 'risks' | 'milestones' | 'checklistItems' | 'reviews')[],
): CsvTable {
  const c = (k: string) => t(`csv.col.${k}` as 'csv.col.code');
  // A gate at risk gives a row per required item not on course: the gate and the item, why it is off course.
  const gates = week.gatesAtRisk.flatMap((g) =>
    g.items.map((i) => [
      'gatesAtRisk',
      g.programCode,
      i.key,
      `${g.gateKey} ${g.gateName}: ${i.title}`,
      i.dueDate,
      i.reasons.includes('overdue'),
      i.reasons.join(' '),
    ]),
  );
  return {
    header: ['list', 'program', 'key', 'title', 'due', 'overdue', 'ask'].map(c),
    rows: [...sections.flatMap((s) => week[s].map((i) => [s, i.programCode, i.key, i.title, i.dueDate, i.isOverdue, i.ask])), ...gates],
  };
}

export function changesCsv(t: TFunction, items: readonly Change[], value: (v: string | null) => string | null = (v) => v): CsvTable {
  const c = (k: string) => t(`csv.col.${k}` as 'csv.col.code');
  return {
    header: ['at', 'who', 'record', 'key', 'field', 'old', 'new', 'reason'].map(c),
    rows: items.map((x) => [x.at, x.actor.name, x.entity, x.entityKey, x.field, value(x.oldValue), value(x.newValue), x.reason]),
  };
}

export function escalationsCsv(t: TFunction, items: readonly Escalation[]): CsvTable {
  const c = (k: string) => t(`csv.col.${k}` as 'csv.col.code');
  return {
    header: [
      'key',
      'trigger',
      'subject',
      'severity',
      'owner',
      'level',
      'raisedAt',
      'deadlineAt',
      'status',
      'overdue',
      'outcome',
      'decision',
      'action',
    ].map(c),
    rows: items.map((e) => [
      e.key,
      e.triggerKind,
      `${e.subject.ref} ${e.subject.title}`,
      e.severity,
      e.owner.name,
      e.level,
      e.raisedAt,
      e.deadlineAt,
      e.status,
      e.isOverdue,
      e.outcome,
      e.decision?.key,
      e.action?.key,
    ]),
  };
}
