import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import { createTestServer, type TestServer } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call } from './helpers.js';

/*
 * The clock is configuration: the same flows (what "today" is for a program, which week is "this week"
 * for a person, which days work, whether a date is already past) at instants where a wrong time zone,
 * a wrong calendar or a DST change would show. KHG-KW500's supplier is in Ningbo (Asia/Shanghai, China's
 * holidays with makeup days); supplier@ lives in Asia/Shanghai, owner@ in Europe/Berlin.
 */

interface Day {
  date: string;
  working: boolean;
  reasons: { kind: string }[];
}
interface Item {
  dueDate: string | null;
  isOverdue: boolean;
}
interface Week {
  weekStart: string;
  weekEnd: string;
  actions: Item[];
  milestones: Item[];
  decisions: Item[];
}

describe.each(dialects)('key flows at fixed instants on %s (demo portfolio)', (dialect) => {
  let t: TestServer;
  let lead: Actor;
  let supplier: Actor;
  let jonas: Actor;
  let milestoneKey: string;
  let days2026: Day[];

  const program = 'KHG-KW500';
  const at = (instant: string) => t.setNow(new Date(instant));
  const programDay = async () =>
    (await call(t, { method: 'GET', url: `/api/v1/programs/${program}` }, lead)).json<{ today: string; todayIsWorkingDay: boolean }>();
  const todayOf = async () => (await programDay()).today;
  const weekOf = async (who: Actor) => (await call(t, { method: 'GET', url: '/api/v1/me/week' }, who)).json<Week>();
  const dayOf = (date: string) => days2026.find((d) => d.date === date) as Day;
  const previewAnswer = async (forecastDate: string) => {
    const res = await call(
      t,
      { method: 'POST', url: `/api/v1/programs/${program}/milestones/${milestoneKey}/move-preview`, payload: { forecastDate } },
      lead,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ warnings?: { code: string }[] }>();
  };
  const preview = async (forecastDate: string) => {
    const res = await call(
      t,
      { method: 'POST', url: `/api/v1/programs/${program}/milestones/${milestoneKey}/move-preview`, payload: { forecastDate } },
      lead,
    );
    expect(res.statusCode, res.body).toBe(200);
    return (res.json<{ warnings?: { code: string }[] }>().warnings ?? []).map((w) => w.code);
  };
  /** Open milestones still to come are due in so many of the factory's business days; past ones are not "due in". */
  const expectDueInAgainst = async (today: string) => {
    const open = (await call(t, { method: 'GET', url: `/api/v1/programs/${program}/milestones` }, lead))
      .json<{ items: { forecastDate: string; actualDate: string | null; dueInBusinessDays: number | null }[] }>()
      .items.filter((m) => m.actualDate === null);
    expect(open.filter((m) => m.forecastDate.startsWith('2026') && m.forecastDate >= today).length).toBeGreaterThan(0);
    expect(open.filter((m) => m.forecastDate < today).length).toBeGreaterThan(0);
    for (const m of open) {
      if (m.forecastDate < today) expect(m.dueInBusinessDays, JSON.stringify(m)).toBeNull();
      else if (m.forecastDate.startsWith('2026')) {
        const ahead = days2026.filter((d) => d.date > today && d.date <= m.forecastDate && d.working).length;
        expect(m.dueInBusinessDays, JSON.stringify(m)).toBe(ahead);
      }
    }
  };
  /** Every item of the week is overdue exactly when its due date lies before the program's today. */
  const expectOverdueAgainst = (week: Week, today: string) => {
    for (const item of [...week.actions, ...week.milestones, ...week.decisions]) {
      expect(item.isOverdue, JSON.stringify(item)).toBe(item.dueDate !== null && item.dueDate < today);
    }
  };

  beforeAll(async () => {
    t = await createTestServer(dialect, {}, { from: 'demo' });
    at('2026-03-11T04:00:00Z');
    lead = await t.person('lead@demo.test');
    supplier = await t.person('supplier@demo.test');
    jonas = await t.person('owner@demo.test');
    const milestones = (await call(t, { method: 'GET', url: `/api/v1/programs/${program}/milestones` }, lead)).json<{
      items: { key: string; actualDate: string | null }[];
    }>().items;
    milestoneKey = (milestones.find((m) => m.actualDate === null) as { key: string }).key;
    days2026 = (await call(t, { method: 'GET', url: `/api/v1/programs/${program}/calendar?year=2026` }, lead)).json<{
      year: { days: Day[] };
    }>().year.days;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('on China’s National Day: the supplier’s day off, its today, its week', async () => {
    at('2026-10-01T02:00:00Z'); // 10:00 in Ningbo
    expect(dayOf('2026-10-01')).toMatchObject({ working: false });
    expect(dayOf('2026-10-01').reasons.map((r) => r.kind)).toContain('holiday');
    expect(await programDay()).toMatchObject({ today: '2026-10-01', todayIsWorkingDay: false });
    const week = await weekOf(supplier);
    expect([week.weekStart, week.weekEnd]).toEqual(['2026-09-28', '2026-10-04']);
    expectOverdueAgainst(week, '2026-10-01');
    expect(await preview('2026-09-30')).toContain('DATE_IN_PAST');
    expect(await preview('2026-10-08')).not.toContain('DATE_IN_PAST');
    // A forecast on the holiday is accepted, but said, with the factory's next working day offered.
    const nextWorking = (days2026.find((d) => d.date > '2026-10-01' && d.working) as Day).date;
    expect(nextWorking > '2026-10-02').toBe(true);
    const expected = {
      path: 'forecastDate',
      code: 'NOT_A_WORKING_DAY',
      suggestion: nextWorking,
      message: expect.stringContaining(nextWorking),
    };
    expect((await previewAnswer('2026-10-01')).warnings).toEqual([expected]);
    expect(await preview(nextWorking)).toEqual([]);
    const created = await call(
      t,
      {
        method: 'POST',
        url: `/api/v1/programs/${program}/milestones`,
        payload: { name: 'Golden week shipment', phase: 'G3', baselineDate: '2026-10-05', ownerId: lead.id },
      },
      lead,
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<{ warnings?: unknown[] }>().warnings).toEqual([
      expect.objectContaining({ code: 'NOT_A_WORKING_DAY', path: 'forecastDate' }),
    ]);
  });

  it('on a makeup Saturday in China: a working day, and still that week', async () => {
    const makeup = days2026.find((d) => d.working && d.reasons.some((r) => r.kind === 'makeup_workday'));
    expect(makeup, 'China has makeup working days in 2026').toBeDefined();
    const date = (makeup as Day).date;
    expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBeOneOf([0, 6]);
    at(`${date}T01:30:00Z`); // 09:30 in Ningbo
    expect(await programDay()).toMatchObject({ today: date, todayIsWorkingDay: true });
    const week = await weekOf(supplier);
    expect(week.weekStart <= date && date <= week.weekEnd).toBe(true);
    expectOverdueAgainst(week, date);
    expect(await preview(date)).not.toContain('DATE_IN_PAST');
    // It works: a forecast on it deserves no warning.
    expect(await preview(date)).not.toContain('NOT_A_WORKING_DAY');
  });

  it('at 23:30 on a Sunday in Shanghai: still Sunday and still that week there, and in Berlin', async () => {
    at('2026-03-15T15:30:00Z'); // Sunday 23:30 in Shanghai, 16:30 in Berlin
    expect(await programDay()).toMatchObject({ today: '2026-03-15', todayIsWorkingDay: false });
    expect(dayOf('2026-03-15').working).toBe(false);
    const there = await weekOf(supplier);
    expect([there.weekStart, there.weekEnd]).toEqual(['2026-03-09', '2026-03-15']);
    expectOverdueAgainst(there, '2026-03-15');
    expect((await weekOf(jonas)).weekStart).toBe('2026-03-09');
    expect(await preview('2026-03-15')).toEqual(['NOT_A_WORKING_DAY']);
    expect(await preview('2026-03-14')).toContain('DATE_IN_PAST');
    // An hour later it is Monday in Shanghai: a new day and a new week there, not yet in Berlin.
    at('2026-03-15T16:30:00Z');
    expect(await programDay()).toMatchObject({ today: '2026-03-16', todayIsWorkingDay: true });
    await expectDueInAgainst('2026-03-16');
    expect((await weekOf(supplier)).weekStart).toBe('2026-03-16');
    expect((await weekOf(jonas)).weekStart).toBe('2026-03-09');
    expect(await preview('2026-03-15')).toContain('DATE_IN_PAST');
  });

  it('across the night Berlin moves to summer time: the week turns at local midnight, not an hour off', async () => {
    at('2026-03-29T00:30:00Z'); // Sunday 01:30 CET, before the change at 02:00
    expect((await weekOf(jonas)).weekStart).toBe('2026-03-23');
    at('2026-03-29T21:30:00Z'); // Sunday 23:30 CEST: an hour past midnight in winter time, still Sunday
    expect((await weekOf(jonas)).weekStart).toBe('2026-03-23');
    at('2026-03-29T22:30:00Z'); // Monday 00:30 CEST
    const week = await weekOf(jonas);
    expect([week.weekStart, week.weekEnd]).toEqual(['2026-03-30', '2026-04-05']);
    // Shanghai keeps no summer time: Monday 06:30 there.
    expect(await todayOf()).toBe('2026-03-30');
    expectOverdueAgainst(await weekOf(supplier), '2026-03-30');
  });
});
