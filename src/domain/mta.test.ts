import { describe, expect, it } from 'vitest';
import { type FieldHistory, isoWeekLabel, type MtaMilestone, mondayOf, mtaSeries, reportingWeeks, valueAt } from './mta.js';
import type { PlainDate } from './plain-date.js';

const d = (s: string) => s as PlainDate;
const later = '2030-01-01T00:00:00.000Z';

describe('ISO weeks', () => {
  it('finds the Monday of any day, Sunday belonging to the week before', () => {
    expect(mondayOf(d('2026-03-11'))).toBe('2026-03-09');
    expect(mondayOf(d('2026-03-09'))).toBe('2026-03-09');
    expect(mondayOf(d('2026-03-15'))).toBe('2026-03-09');
    expect(mondayOf(d('2027-01-03'))).toBe('2026-12-28');
  });

  it('labels weeks by ISO week-numbering year: 2026 has a week 53, 2025 does not', () => {
    // 1 January 2026 is a Thursday, so 29 Dec 2025 starts 2026-W01 and 2026 ends with W53.
    expect(isoWeekLabel(d('2025-12-22'))).toBe('2025-W52');
    expect(isoWeekLabel(d('2025-12-29'))).toBe('2026-W01');
    expect(isoWeekLabel(d('2026-03-09'))).toBe('2026-W11');
    expect(isoWeekLabel(d('2026-12-28'))).toBe('2026-W53');
    expect(isoWeekLabel(d('2027-01-04'))).toBe('2027-W01');
  });
});

describe('reportingWeeks', () => {
  it('runs from the week of `from` to the week of `to` across a year boundary, each read at Monday 00:00 after, in the zone', () => {
    expect(reportingWeeks(d('2026-12-23'), d('2027-01-06'), 'Asia/Shanghai', later)).toEqual([
      { week: '2026-W52', start: '2026-12-21', asOf: '2026-12-27T16:00:00.000Z' },
      // Friday 1 January 2027 still lies in 2026-W53.
      { week: '2026-W53', start: '2026-12-28', asOf: '2027-01-03T16:00:00.000Z' },
      { week: '2027-W01', start: '2027-01-04', asOf: '2027-01-10T16:00:00.000Z' },
    ]);
  });

  it('ends each week at local midnight across the daylight-saving changes of Europe/Berlin', () => {
    // Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
    expect(reportingWeeks(d('2026-03-16'), d('2026-03-30'), 'Europe/Berlin', later)).toEqual([
      { week: '2026-W12', start: '2026-03-16', asOf: '2026-03-22T23:00:00.000Z' },
      { week: '2026-W13', start: '2026-03-23', asOf: '2026-03-29T22:00:00.000Z' },
      { week: '2026-W14', start: '2026-03-30', asOf: '2026-04-05T22:00:00.000Z' },
    ]);
    expect(reportingWeeks(d('2026-10-19'), d('2026-10-26'), 'Europe/Berlin', later).map((w) => w.asOf)).toEqual([
      '2026-10-25T23:00:00.000Z',
      '2026-11-01T23:00:00.000Z',
    ]);
  });

  it('reads the running week (and any later one) at now, and ended weeks at their end', () => {
    const now = '2026-03-25T10:00:00.000Z';
    expect(reportingWeeks(d('2026-03-22'), d('2026-04-05'), 'Europe/Berlin', now)).toEqual([
      { week: '2026-W12', start: '2026-03-16', asOf: '2026-03-22T23:00:00.000Z' },
      { week: '2026-W13', start: '2026-03-23', asOf: now },
      { week: '2026-W14', start: '2026-03-30', asOf: now },
    ]);
  });

  it('is empty when `from` lies after the week of `to`, and stops at maxWeeks', () => {
    expect(reportingWeeks(d('2026-03-16'), d('2026-03-15'), 'UTC', later)).toEqual([]);
    // Same week: still that one week.
    expect(reportingWeeks(d('2026-03-13'), d('2026-03-10'), 'UTC', later).map((w) => w.week)).toEqual(['2026-W11']);
    expect(reportingWeeks(d('2026-01-05'), d('2026-12-31'), 'UTC', later, 3).map((w) => w.start)).toEqual([
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
    ]);
  });
});

