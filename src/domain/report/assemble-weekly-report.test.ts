import { describe, expect, it } from 'vitest';
import { chen, dana, historyInput, li } from '../../../test/support/weekly-report-history.js';
import { assembleWeeklyReport, checkNarrative } from './assemble-weekly-report.js';

const report = assembleWeeklyReport(historyInput());

describe('assembleWeeklyReport: one week of ABC in Shenzhen, every section by hand', () => {
  it('reads the week Monday 00:00 to Monday 00:00 in Shanghai', () => {
    expect([report.week, report.startDate, report.endDate, report.startAt, report.endAt, report.asOf]).toEqual([
      '2026-W49',
      '2026-11-30',
      '2026-12-06',
      '2026-11-29T16:00:00.000Z',
      '2026-12-06T16:00:00.000Z',
      '2026-12-06T16:00:00.000Z',
    ]);
    expect(report.program).toEqual({ id: 'p-abc', code: 'ABC', name: 'Kettle housing 1.7 l', timeZone: 'Asia/Shanghai' });
  });

  it('1. milestone movement: moves of the week only (Sunday 23:30 in, Monday 00:30 out), completions, what went late', () => {
    expect(report.milestoneMovement).toEqual({
      moved: [
        {
          key: 'M-4',
          name: 'Packaging approval',
          ownerId: null,
          field: 'forecastDate',
          from: '2026-12-01',
          to: '2026-12-03',
          days: 2,
          reason: 'Artwork revision',
          actorId: li,
          at: '2026-12-01T02:00:00.000Z',
        },
        {
          key: 'M-3',
          name: 'Pilot run',
          ownerId: dana,
          field: 'forecastDate',
          from: '2026-12-04',
          to: '2026-12-11',
          days: 5,
          reason: 'Resin arrives late',
          actorId: dana,
          at: '2026-12-06T15:30:00.000Z',
        },
      ],
      completed: [
        {
          key: 'M-2',
          name: 'First article inspection',
          ownerId: chen,
          actualDate: '2026-12-03',
          baselineDate: '2026-12-02',
          varianceDays: 1,
          actorId: chen,
          at: '2026-12-03T09:00:00.000Z',
        },
      ],
      wentLate: [
        { key: 'M-3', name: 'Pilot run', ownerId: dana, forecastDate: '2026-12-11', baselineDate: '2026-12-04', passed: ['baseline'] },
        {
          key: 'M-4',
          name: 'Packaging approval',
          ownerId: null,
          forecastDate: '2026-12-03',
          baselineDate: '2026-12-01',
          passed: ['forecast', 'baseline'],
        },
      ],
    });
  });

  it('2. blockers: blocking actions not confirmed closed and open escalations, overdue first', () => {
    expect(report.blockers).toEqual({
      actions: [
        { key: 'A-1', title: 'Repair cavity 3 of the tool', ownerId: chen, dueDate: '2026-12-04', isOverdue: true, milestoneKey: 'M-5' },
        { key: 'A-2', title: 'Approve the carton drop test', ownerId: li, dueDate: '2026-12-10', isOverdue: false, milestoneKey: 'M-6' },
        { key: 'A-4', title: 'Update the control plan', ownerId: li, dueDate: null, isOverdue: false, milestoneKey: 'M-6' },
      ],
      escalations: [
        {
          key: 'E-1',
          title: 'Flash on cavity 3 over the limit',
          ownerId: chen,
          deadlineAt: '2026-12-04T10:00:00.000Z',
          status: 'open',
          level: 2,
          isOverdue: true,
        },
        {
          key: 'E-2',
          title: 'Resin delivery late',
          ownerId: dana,
          deadlineAt: '2026-12-09T10:00:00.000Z',
          status: 'acknowledged',
          level: 1,
          isOverdue: false,
        },
        { key: 'E-4', title: 'Carton supplier silent', ownerId: null, deadlineAt: null, status: 'expired', level: 2, isOverdue: false },
      ],
    });
  });

  it('3. decisions needed: open ones, overdue first, undated last', () => {
    expect(report.decisionsNeeded).toEqual([
      { key: 'D-1', statement: 'Accept the cosmetic deviation on the lid', ownerId: dana, dueDate: '2026-12-02', isOverdue: true },
      { key: 'D-2', statement: 'Approve air freight for resin', ownerId: dana, dueDate: '2026-12-09', isOverdue: false },
      { key: 'D-3', statement: 'Choose a second resin supplier', ownerId: null, dueDate: null, isOverdue: false },
    ]);
  });

  it('4. risk changes: re-scored from the score it had at the week start, closed, new, realized, with reasons', () => {
    expect(report.riskChanges).toEqual([
      {
        kind: 'rescored',
        key: 'R-1',
        title: 'Resin shortage',
        ownerId: dana,
        from: 12,
        to: 16,
        reason: 'The second supplier is short too',
        actorId: dana,
        at: '2026-12-01T03:00:00.000Z',
      },
      {
        kind: 'closed',
        key: 'R-2',
        title: 'Tool wear',
        ownerId: chen,
        from: null,
        to: null,
        reason: 'Tool repaired and verified',
        actorId: chen,
        at: '2026-12-02T06:00:00.000Z',
      },
      {
        kind: 'new',
        key: 'R-5',
        title: 'Inspector availability',
        ownerId: dana,
        from: null,
        to: 4,
        reason: null,
        actorId: dana,
        at: '2026-12-03T01:00:00.000Z',
      },
      {
        kind: 'realized',
        key: 'R-3',
        title: 'Port congestion',
        ownerId: li,
        from: null,
        to: null,
        reason: 'Vessel missed; shipment a week late',
        actorId: li,
        at: '2026-12-04T08:00:00.000Z',
      },
    ]);
  });

  it('5. next-week plan: what is due in 2026-W50, with owners', () => {
    expect(report.nextWeek).toEqual({
      week: '2026-W50',
      milestones: [
        { key: 'M-5', title: 'Pilot review', ownerId: dana, dueDate: '2026-12-09' },
        { key: 'M-3', title: 'Pilot run', ownerId: dana, dueDate: '2026-12-11' },
      ],
      gateReviews: [{ key: 'G2', title: 'Pilot run checks', ownerId: dana, dueDate: '2026-12-09' }],
      checklistItems: [
        { key: 'C-1', title: 'Part submission warrant', ownerId: chen, dueDate: '2026-12-08', gateKey: 'G2' },
        { key: 'C-2', title: 'Capability study', ownerId: null, dueDate: '2026-12-09', gateKey: 'G2' },
      ],
      actions: [
        { key: 'A-3', title: 'Send the golden sample', ownerId: null, dueDate: '2026-12-08' },
        { key: 'A-2', title: 'Approve the carton drop test', ownerId: li, dueDate: '2026-12-10' },
      ],
      decisions: [{ key: 'D-2', title: 'Approve air freight for resin', ownerId: dana, dueDate: '2026-12-09' }],
    });
  });

  it('plan vs actual: every milestone by planned date, variance in business days, health at the week end', () => {
    expect(report.planVsActual).toEqual([
      {
        key: 'M-1',
        name: 'Tooling sign-off',
        ownerId: chen,
        baselineDate: '2026-11-20',
        forecastDate: '2026-11-20',
        actualDate: '2026-11-20',
        varianceDays: 0,
        health: 'done',
      },
      {
        key: 'M-4',
        name: 'Packaging approval',
        ownerId: null,
        baselineDate: '2026-12-01',
        forecastDate: '2026-12-03',
        actualDate: null,
        varianceDays: 2,
        health: 'late',
      },
      {
        key: 'M-2',
        name: 'First article inspection',
        ownerId: chen,
        baselineDate: '2026-12-02',
        forecastDate: '2026-12-02',
        actualDate: '2026-12-03',
        varianceDays: 1,
        health: 'done',
      },
      {
        key: 'M-3',
        name: 'Pilot run',
        ownerId: dana,
        baselineDate: '2026-12-04',
        forecastDate: '2026-12-11',
        actualDate: null,
        varianceDays: 5,
        health: 'late',
      },
      // Blocked by A-1, overdue.
      {
        key: 'M-5',
        name: 'Pilot review',
        ownerId: dana,
        baselineDate: '2026-12-09',
        forecastDate: '2026-12-09',
        actualDate: null,
        varianceDays: 0,
        health: 'at_risk',
      },
      {
        key: 'M-6',
        name: 'Release to production',
        ownerId: dana,
        baselineDate: '2026-12-18',
        forecastDate: '2026-12-18',
        actualDate: null,
        varianceDays: 0,
        health: 'on_track',
      },
    ]);
  });

  it('release readiness: red, with every reason (the later accept of the lid colour clears its reject)', () => {
    expect(report.releaseReadiness).toEqual({
      level: 'red',
      reasons: [
        { kind: 'release_checklist_incomplete', level: 'amber', gateKey: 'G4', itemKeys: ['C-4'] },
        { kind: 'inspection_rejected', level: 'red', key: 'I-2', subject: 'Hinge torque' },
        { kind: 'critical_risk_open', level: 'red', key: 'R-1', score: 16 },
        { kind: 'critical_risk_open', level: 'red', key: 'R-4', score: 16 },
        { kind: 'escalation_open', level: 'red', key: 'E-1', isOverdue: true },
        { kind: 'escalation_open', level: 'amber', key: 'E-2', isOverdue: false },
        { kind: 'escalation_open', level: 'amber', key: 'E-4', isOverdue: false },
        { kind: 'blocking_action_open', level: 'red', key: 'A-1', isOverdue: true },
        { kind: 'blocking_action_open', level: 'amber', key: 'A-2', isOverdue: false },
        { kind: 'blocking_action_open', level: 'amber', key: 'A-4', isOverdue: false },
        { kind: 'release_decision_pending', level: 'amber', key: 'D-2', isOverdue: false },
      ],
    });
  });

  it('answers "are we on track?" as a code with parameters and in English', () => {
    expect(report.onTrack).toEqual({
      code: 'off_track',
      params: { milestoneKey: 'M-4', reason: 'overdue', days: 2, detail: null, late: 2, atRisk: 1, readiness: 'red' },
      text: 'Off track: 2 milestones late, 1 at risk; M-4 is 2 business days overdue; release readiness is red.',
    });
  });

  it('keeps the narrative and the names of the people it names, by id', () => {
    expect(report.narrative).toBe('Pilot run moved a week: resin | *late*.\nAir freight decision needed by Wednesday.');
    expect(report.people).toEqual([
      { id: 'u-chen', name: '陈伟' },
      { id: 'u-dana', name: 'Dana Whitfield' },
      { id: 'u-li', name: 'Li Na' },
    ]);
  });
});

