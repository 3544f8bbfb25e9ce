import { describe, expect, it } from 'vitest';
import { change, dana, milestone, risk, week } from '../../../test/support/weekly-report-history.js';
import { mondayToFriday } from '../business-days.js';
import type { PlainDate } from '../plain-date.js';
import { assembleWeeklyReport } from './assemble-weekly-report.js';
import type { WeeklyReportInput } from './report-input.js';

// Chicago leaves daylight saving time on Sunday 1 November 2026 at 02:00: week 44 is 169 hours long.
const before = [
  milestone('M-1', { name: 'Golden sample', baselineDate: '2026-11-04' }),
  milestone('M-2', { name: 'Pilot', baselineDate: '2026-11-16' }),
];
const input: WeeklyReportInput = {
  program: { id: 'p-chi', code: 'CHI', name: 'Grill lid', timeZone: 'America/Chicago', toleranceDays: 3 },
  week: week('2026-W44'),
  calendar: mondayToFriday,
  start: { milestones: before, decisions: [], risks: [risk('R-1', { likelihood: 2, impact: 2 })], actions: [], gates: [] },
  end: {
    milestones: [
      milestone('M-1', { name: 'Golden sample', baselineDate: '2026-11-04' }),
      milestone('M-2', { name: 'Pilot', baselineDate: '2026-11-16', forecastDate: '2026-11-18' as PlainDate }),
    ],
    decisions: [],
    risks: [risk('R-1', { likelihood: 2, impact: 4 })],
    actions: [],
    gates: [],
  },
  changes: [
    // Sunday 25 October 23:30 CDT (04:30 UTC on Monday): the week before in Chicago.
    change('milestone', 'M-1', 'forecastDate', '2026-11-03', '2026-11-04', dana, '2026-10-26T04:30:00.000Z', 'Before the week'),
    // Monday 26 October 00:00 CDT: the first instant of the week.
    change('risk', 'R-1', 'impact', 2, 4, dana, '2026-10-26T05:00:00.000Z', 'Customer audit moved up'),
    // Sunday 1 November 23:30 CST, after the clocks went back: Monday 05:30 UTC, still this week in Chicago.
    change('milestone', 'M-2', 'forecastDate', '2026-11-16', '2026-11-18', dana, '2026-11-02T05:30:00.000Z', 'Mould repair'),
    // Monday 2 November 00:00 CST: the next week.
    change('milestone', 'M-1', 'forecastDate', '2026-11-04', '2026-11-05', dana, '2026-11-02T06:00:00.000Z', 'After the week'),
  ],
  escalations: [],
  inspections: [],
  releaseDecisionIds: [],
  people: [{ id: 'u-dana', name: 'Dana Whitfield' }],
  narrative: '',
};

describe('a report week across the end of daylight saving time in Chicago', () => {
  const report = assembleWeeklyReport(input);

  it('spans Monday 00:00 CDT to Monday 00:00 CST', () => {
    expect([report.startAt, report.endAt, report.asOf]).toEqual([
      '2026-10-26T05:00:00.000Z',
      '2026-11-02T06:00:00.000Z',
      '2026-11-02T06:00:00.000Z',
    ]);
  });

  it('holds the changes of the 169 hours, from Monday 00:00 CDT to Sunday 23:30 CST, and none outside', () => {
    expect(report.milestoneMovement.moved).toEqual([
      {
        key: 'M-2',
        name: 'Pilot',
        ownerId: dana,
        field: 'forecastDate',
        from: '2026-11-16',
        to: '2026-11-18',
        days: 2,
        reason: 'Mould repair',
        actorId: dana,
        at: '2026-11-02T05:30:00.000Z',
      },
    ]);
    expect(report.riskChanges).toEqual([
      {
        kind: 'rescored',
        key: 'R-1',
        title: 'Risk R-1',
        ownerId: dana,
        from: 4,
        to: 8,
        reason: 'Customer audit moved up',
        actorId: dana,
        at: '2026-10-26T05:00:00.000Z',
      },
    ]);
  });

  it('plans the next week, which holds M-1 on Wednesday 4 November', () => {
    expect(report.nextWeek.week).toBe('2026-W45');
    expect(report.nextWeek.milestones).toEqual([{ key: 'M-1', title: 'Golden sample', ownerId: dana, dueDate: '2026-11-04' }]);
  });
});
