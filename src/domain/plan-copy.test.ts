import { describe, expect, it } from 'vitest';
import { mondayToFriday } from './business-days.js';
import { buildCalendar } from './calendar/build-calendar.js';
import { asMilestoneId, asProgramId, asUserId, type UserId } from './ids.js';
import type { Milestone } from './milestone.js';
import { type PlainDate, plainDate } from './plain-date.js';
import { copyPlan, mapOwners, type PlanCopySource, sourceOwners } from './plan-copy.js';

const years = { from: 2025, to: 2027 };
// Ningbo: weekends, China's public holidays and its official make-up working days.
const china = buildCalendar({ countries: [{ country: 'CN' }], timeZone: 'Asia/Shanghai', endOfDayHour: 18 }, years);
const germany = buildCalendar({ countries: [{ country: 'DE' }], timeZone: 'Europe/Berlin', endOfDayHour: 18 }, years);
// Plain weekdays, no holidays: the calendar a program with no country would keep.
const weekdays = buildCalendar({ countries: [], timeZone: 'UTC', endOfDayHour: 18 }, years);
const lead = asUserId('u-lead');
const gone = asUserId('u-gone');

const milestone = (n: number, date: string, ownerId: UserId | null = lead): Milestone => ({
  id: asMilestoneId(`m${n}`),
  programId: asProgramId('p-src'),
  key: `M-${n}`,
  name: `Milestone ${n}`,
  phase: 'G1',
  ownerId,
  baselineDate: plainDate(date),
  forecastDate: plainDate(date),
  actualDate: null,
  isCritical: n === 2,
  toleranceDays: null,
  version: 3,
});

const keepLead = (id: UserId) => ({ to: id === lead ? lead : null, isChosen: false });

describe('copying a plan onto a new start and calendar', () => {
  // Source on plain weekdays: M-1 Mon 2026-06-01 (the start), M-2 10 business days later, M-3 20 later,
  // M-10 (key order, not text order) on the start; link M-2 → M-3 with lag 5.
  const source: PlanCopySource = {
    milestones: [milestone(3, '2026-06-29'), milestone(1, '2026-06-01'), milestone(10, '2026-06-01', gone), milestone(2, '2026-06-15')],
    links: [{ predecessorId: asMilestoneId('m2'), successorId: asMilestoneId('m3'), lagDays: 5 }],
    targetReleaseDate: plainDate('2026-07-13'),
  };

  it('keeps business-day spacing and lags on the same kind of calendar, renumbering keys in key order', () => {
    const r = copyPlan(source, mondayToFriday, weekdays, plainDate('2027-03-01'), keepLead);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.start).toBe('2027-03-01');
    expect(r.value.milestones.map((m) => [m.sourceKey, m.key, m.date])).toEqual([
      ['M-1', 'M-1', '2027-03-01'],
      ['M-2', 'M-2', '2027-03-15'],
      ['M-3', 'M-3', '2027-03-29'],
      ['M-10', 'M-4', '2027-03-01'],
    ]);
    expect(r.value.links).toEqual([{ predecessorKey: 'M-2', successorKey: 'M-3', lagDays: 5 }]);
    expect(r.value.targetReleaseDate).toBe('2027-04-12');
    // Owners who will not be on the new program are left for assignment, and the preview says so.
    expect(r.value.milestones[3]?.ownerId).toBeNull();
    expect(r.value.milestones[3]?.notes).toEqual([{ code: 'OWNER_LEFT', sourceOwnerId: gone, isChosen: false }]);
    expect(r.value.milestones[1]).toMatchObject({ ownerId: lead, isCritical: true, name: 'Milestone 2', phase: 'G1' });
  });

  it('moves a date that would fall on a Chinese holiday to the next business day and says which holiday', () => {
    // From Monday 2026-09-14, 10 weekdays is Monday 2026-09-28 (a working day); 13 is Thursday 2026-10-01,
    // National Day (the calendar gives the later dates: holidays and make-up days as China publishes them).
    const src: PlanCopySource = {
      milestones: [milestone(1, '2026-06-01'), milestone(2, '2026-06-18')],
      links: [],
      targetReleaseDate: null,
    };
    const r = copyPlan(src, mondayToFriday, china, plainDate('2026-09-14'), keepLead);
    if (!r.ok) throw new Error(r.error.message);
    const m2 = r.value.milestones[1];
    expect(mondayToFriday.add(plainDate('2026-09-14'), 13)).toBe('2026-10-01');
    expect(m2?.date).toBe(china.add(plainDate('2026-09-14'), 13));
    expect(china.isWorkingDay(m2?.date as PlainDate)).toBe(true);
    expect((m2?.date ?? '') > '2026-10-01').toBe(true);
    expect(m2?.notes[0]).toMatchObject({ code: 'HOLIDAY', date: '2026-10-01', movedTo: m2?.date });
    expect((m2?.notes[0] as { day?: string } | undefined)?.day).toMatch(/national/i);
  });

  it('starts on the next business day when the new start is closed, and pushes a successor a link would break', () => {
    // 2026-10-03 is a Saturday in the National Day week; source M-2 lies before M-1 + lag.
    const src: PlanCopySource = {
      milestones: [milestone(1, '2026-06-01'), milestone(2, '2026-06-02')],
      links: [{ predecessorId: asMilestoneId('m1'), successorId: asMilestoneId('m2'), lagDays: 3 }],
      targetReleaseDate: null,
    };
    const r = copyPlan(src, germany, china, plainDate('2026-10-03'), keepLead);
    if (!r.ok) throw new Error(r.error.message);
    const start = china.nextBusinessDay(plainDate('2026-10-03'));
    expect(r.value.start).toBe(start);
    expect(r.value.notes[0]).toMatchObject({ code: 'START_MOVED', from: '2026-10-03', to: start });
    expect(r.value.milestones[0]?.date).toBe(start);
    expect(r.value.milestones[1]?.date).toBe(china.add(start, 3));
    expect(r.value.milestones[1]?.notes).toContainEqual({
      code: 'PUSHED_BY_LINK',
      predecessorKey: 'M-1',
      lagDays: 3,
      from: china.add(start, 1),
    });
  });

  it('refuses a start that would put a milestone beyond the accepted dates, naming the field', () => {
    const r = copyPlan(source, mondayToFriday, weekdays, plainDate('2099-12-01'), keepLead);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'DATE_OUT_OF_RANGE', fields: [{ path: 'startDate' }] });
  });

  it('copies an empty plan as an empty plan', () => {
    const r = copyPlan({ milestones: [], links: [], targetReleaseDate: null }, mondayToFriday, china, plainDate('2027-01-04'), keepLead);
    expect(r.ok && r.value.milestones).toEqual([]);
  });
});