describe('a week still running', () => {
  it('reads it at the instant given: a date not yet passed is not late, and the week end is not the read', () => {
    // Wednesday 2 December, 12:00 in Shenzhen.
    const midweek = assembleWeeklyReport({ ...historyInput(), asOf: '2026-12-02T04:00:00.000Z' });
    expect(midweek.asOf).toBe('2026-12-02T04:00:00.000Z');
    expect(midweek.milestoneMovement.wentLate).toEqual([
      {
        key: 'M-4',
        name: 'Packaging approval',
        ownerId: null,
        forecastDate: '2026-12-03',
        baselineDate: '2026-12-01',
        passed: ['baseline'],
      },
    ]);
    // E-1's deadline (Friday) has not passed yet.
    expect(midweek.blockers.escalations.map((e) => [e.key, e.isOverdue])).toEqual([
      ['E-1', false],
      ['E-2', false],
      ['E-4', false],
    ]);
    // An instant after the week is read as the week's end.
    expect(assembleWeeklyReport({ ...historyInput(), asOf: '2027-01-01T00:00:00.000Z' }).asOf).toBe('2026-12-06T16:00:00.000Z');
  });
});

describe('checkNarrative', () => {
  it('keeps line breaks, trims, and refuses text too long or with control characters, naming the field', () => {
    expect(checkNarrative('  Two lines\n\tand a tab  ')).toEqual({ ok: true, value: 'Two lines\n\tand a tab' });
    expect(checkNarrative('x'.repeat(4001))).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The narrative is 4001 characters long; it may have 4000.',
        fields: [{ path: 'narrative', message: 'At most 4000 characters.' }],
      },
    });
    expect(checkNarrative('bell\u0007').ok).toBe(false);
    expect(checkNarrative('x'.repeat(4000)).ok).toBe(true);
    expect(() => assembleWeeklyReport({ ...historyInput(), narrative: 'x'.repeat(4001) })).toThrow(/unchecked narrative/);
  });
});
