import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, changes, expectProblem, seedProgram, seedUser } from './helpers.js';

interface DayBody {
  date: string;
  working: boolean;
  reasons: { kind: string; country?: string; label: string }[];
  provisional: boolean;
}
interface CalendarBody {
  programId: string;
  version: number;
  isDefault: boolean;
  spec: { countries: { country: string }[]; timeZone: string; endOfDayHour: number; shutdowns?: unknown[]; officialSchedules?: unknown[] };
  year: { year: number; workingDays: number; provisionalCountries: string[]; days: DayBody[] };
}
interface MilestoneBody {
  id: string;
  key: string;
  varianceDays: number;
  version: number;
}

// Wednesday 11 March 2026, noon in Ningbo (Asia/Shanghai).
const now = new Date('2026-03-11T04:00:00Z');

describe.each(dialects)('program calendar API on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let observer: Actor;
  let outsider: Actor;
  const url = (path = '') => `/api/v1/programs/${program.code}/calendar${path}`;
  const get = async (year?: number): Promise<CalendarBody> => {
    const res = await call(t, { method: 'GET', url: url(year ? `?year=${year}` : '') });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CalendarBody>();
  };
  const day = (c: CalendarBody, date: string) => c.year.days.find((d) => d.date === date) as DayBody;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    program = await seedProgram(t, 'KHG-CAL1');
    observer = await seedUser(t, 'Olga Observer', 'olga@example.test', { programId: program.id, role: 'observer' });
    const other = await seedProgram(t, 'OTHER-1');
    outsider = await seedUser(t, 'Otto Other', 'otto@example.test', { programId: other.id });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('defaults to the factory country: a CN program skips Spring Festival 2026 and works the makeup Saturday', async () => {
    const c = await get();
    expect(c.isDefault).toBe(true);
    expect(c.spec).toMatchObject({ countries: [{ country: 'CN' }], timeZone: 'Asia/Shanghai', endOfDayHour: 18 });
    expect(c.year.year).toBe(2026);
    expect(day(c, '2026-02-16')).toMatchObject({ working: false, provisional: false });
    expect(day(c, '2026-02-16').reasons.map((r) => r.kind)).toContain('holiday');
    expect(day(c, '2026-02-14')).toMatchObject({ working: true });
    expect(day(c, '2026-02-14').reasons.map((r) => r.kind)).toContain('makeup_workday');
    expect(day(c, '2026-03-11').working).toBe(true);
    expect(c.year.provisionalCountries).toEqual([]);
  });

  it('a shutdown added via PUT changes a milestone’s variance in business days, change-logged with the reason', async () => {
    const created = await call(t, {
      method: 'POST',
      url: `/api/v1/programs/${program.code}/milestones`,
      payload: { name: 'Pilot run', phase: 'G3', baselineDate: '2026-04-20', ownerId: t.actor.id },
    });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json<MilestoneBody>();
    // Mon 20 Apr → Fri 24 Apr: four business days late.
    const moved = await call(t, {
      method: 'POST',
      url: `/api/v1/programs/${program.code}/milestones/${m.key}/move`,
      payload: { version: m.version, forecastDate: '2026-04-24', reason: 'Tooling late' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const variance = async () =>
      (await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/milestones` }))
        .json<{ items: MilestoneBody[] }>()
        .items.find((x) => x.key === m.key)?.varianceDays;
    expect(await variance()).toBe(4);

    const before = await get();
    const spec = { ...before.spec, shutdowns: [{ from: '2026-04-21', to: '2026-04-22', label: 'Power rationing' }] };
    const put = await call(t, { method: 'PUT', url: url(), payload: { version: before.version, spec, reason: 'Grid shutdown announced' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<{ version: number }>().version).toBe(before.version + 1);
    expect(await variance()).toBe(2);

    const after = await get(2026);
    expect(after.isDefault).toBe(false);
    expect(day(after, '2026-04-21')).toMatchObject({ working: false, reasons: [{ kind: 'shutdown', label: 'Power rationing' }] });
    const log = (await changes(t, program.code)).filter((c) => c.entity === 'program');
    expect(log.find((c) => c.field === 'calendarSpec')).toMatchObject({ reason: 'Grid shutdown announced' });

    // The same version again is stale.
    const stale = await call(t, { method: 'PUT', url: url(), payload: { version: before.version, spec, reason: 'Again' } });
    expectProblem(stale, 409, 'VERSION_CONFLICT');
  });

  it('refuses an invalid spec with 422 naming the field', async () => {
    const c = await get();
    const bad = await call(t, {
      method: 'PUT',
      url: url(),
      payload: { version: c.version, spec: { ...c.spec, endOfDayHour: 25 }, reason: 'Typo' },
    });
    const p = expectProblem(bad, 422, 'VALIDATION_FAILED');
    expect(JSON.stringify(p)).toContain('endOfDayHour');
    const zone = await call(t, {
      method: 'PUT',
      url: url(),
      payload: { version: c.version, spec: { ...c.spec, timeZone: 'Mars/Olympus' }, reason: 'Typo' },
    });
    expect(JSON.stringify(expectProblem(zone, zone.statusCode, 'VALIDATION_FAILED'))).toContain('timeZone');
    expect(zone.statusCode).toBeGreaterThanOrEqual(400);
    expect(zone.statusCode).toBeLessThan(500);
  });

  it('an official schedule upload for 2027 removes the provisional mark', async () => {
    const before = await get(2027);
    expect(before.year.provisionalCountries).toEqual(['CN']);
    expect(day(before, '2027-02-08').provisional).toBe(true);
    const file = {
      country: 'CN',
      year: 2027,
      holidays: ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({
        date,
        label: 'Spring Festival',
      })),
      makeupWorkdays: [{ date: '2027-02-20', label: 'Spring Festival' }],
    };
    const res = await call(t, {
      method: 'POST',
      url: url('/official-schedules'),
      payload: JSON.stringify(file),
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ country: 'CN', year: 2027 });
    const after = await get(2027);
    expect(after.year.provisionalCountries).toEqual([]);
    expect(day(after, '2027-02-08')).toMatchObject({ working: false, provisional: false });
    expect(day(after, '2027-02-20')).toMatchObject({ working: true, provisional: false });
    // The shutdown from before is kept.
    expect(after.spec.shutdowns).toHaveLength(1);

    // As a JSON object too; the same country and year replaces the earlier one.
    const again = await call(t, { method: 'POST', url: url('/official-schedules'), payload: file });
    expect(again.statusCode, again.body).toBe(201);
    expect((await get(2027)).spec.officialSchedules).toHaveLength(1);

    const broken = await call(t, { method: 'POST', url: url('/official-schedules'), payload: { ...file, year: 'next' } });
    expect(JSON.stringify(expectProblem(broken, 422, 'VALIDATION_FAILED'))).toContain('year');
  });

  it('observers read but may not edit (403); people outside the program get 404', async () => {
    const c = await call(t, { method: 'GET', url: url() }, observer);
    expect(c.statusCode).toBe(200);
    const spec = c.json<CalendarBody>().spec;
    const put = await call(
      t,
      { method: 'PUT', url: url(), payload: { version: c.json<CalendarBody>().version, spec, reason: 'x' } },
      observer,
    );
    expectProblem(put, 403, 'FORBIDDEN');
    const upload = await call(
      t,
      { method: 'POST', url: url('/official-schedules'), payload: { country: 'CN', year: 2028, holidays: [] } },
      observer,
    );
    expectProblem(upload, 403, 'FORBIDDEN');
    expectProblem(await call(t, { method: 'GET', url: url() }, outsider), 404, 'PROGRAM_NOT_FOUND');
    expectProblem(
      await call(t, { method: 'PUT', url: url(), payload: { version: 1, spec, reason: 'x' } }, outsider),
      404,
      'PROGRAM_NOT_FOUND',
    );
  });
});
