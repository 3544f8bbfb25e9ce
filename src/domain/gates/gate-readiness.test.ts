import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mondayToFriday, type WorkingDays } from '../business-days.js';
import { asUserId } from '../ids.js';
import type { PlainDate } from '../plain-date.js';
import { type ChecklistItem, type EvidenceState, evidenceStates } from './checklist-item.js';
import { gateReadiness, mayBeAtRisk, type ReadinessGate } from './gate-readiness.js';
import { gateStatuses } from './gate-status.js';

const d = (s: string) => s as PlainDate;
const supplier = asUserId('u-supplier');

// Monday to Friday with one holiday, Friday 2026-03-20, inside the ten business days before the review.
const holiday = d('2026-03-20');
const withHoliday: WorkingDays = { isWorkingDay: (x) => x !== holiday && mondayToFriday.isWorkingDay(x) };

const item = (key: string, state: EvidenceState, dueDate: string | null, isRequired = true): ChecklistItem => ({
  id: `i-${key}`,
  gateId: 'g-1',
  key,
  position: 0,
  title: `Item ${key}`,
  description: '',
  isRequired,
  ownerId: supplier,
  dueDate: dueDate === null ? null : d(dueDate),
  state,
  submittedById: null,
  submittedAt: null,
  submissionNote: null,
  reviewedById: null,
  reviewedAt: null,
  reviewComment: null,
  waiverDecisionId: null,
  version: 1,
});

// Review on Friday 2026-03-27.
const gate: ReadinessGate = { key: 'G1', status: 'in_progress', warningDays: 10, plannedReviewDate: d('2026-03-27') };
const rejectedLater = item('REJ', 'rejected', '2026-03-25');
const onCourse = [
  item('ACC', 'accepted', '2026-03-02'),
  item('WAI', 'waived', '2026-03-02'),
  item('LATER', 'open', '2026-03-25'),
  item('OPT', 'rejected', '2026-03-02', false),
];

describe('gateReadiness: the warning window in business days', () => {
  it('on Monday to Friday the window opens ten business days before the review (Fri 13 March), not a day earlier', () => {
    const edge = gateReadiness(gate, [rejectedLater], d('2026-03-13'), mondayToFriday);
    expect(edge).toMatchObject({ level: 'at_risk', windowStart: '2026-03-13', businessDaysLeft: 10 });
    const before = gateReadiness(gate, [rejectedLater], d('2026-03-12'), mondayToFriday);
    expect(before).toMatchObject({ level: 'not_yet', windowStart: '2026-03-13', businessDaysLeft: 11 });
  });

  it('a holiday inside the window moves its start one working day earlier (Thu 12 March)', () => {
    const edge = gateReadiness(gate, [rejectedLater], d('2026-03-12'), withHoliday);
    expect(edge).toMatchObject({ level: 'at_risk', windowStart: '2026-03-12', businessDaysLeft: 10 });
    expect(gateReadiness(gate, [rejectedLater], d('2026-03-11'), withHoliday)).toMatchObject({ level: 'not_yet', businessDaysLeft: 11 });
  });

  it('a weekend day just inside the window counts as inside it', () => {
    expect(gateReadiness(gate, [rejectedLater], d('2026-03-14'), mondayToFriday)).toMatchObject({ level: 'at_risk', businessDaysLeft: 10 });
  });

  it('honours a gate’s own warning period', () => {
    const short = { ...gate, warningDays: 3 };
    expect(gateReadiness(short, [rejectedLater], d('2026-03-23'), withHoliday)).toMatchObject({
      level: 'not_yet',
      windowStart: '2026-03-24',
    });
    expect(gateReadiness(short, [rejectedLater], d('2026-03-24'), withHoliday)).toMatchObject({ level: 'at_risk' });
  });
});

