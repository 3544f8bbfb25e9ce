import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Baseline, checkRebaselineDecision, chooseBaseline, nextBaselineNumber, rebaselineEdits, snapshotDates } from './baseline.js';
import type { Decision } from './decision.js';
import { asMilestoneId, asProgramId, asUserId } from './ids.js';
import type { Milestone } from './milestone.js';
import { addDays, type PlainDate } from './plain-date.js';
import type { Result } from './result.js';

const d = (s: string) => s as PlainDate;
const program = asProgramId('p-1');
const jonas = asUserId('u-jonas');

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function refusal<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

function ms(id: string, dates: { baseline: string; forecast?: string; actual?: string }): Milestone {
  return {
    id: asMilestoneId(id),
    programId: program,
    key: `M-${id}`,
    name: `Milestone ${id}`,
    phase: 'G2',
    ownerId: null,
    baselineDate: d(dates.baseline),
    forecastDate: d(dates.forecast ?? dates.baseline),
    actualDate: dates.actual ? d(dates.actual) : null,
    isCritical: false,
    toleranceDays: null,
    version: 3,
  };
}

const decided: Decision = {
  id: 'd-7',
  programId: program,
  key: 'D-7',
  statement: 'Accept the T2 tooling delay',
  context: '',
  options: '',
  ownerId: jonas,
  requestedById: asUserId('u-dana'),
  dueDate: null,
  status: 'decided',
  outcome: 'Accept',
  rationale: 'No faster tool maker',
  expectedImpact: 'Launch one week later',
  decidedAt: '2026-03-10T08:00:00.000Z',
  decidedById: jonas,
  supersedesId: null,
  supersededById: null,
  version: 2,
};

const baseline = (number: number, decisionId: string | null = null): Baseline => ({
  id: `b-${number}`,
  programId: program,
  number,
  name: number === 0 ? 'Baseline 0' : `Re-plan ${number}`,
  decisionId,
  takenAt: '2026-03-01T00:00:00.000Z',
  takenById: asUserId('u-dana'),
  dates: {},
  version: 1,
});

describe('snapshotDates', () => {
  it('holds every milestone’s planned date (not its forecast or actual), by id, done ones included', () => {
    const dates = snapshotDates([
      ms('b', { baseline: '2026-04-10', forecast: '2026-04-17' }),
      ms('a', { baseline: '2026-03-20', actual: '2026-03-23' }),
    ]);
    expect(dates).toEqual({ a: '2026-03-20', b: '2026-04-10' });
    // Keys in id order, so the stored JSON is the same whatever order the milestones came in.
    expect(Object.keys(dates)).toEqual(['a', 'b']);
    expect(snapshotDates([])).toEqual({});
  });
});

describe('rebaselineEdits', () => {
  it('makes the forecast the planned date of each open, moved milestone, change-logged as a baselineDate change', () => {
    const moved = ms('1', { baseline: '2026-03-20', forecast: '2026-03-27' });
    const earlier = ms('2', { baseline: '2026-04-10', forecast: '2026-04-08' });
    const edits = rebaselineEdits([moved, earlier]);
    expect(edits).toEqual([
      {
        next: { ...moved, baselineDate: '2026-03-27', version: 4 },
        changes: [{ field: 'baselineDate', oldValue: '2026-03-20', newValue: '2026-03-27' }],
      },
      {
        next: { ...earlier, baselineDate: '2026-04-08', version: 4 },
        changes: [{ field: 'baselineDate', oldValue: '2026-04-10', newValue: '2026-04-08' }],
      },
    ]);
  });

  it('leaves done milestones (however far they moved) and unchanged ones alone', () => {
    const done = ms('3', { baseline: '2026-03-06', forecast: '2026-03-09', actual: '2026-03-10' });
    const onPlan = ms('4', { baseline: '2026-05-15' });
    expect(rebaselineEdits([done, onPlan])).toEqual([]);
  });

  it('after a re-baseline every open milestone is on its plan, and a second one changes nothing', () => {
    const date = fc.integer({ min: 0, max: 400 }).map((n) => addDays(d('2026-01-01'), n));
    fc.assert(
      fc.property(fc.array(fc.tuple(date, date, fc.boolean()), { maxLength: 12 }), (rows) => {
        const list = rows.map(([b, f, isDone], i) => ms(String(i), { baseline: b, forecast: f, ...(isDone ? { actual: b } : {}) }));
        const edits = rebaselineEdits(list);
        const byId = new Map(edits.map((e) => [e.next.id, e.next]));
        const after = list.map((m) => byId.get(m.id) ?? m);
        expect(after.filter((m) => m.actualDate === null).every((m) => m.baselineDate === m.forecastDate)).toBe(true);
        expect(after.filter((m) => m.actualDate !== null)).toEqual(list.filter((m) => m.actualDate !== null));
        expect(rebaselineEdits(after)).toEqual([]);
      }),
    );
  });
});