describe("mapping a copied plan's owners", () => {
  const dana = asUserId('u-dana');
  const onNew = new Set<string>([lead, dana]);
  const mayOwn = (id: string) => onNew.has(id);
  const milestones = [
    milestone(2, '2026-06-15', gone),
    milestone(1, '2026-06-01'),
    milestone(3, '2026-06-29', gone),
    milestone(4, '2026-07-06', null),
  ];

  it('lists the source owners by their first milestone, with how many each owns', () => {
    expect(sourceOwners(milestones)).toEqual([
      { id: lead, milestones: 1 },
      { id: gone, milestones: 2 },
    ]);
  });

  it('keeps an owner who may own on the new program, leaves the others, and takes every choice made', () => {
    const owners = sourceOwners(milestones);
    const byDefault = mapOwners(owners, {}, mayOwn, 'copyFrom.owners');
    expect(byDefault.ok && [...byDefault.value]).toEqual([
      [lead, { to: lead, isChosen: false }],
      [gone, { to: null, isChosen: false }],
    ]);
    const chosen = mapOwners(owners, { [gone]: dana, [lead]: null }, mayOwn, 'copyFrom.owners');
    expect(chosen.ok && [...chosen.value]).toEqual([
      [lead, { to: null, isChosen: true }],
      [gone, { to: dana, isChosen: true }],
    ]);
    // The copy follows the mapping: the chosen person owns, a milestone left says it was chosen so.
    const r = copyPlan({ milestones, links: [], targetReleaseDate: null }, mondayToFriday, weekdays, plainDate('2027-03-01'), (id) =>
      chosen.ok ? (chosen.value.get(id) ?? { to: null, isChosen: false }) : { to: null, isChosen: false },
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.milestones.map((m) => [m.sourceKey, m.ownerId, m.notes])).toEqual([
      ['M-1', null, [{ code: 'OWNER_LEFT', sourceOwnerId: lead, isChosen: true }]],
      ['M-2', dana, []],
      ['M-3', dana, []],
      ['M-4', null, []],
    ]);
  });

  it('refuses a person who may not own on the new program, and someone who owns nothing in the source, naming each', () => {
    const owners = sourceOwners(milestones);
    expect(mapOwners(owners, { [gone]: 'u-stranger', [lead]: dana }, mayOwn, 'copyFrom.owners')).toMatchObject({
      ok: false,
      error: { code: 'USER_NOT_FOUND', fields: [{ path: `copyFrom.owners.${gone}`, message: 'Holds no role on the new program.' }] },
    });
    expect(mapOwners(owners, { [dana]: lead }, mayOwn, 'ownerMapping')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: [{ path: `ownerMapping.${dana}` }] },
    });
  });
});