describe('gateReadiness: which items are off course', () => {
  const today = d('2026-03-18');

  it('names required items that are rejected, overdue, or due today and not accepted, each with why', () => {
    const items = [
      ...onCourse,
      rejectedLater,
      item('LATE', 'submitted', '2026-03-16'),
      item('TODAY', 'submitted', '2026-03-18'),
      item('BOTH', 'rejected', '2026-03-17'),
    ];
    const r = gateReadiness(gate, items, today, withHoliday);
    expect(r.level).toBe('at_risk');
    expect(r.items.map((i) => [i.key, i.reasons, i.dueDate, i.state])).toEqual([
      ['REJ', ['rejected'], '2026-03-25', 'rejected'],
      ['LATE', ['overdue'], '2026-03-16', 'submitted'],
      ['TODAY', ['due'], '2026-03-18', 'submitted'],
      ['BOTH', ['rejected', 'overdue'], '2026-03-17', 'rejected'],
    ]);
    expect(r.items[0]?.ownerId).toBe(supplier);
  });

  it('is on track inside the window when every required item is on course; accepted, waived and optional items never count', () => {
    expect(gateReadiness(gate, onCourse, today, withHoliday)).toEqual({
      level: 'on_track',
      windowStart: '2026-03-12',
      businessDaysLeft: 6,
      items: [],
    });
  });

  it('an item without a due date is due on the review day, and overdue after it', () => {
    const undated = [item('U', 'open', null)];
    expect(gateReadiness(gate, undated, d('2026-03-26'), withHoliday).items).toEqual([]);
    expect(gateReadiness(gate, undated, d('2026-03-27'), withHoliday).items[0]).toMatchObject({ dueDate: '2026-03-27', reasons: ['due'] });
    expect(gateReadiness(gate, undated, d('2026-03-30'), withHoliday)).toMatchObject({
      level: 'at_risk',
      businessDaysLeft: -1,
      items: [{ reasons: ['overdue'] }],
    });
  });

  it('before the window the gate is not yet watched, though items off course are already named', () => {
    const r = gateReadiness(gate, [item('LATE', 'open', '2026-03-02')], d('2026-03-05'), withHoliday);
    expect(r).toMatchObject({ level: 'not_yet', items: [{ key: 'LATE', reasons: ['overdue'] }] });
  });
});

describe('gateReadiness: gates with nothing to watch', () => {
  it.each(['passed', 'passed_with_conditions'] as const)('a %s gate is never at risk', (status) => {
    expect(gateReadiness({ ...gate, status }, [rejectedLater], d('2026-03-30'), withHoliday)).toEqual({
      level: 'passed',
      windowStart: null,
      businessDaysLeft: null,
      items: [],
    });
  });

  it('a stopped gate is not watched, nor one without a planned review', () => {
    expect(gateReadiness({ ...gate, status: 'stopped' }, [rejectedLater], d('2026-03-20'), withHoliday).level).toBe('stopped');
    expect(gateReadiness({ ...gate, plannedReviewDate: null }, [rejectedLater], d('2026-03-20'), withHoliday).level).toBe('not_planned');
  });

  it.each(['not_started', 'ready_for_review', 'held', 'recycled'] as const)('a %s gate is watched like one in progress', (status) => {
    expect(gateReadiness({ ...gate, status }, [rejectedLater], d('2026-03-20'), withHoliday).level).toBe('at_risk');
  });
});

describe('mayBeAtRisk: when the review date need not be read', () => {
  const days = ['2026-03-02', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-27', '2026-04-20'] as const;
  const anItem = fc
    .record({ state: fc.constantFrom(...evidenceStates), due: fc.option(fc.constantFrom(...days)), isRequired: fc.boolean() })
    .map((x) => item('X', x.state, x.due, x.isRequired));
  it('is true whenever some review date, warning period and today make the gate at risk', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...gateStatuses),
        fc.array(anItem, { maxLength: 5 }),
        fc.option(fc.constantFrom(...days)),
        fc.constantFrom(...days),
        fc.integer({ min: 0, max: 30 }),
        (status, items, review, today, warningDays) => {
          const r = gateReadiness(
            { key: 'G1', status, warningDays, plannedReviewDate: review === null ? null : d(review) },
            items,
            d(today),
            withHoliday,
          );
          if (r.level === 'at_risk') expect(mayBeAtRisk({ status }, items, d(today))).toBe(true);
        },
      ),
    );
  });

  it('is false for a settled gate, for satisfied or optional items, and for items due after today', () => {
    const today = d('2026-03-11');
    expect(mayBeAtRisk({ status: 'passed' }, [rejectedLater], today)).toBe(false);
    expect(mayBeAtRisk({ status: 'stopped' }, [item('U', 'open', null)], today)).toBe(false);
    expect(mayBeAtRisk({ status: 'in_progress' }, [...onCourse, item('SUB', 'submitted', '2026-03-12')], today)).toBe(false);
    expect(mayBeAtRisk({ status: 'in_progress' }, [item('SUB', 'submitted', '2026-03-11')], today)).toBe(true);
    expect(mayBeAtRisk({ status: 'in_progress' }, [item('U', 'open', null)], today)).toBe(true);
    expect(mayBeAtRisk({ status: 'in_progress' }, [rejectedLater], today)).toBe(true);
  });
});
