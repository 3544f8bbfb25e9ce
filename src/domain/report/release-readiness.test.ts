import { describe, expect, it } from 'vitest';
import { action, dana, decision, historyInput, item, milestone, risk } from '../../../test/support/weekly-report-history.js';
import type { PlainDate } from '../plain-date.js';
import { assembleWeeklyReport } from './assemble-weekly-report.js';
import type { ReportGate, WeeklyReportInput } from './report-input.js';

const d = (s: string) => s as PlainDate;
const releaseGate = (status: ReportGate['gate']['status'], state: 'open' | 'accepted'): ReportGate => ({
  gate: { id: 'g-G4', key: 'G4', name: 'Release preparation', ownerId: dana, status, reviewMilestoneId: 'm-M-2' },
  items: [item('G4', 'C-1', { title: 'Final inspection report', dueDate: d('2026-12-16'), state })],
});

/** ABC's week with nothing against release: every milestone on plan, the release checklist accepted. */
function clean(over: Partial<WeeklyReportInput['end']> = {}): WeeklyReportInput {
  const end = {
    milestones: [
      milestone('M-1', { baselineDate: '2026-11-20', actualDate: d('2026-11-20') }),
      milestone('M-2', { baselineDate: '2026-12-18' }),
    ],
    decisions: [],
    risks: [risk('R-1', { likelihood: 2, impact: 5 })],
    actions: [],
    gates: [releaseGate('ready_for_review', 'accepted')],
    ...over,
  };
  return { ...historyInput(), start: end, end, changes: [], escalations: [], inspections: [], releaseDecisionIds: ['d-D-1'] };
}

describe('release readiness', () => {
  it('is green with no reason, and the program on track, when nothing stands against release', () => {
    const r = assembleWeeklyReport(clean());
    expect(r.releaseReadiness).toEqual({ level: 'green', reasons: [] });
    expect(r.onTrack).toEqual({
      code: 'on_track',
      params: { milestoneKey: null, reason: 'on_plan', days: null, detail: null, late: 0, atRisk: 0, readiness: 'green' },
      text: 'On track: no milestone is late or at risk; release readiness is green.',
    });
  });

  it('is amber for an incomplete release checklist, a pending release decision and a blocking action, none overdue', () => {
    const r = assembleWeeklyReport(
      clean({
        gates: [releaseGate('in_progress', 'open')],
        decisions: [decision('D-1', { dueDate: d('2026-12-10') })],
        actions: [action('A-1', { dueDate: d('2026-12-21'), blocksMilestoneId: 'm-M-2' })],
      }),
    );
    expect(r.releaseReadiness).toEqual({
      level: 'amber',
      reasons: [
        { kind: 'release_checklist_incomplete', level: 'amber', gateKey: 'G4', itemKeys: ['C-1'] },
        { kind: 'blocking_action_open', level: 'amber', key: 'A-1', isOverdue: false },
        { kind: 'release_decision_pending', level: 'amber', key: 'D-1', isOverdue: false },
      ],
    });
    // A-1 is due after M-2's forecast: M-2 is at risk.
    expect(r.onTrack).toEqual({
      code: 'at_risk',
      params: { milestoneKey: 'M-2', reason: 'blocked', days: null, detail: 'A-1', late: 0, atRisk: 1, readiness: 'amber' },
      text: 'At risk: 0 milestones late, 1 at risk; M-2 is blocked by A-1; release readiness is amber.',
    });
  });

  it('passes over the checklist of a passed release gate, and says so when the program has no gate at all', () => {
    expect(assembleWeeklyReport(clean({ gates: [releaseGate('passed', 'open')] })).releaseReadiness.level).toBe('green');
    expect(assembleWeeklyReport(clean({ gates: [] })).releaseReadiness).toEqual({
      level: 'amber',
      reasons: [{ kind: 'release_gate_missing', level: 'amber' }],
    });
  });

  it('turns red on an overdue release decision, and on a risk of score 15 or more while it is open', () => {
    expect(assembleWeeklyReport(clean({ decisions: [decision('D-1', { dueDate: d('2026-12-04') })] })).releaseReadiness).toEqual({
      level: 'red',
      reasons: [{ kind: 'release_decision_pending', level: 'red', key: 'D-1', isOverdue: true }],
    });
    expect(assembleWeeklyReport(clean({ risks: [risk('R-1', { likelihood: 3, impact: 5 })] })).releaseReadiness).toEqual({
      level: 'red',
      reasons: [{ kind: 'critical_risk_open', level: 'red', key: 'R-1', score: 15 }],
    });
    expect(
      assembleWeeklyReport(clean({ risks: [risk('R-1', { likelihood: 3, impact: 5, status: 'realized' })] })).releaseReadiness.level,
    ).toBe('green');
  });

  it('answers "complete" once every milestone is done', () => {
    const done = assembleWeeklyReport(
      clean({ milestones: [milestone('M-1', { baselineDate: '2026-11-20', actualDate: d('2026-11-20') })] }),
    );
    expect([done.onTrack.code, done.onTrack.text]).toEqual(['complete', 'Complete: every milestone is done; release readiness is green.']);
  });
});
