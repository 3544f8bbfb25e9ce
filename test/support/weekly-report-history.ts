import type { Action } from '../../src/domain/action.js';
import { mondayToFriday } from '../../src/domain/business-days.js';
import type { Decision } from '../../src/domain/decision.js';
import type { ChecklistItem } from '../../src/domain/gates/checklist-item.js';
import { asMilestoneId, asProgramId, asUserId } from '../../src/domain/ids.js';
import type { Milestone } from '../../src/domain/milestone.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import { parseReportWeek, type ReportWeek } from '../../src/domain/report/iso-week.js';
import type { ReportChange, ReportGate, ReportState, WeeklyReportInput } from '../../src/domain/report/report-input.js';
import type { Risk } from '../../src/domain/risk.js';

/*
 * One week of one program, written by hand: ABC, made in Shenzhen (Asia/Shanghai), week 2026-W49
 * (Monday 30 November to Sunday 6 December 2026), Monday to Friday. Every section of its report is
 * worked out by hand in src/domain/report/assemble-weekly-report.test.ts.
 */

const d = (s: string) => s as PlainDate;
export const dana = asUserId('u-dana');
export const chen = asUserId('u-chen');
export const li = asUserId('u-li');
export const people = [
  { id: 'u-li', name: 'Li Na' },
  { id: 'u-dana', name: 'Dana Whitfield' },
  { id: 'u-chen', name: '陈伟' },
  { id: 'u-nobody', name: 'Named by nothing' },
];