describe('checkRebaselineDecision', () => {
  it('accepts a decided decision of the program, decided by a decision owner, that approved no baseline', () => {
    expect(value(checkRebaselineDecision(decided, program, true, [baseline(0), baseline(1, 'd-3')]))).toBe(decided);
  });

  it('refuses a decision of another program', () => {
    const e = refusal(checkRebaselineDecision(decided, asProgramId('p-2'), true, [baseline(0)]));
    expect(e).toMatchObject({ code: 'BASELINE_DECISION_INVALID', message: 'D-7 belongs to another program.' });
    expect(e.fields?.map((f) => f.path)).toEqual(['decisionId']);
  });

  it('refuses an open or superseded decision, naming its status', () => {
    const open = refusal(checkRebaselineDecision({ ...decided, status: 'open', decidedById: null }, program, false, [baseline(0)]));
    expect(open).toMatchObject({ code: 'BASELINE_DECISION_INVALID', message: 'D-7 is open; a re-baseline needs a decided decision.' });
    const superseded = refusal(checkRebaselineDecision({ ...decided, status: 'superseded' }, program, true, [baseline(0)]));
    expect(superseded.message).toBe('D-7 is superseded; a re-baseline needs a decided decision.');
    expect(superseded.fields?.map((f) => f.path)).toEqual(['decisionId']);
  });

  it('refuses a decision decided by someone who is not a decision owner of the program', () => {
    const e = refusal(checkRebaselineDecision(decided, program, false, [baseline(0)]));
    expect(e).toMatchObject({ code: 'BASELINE_DECISION_INVALID', message: 'D-7 was not decided by a decision owner of the program.' });
  });

  it('refuses a decision that already approved another baseline, naming it', () => {
    const e = refusal(checkRebaselineDecision(decided, program, true, [baseline(0), baseline(1, 'd-7')]));
    expect(e).toMatchObject({ code: 'BASELINE_DECISION_INVALID', message: 'D-7 already approved baseline 1 ("Re-plan 1").' });
  });
});

describe('nextBaselineNumber', () => {
  it('is 0 for the first baseline, then one more than the highest, whatever the order', () => {
    expect(nextBaselineNumber([])).toBe(0);
    expect(nextBaselineNumber([baseline(0)])).toBe(1);
    expect(nextBaselineNumber([baseline(2), baseline(0), baseline(1)])).toBe(3);
  });
});

describe('chooseBaseline', () => {
  const all = [baseline(1), baseline(2), baseline(0)];

  it('is none before baseline 0, and the latest by default', () => {
    expect(value(chooseBaseline([], undefined))).toBeNull();
    expect(value(chooseBaseline(all, undefined))?.number).toBe(2);
  });

  it('picks the numbered baseline, 0 included', () => {
    expect(value(chooseBaseline(all, 0))?.id).toBe('b-0');
    expect(value(chooseBaseline(all, 1))?.id).toBe('b-1');
  });

  it('refuses an unknown number with BASELINE_NOT_FOUND naming the field', () => {
    const e = refusal(chooseBaseline(all, 9));
    expect(e).toMatchObject({ code: 'BASELINE_NOT_FOUND', message: 'The program has no baseline 9.' });
    expect(e.fields?.map((f) => f.path)).toEqual(['baseline']);
    expect(refusal(chooseBaseline([], 0)).code).toBe('BASELINE_NOT_FOUND');
  });
});