describe('valueAt', () => {
  const history: FieldHistory[] = [
    { at: '2026-03-03T02:00:00.000Z', value: '2026-05-15' },
    { at: '2026-03-10T02:00:00.000Z', value: '2026-05-22' },
    { at: '2026-03-12T02:00:00.000Z', value: null },
  ];

  it('is undefined before the first change', () => {
    expect(valueAt(history, '2026-03-03T01:59:59.999Z')).toBeUndefined();
    expect(valueAt([], later)).toBeUndefined();
  });

  it('is the last value set at or before the instant, null included', () => {
    expect(valueAt(history, '2026-03-03T02:00:00.000Z')).toBe('2026-05-15');
    expect(valueAt(history, '2026-03-11T00:00:00.000Z')).toBe('2026-05-22');
    expect(valueAt(history, later)).toBeNull();
  });
});

describe('mtaSeries', () => {
  const weeks = reportingWeeks(d('2026-03-02'), d('2026-03-23'), 'Asia/Shanghai', '2026-03-25T02:00:00.000Z');
  const tool: MtaMilestone = {
    id: 'm-1',
    key: 'M-1',
    name: 'Tool T1',
    baselineDate: d('2026-05-15'),
    forecast: [
      { at: '2026-03-03T02:00:00.000Z', value: '2026-05-15' },
      { at: '2026-03-10T02:00:00.000Z', value: '2026-05-22' },
      // Thursday of the same week: the week shows the last value.
      { at: '2026-03-12T02:00:00.000Z', value: '2026-05-20' },
      // Sunday 15 March 17:00 UTC is Monday 01:00 in Ningbo: it counts in the next week.
      { at: '2026-03-15T17:00:00.000Z', value: '2026-05-27' },
    ],
    actual: [{ at: '2026-03-24T02:00:00.000Z', value: '2026-03-24' }],
  };
  const ppap: MtaMilestone = {
    id: 'm-2',
    key: 'M-2',
    name: 'PPAP',
    baselineDate: d('2026-06-05'),
    forecast: [{ at: '2026-03-10T02:00:00.000Z', value: '2026-06-05' }],
    actual: [],
  };

  it('gives each milestone the forecast as it stood at each week’s end, null before it existed, the actual once done', () => {
    expect(weeks.map((w) => w.week)).toEqual(['2026-W10', '2026-W11', '2026-W12', '2026-W13']);
    expect(mtaSeries([tool, ppap], weeks)).toEqual([
      {
        id: 'm-1',
        key: 'M-1',
        name: 'Tool T1',
        baselineDate: '2026-05-15',
        points: [
          { week: '2026-W10', forecastDate: '2026-05-15', done: false },
          { week: '2026-W11', forecastDate: '2026-05-20', done: false },
          { week: '2026-W12', forecastDate: '2026-05-27', done: false },
          { week: '2026-W13', forecastDate: '2026-03-24', done: true },
        ],
      },
      {
        id: 'm-2',
        key: 'M-2',
        name: 'PPAP',
        baselineDate: '2026-06-05',
        points: [
          { week: '2026-W10', forecastDate: null, done: false },
          { week: '2026-W11', forecastDate: '2026-06-05', done: false },
          { week: '2026-W12', forecastDate: '2026-06-05', done: false },
          { week: '2026-W13', forecastDate: '2026-06-05', done: false },
        ],
      },
    ]);
  });

  it('draws past weeks the same when later changes are added, and only the running week changes', () => {
    const before = mtaSeries([tool], weeks)[0]?.points ?? [];
    const moved: MtaMilestone = {
      ...tool,
      actual: [],
      forecast: [...tool.forecast, { at: '2026-03-24T03:00:00.000Z', value: '2026-06-03' }],
    };
    const after = mtaSeries([moved], weeks)[0]?.points ?? [];
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    expect(after[3]).toEqual({ week: '2026-W13', forecastDate: '2026-06-03', done: false });
  });
});