export function week(text: string): ReportWeek {
  const r = parseReportWeek(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export const milestone = (key: string, p: Omit<Partial<Milestone>, 'baselineDate'> & { baselineDate: string }): Milestone => ({
  id: asMilestoneId(`m-${key}`),
  programId: asProgramId('p-abc'),
  key,
  name: `Milestone ${key}`,
  phase: 'G2',
  ownerId: dana,
  forecastDate: d(p.baselineDate),
  actualDate: null,
  isCritical: false,
  toleranceDays: null,
  version: 1,
  ...p,
  baselineDate: d(p.baselineDate),
});

export const decision = (key: string, p: Partial<Decision>): Decision => ({
  id: `d-${key}`,
  programId: 'p-abc',
  key,
  statement: `Decision ${key}`,
  context: '',
  options: '',
  ownerId: dana,
  requestedById: chen,
  dueDate: null,
  status: 'open',
  outcome: null,
  rationale: null,
  expectedImpact: null,
  decidedAt: null,
  decidedById: null,
  supersedesId: null,
  supersededById: null,
  version: 1,
  ...p,
});

export const risk = (key: string, p: Partial<Risk>): Risk => ({
  id: `r-${key}`,
  programId: 'p-abc',
  key,
  title: `Risk ${key}`,
  description: '',
  ownerId: dana,
  category: 'supply',
  likelihood: 1,
  impact: 1,
  earlyWarning: '',
  strategy: 'mitigate',
  mitigation: '',
  residualLikelihood: null,
  residualImpact: null,
  reviewDate: null,
  status: 'open',
  version: 1,
  ...p,
});

export const action = (key: string, p: Partial<Action>): Action => ({
  id: `a-${key}`,
  programId: 'p-abc',
  key,
  title: `Action ${key}`,
  description: '',
  ownerId: dana,
  dueDate: null,
  originalDueDate: null,
  severity: 'high',
  blocksMilestoneId: null,
  riskId: null,
  status: 'open',
  doneNote: null,
  doneAt: null,
  doneById: null,
  confirmedById: null,
  confirmedAt: null,
  checkDate: null,
  checkResult: null,
  version: 1,
  ...p,
});

export const item = (gateKey: string, key: string, p: Partial<ChecklistItem>): ChecklistItem => ({
  id: `c-${key}`,
  gateId: `g-${gateKey}`,
  key,
  position: 0,
  title: `Item ${key}`,
  description: '',
  isRequired: true,
  ownerId: chen,
  dueDate: null,
  state: 'open',
  submittedById: null,
  submittedAt: null,
  submissionNote: null,
  reviewedById: null,
  reviewedAt: null,
  reviewComment: null,
  waiverDecisionId: null,
  version: 1,
  ...p,
});

let n = 0;
/** One change-log row; rows of one write share `write`. */
export const change = (
  entity: ReportChange['entity'],
  key: string,
  field: string,
  oldValue: string | number | null,
  newValue: string | number | null,
  actorId: string,
  at: string,
  reason: string | null = null,
  write = `w${++n}`,
): ReportChange => ({
  entity,
  entityId: `${entity === 'milestone' ? 'm' : entity === 'risk' ? 'r' : 'x'}-${key}`,
  entityKey: key,
  field,
  oldValue: oldValue === null ? null : String(oldValue),
  newValue: newValue === null ? null : String(newValue),
  actorId,
  at,
  reason,
  correlationId: write,
});

const gates = (releaseItems: readonly ChecklistItem[]): ReportGate[] => [
  {
    gate: { id: 'g-G1', key: 'G1', name: 'Pre-production readiness', ownerId: dana, status: 'passed', reviewMilestoneId: 'm-M-1' },
    items: [],
  },
  {
    gate: { id: 'g-G2', key: 'G2', name: 'Pilot run checks', ownerId: dana, status: 'in_progress', reviewMilestoneId: 'm-M-5' },
    items: [
      item('G2', 'C-1', { title: 'Part submission warrant', dueDate: d('2026-12-08') }),
      item('G2', 'C-2', { title: 'Capability study', ownerId: null, dueDate: d('2026-12-09'), state: 'rejected' }),
      item('G2', 'C-3', { title: 'Gauge R&R', dueDate: d('2026-12-08'), state: 'accepted' }),
    ],
  },
  {
    gate: { id: 'g-G4', key: 'G4', name: 'Release preparation', ownerId: dana, status: 'not_started', reviewMilestoneId: 'm-M-6' },
    items: releaseItems,
  },
];

const releaseItems = [
  item('G4', 'C-4', { title: 'Final inspection report', dueDate: d('2026-12-16') }),
  item('G4', 'C-5', { title: 'Packaging approval', dueDate: d('2026-12-16'), state: 'accepted' }),
  item('G4', 'C-6', { title: 'Shipping marks photo', dueDate: d('2026-12-16'), isRequired: false }),
];

const start: ReportState = {
  milestones: [
    milestone('M-1', { name: 'Tooling sign-off', ownerId: chen, baselineDate: '2026-11-20', actualDate: d('2026-11-20') }),
    milestone('M-2', { name: 'First article inspection', ownerId: chen, baselineDate: '2026-12-02' }),
    milestone('M-3', { name: 'Pilot run', baselineDate: '2026-12-04' }),
    milestone('M-4', { name: 'Packaging approval', ownerId: null, baselineDate: '2026-12-01' }),
    milestone('M-5', { name: 'Pilot review', baselineDate: '2026-12-09' }),
    milestone('M-6', { name: 'Release to production', baselineDate: '2026-12-18' }),
  ],
  decisions: [],
  risks: [
    risk('R-1', { title: 'Resin shortage', likelihood: 3, impact: 4 }),
    risk('R-2', { title: 'Tool wear', ownerId: chen, likelihood: 2, impact: 3 }),
    risk('R-3', { title: 'Port congestion', ownerId: li, likelihood: 3, impact: 3 }),
    risk('R-4', { title: 'Lid colour mismatch', ownerId: chen, likelihood: 4, impact: 4, status: 'mitigating' }),
  ],
  actions: [],
  gates: gates(releaseItems),
};

const end: ReportState = {
  milestones: [
    start.milestones[0] as Milestone,
    milestone('M-2', { name: 'First article inspection', ownerId: chen, baselineDate: '2026-12-02', actualDate: d('2026-12-03') }),
    milestone('M-3', { name: 'Pilot run', baselineDate: '2026-12-04', forecastDate: d('2026-12-11') }),
    milestone('M-4', { name: 'Packaging approval', ownerId: null, baselineDate: '2026-12-01', forecastDate: d('2026-12-03') }),
    milestone('M-5', { name: 'Pilot review', baselineDate: '2026-12-09' }),
    milestone('M-6', { name: 'Release to production', baselineDate: '2026-12-18' }),
  ],
  decisions: [
    decision('D-3', { statement: 'Choose a second resin supplier', ownerId: null }),
    decision('D-2', { statement: 'Approve air freight for resin', dueDate: d('2026-12-09') }),
    decision('D-1', { statement: 'Accept the cosmetic deviation on the lid', dueDate: d('2026-12-02') }),
    decision('D-4', { statement: 'Use the blue carton', dueDate: d('2026-12-01'), status: 'decided' }),
  ],
  risks: [
    risk('R-1', { title: 'Resin shortage', likelihood: 4, impact: 4 }),
    risk('R-2', { title: 'Tool wear', ownerId: chen, likelihood: 2, impact: 3, status: 'closed' }),
    risk('R-3', { title: 'Port congestion', ownerId: li, likelihood: 3, impact: 3, status: 'realized' }),
    risk('R-4', { title: 'Lid colour mismatch', ownerId: chen, likelihood: 4, impact: 4, status: 'mitigating' }),
    risk('R-5', { title: 'Inspector availability', likelihood: 2, impact: 2 }),
  ],
  actions: [
    action('A-1', { title: 'Repair cavity 3 of the tool', ownerId: chen, dueDate: d('2026-12-04'), blocksMilestoneId: 'm-M-5' }),
    action('A-2', { title: 'Approve the carton drop test', ownerId: li, dueDate: d('2026-12-10'), blocksMilestoneId: 'm-M-6' }),
    action('A-3', { title: 'Send the golden sample', ownerId: null, dueDate: d('2026-12-08') }),
    action('A-4', { title: 'Update the control plan', ownerId: li, blocksMilestoneId: 'm-M-6', status: 'done' }),
    action('A-5', { title: 'Order spare inserts', dueDate: d('2026-12-01'), blocksMilestoneId: 'm-M-5', status: 'closed' }),
  ],
  gates: gates(releaseItems),
};

const changes: ReportChange[] = [
  // Sunday 29 November 23:30 in Shenzhen: the week before.
  change('milestone', 'M-5', 'forecastDate', '2026-12-10', '2026-12-09', dana, '2026-11-29T15:30:00.000Z', 'Earlier slot'),
  change('milestone', 'M-4', 'forecastDate', '2026-12-01', '2026-12-03', li, '2026-12-01T02:00:00.000Z', 'Artwork revision'),
  change('risk', 'R-1', 'likelihood', 3, 4, dana, '2026-12-01T03:00:00.000Z', 'The second supplier is short too'),
  change('risk', 'R-2', 'status', 'open', 'closed', chen, '2026-12-02T06:00:00.000Z', 'Tool repaired and verified'),
  ...['title', 'ownerId', 'likelihood', 'impact', 'status'].map((f) =>
    change(
      'risk',
      'R-5',
      f,
      null,
      { title: 'Inspector availability', ownerId: dana, likelihood: 2, impact: 2, status: 'open' }[f] ?? null,
      dana,
      '2026-12-03T01:00:00.000Z',
      null,
      'raise-R-5',
    ),
  ),
  change('milestone', 'M-2', 'actualDate', null, '2026-12-03', chen, '2026-12-03T09:00:00.000Z'),
  change('risk', 'R-3', 'status', 'open', 'realized', li, '2026-12-04T08:00:00.000Z', 'Vessel missed; shipment a week late'),
  // Sunday 6 December 23:30 in Shenzhen (15:30 UTC): this week.
  change('milestone', 'M-3', 'forecastDate', '2026-12-04', '2026-12-11', dana, '2026-12-06T15:30:00.000Z', 'Resin arrives late'),
  // Monday 7 December 00:30 in Shenzhen, though still Sunday in UTC: next week.
  change('milestone', 'M-6', 'forecastDate', '2026-12-18', '2026-12-21', dana, '2026-12-06T16:30:00.000Z', 'Carton test moved'),
];

/** The hand-written week, as the report's input. */
export const historyInput = (): WeeklyReportInput => ({
  program: { id: 'p-abc', code: 'ABC', name: 'Kettle housing 1.7 l', timeZone: 'Asia/Shanghai', toleranceDays: 3 },
  week: week('2026-W49'),
  calendar: mondayToFriday,
  start,
  end,
  changes,
  escalations: [
    { key: 'E-4', title: 'Carton supplier silent', ownerId: null, deadlineAt: null, status: 'expired', level: 2 },
    { key: 'E-3', title: 'Label misprint', ownerId: li, deadlineAt: '2026-12-01T10:00:00.000Z', status: 'resolved', level: 1 },
    { key: 'E-2', title: 'Resin delivery late', ownerId: dana, deadlineAt: '2026-12-09T10:00:00.000Z', status: 'acknowledged', level: 1 },
    {
      key: 'E-1',
      title: 'Flash on cavity 3 over the limit',
      ownerId: chen,
      deadlineAt: '2026-12-04T10:00:00.000Z',
      status: 'open',
      level: 2,
    },
  ],
  inspections: [
    { key: 'I-1', subject: 'Lid colour', at: '2026-12-01T05:00:00.000Z', verdict: 'reject' },
    { key: 'I-2', subject: 'Hinge torque', at: '2026-12-03T05:00:00.000Z', verdict: 'reject' },
    { key: 'I-3', subject: 'Lid colour', at: '2026-12-04T05:00:00.000Z', verdict: 'accept' },
    // After the week: not read.
    { key: 'I-4', subject: 'Hinge torque', at: '2026-12-08T05:00:00.000Z', verdict: 'accept' },
  ],
  releaseDecisionIds: ['d-D-2'],
  people,
  narrative: 'Pilot run moved a week: resin | *late*.\nAir freight decision needed by Wednesday.',
});
