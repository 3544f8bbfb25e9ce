import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openUseCaseWorld, refusal, type UseCaseWorld, worldStart } from '../../../test/support/use-case-world.js';
import type { CalendarSpec } from '../../domain/calendar/calendar-spec.js';
import { plainDate } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import { unwrap } from '../create-records.js';
import { getProgram } from '../get-program.js';
import { addMilestoneLink } from '../plan/add-milestone-link.js';
import { previewMove } from '../plan/preview-move.js';
import { getProgramCalendar } from './get-program-calendar.js';
import { updateProgramCalendar } from './update-program-calendar.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

/** The program's calendar with a factory shutdown from Monday 16 to Friday 20 March 2026. */
const withShutdown = (p: Program): CalendarSpec => ({
  countries: [{ country: 'DE' }],
  timeZone: p.timeZone,
  endOfDayHour: 18,
  shutdowns: [{ from: plainDate('2026-03-16'), to: plainDate('2026-03-20'), label: 'Line rebuild' }],
});

const update = (p: Program, spec: CalendarSpec, over: Partial<Parameters<typeof updateProgramCalendar>[1]> = {}) =>
  updateProgramCalendar(w.deps, { programId: p.id, actor: w.lead, version: p.version, spec, reason: 'Line rebuild announced', ...over });

const pushesOf = async (p: Program, to: string) =>
  unwrap(await previewMove(w.deps, { programId: p.id, milestoneId: 'M-1', actor: w.lead, forecastDate: plainDate(to) })).pushes.map((x) => [
    x.key,
    x.to,
  ]);

describe('updateProgramCalendar', () => {
  it('counts business days on the new calendar from then on: a push skips the shutdown', async () => {
    const p = await w.program();
    await w.milestone(p, 'Tooling release', '2026-03-10');
    await w.milestone(p, 'Pilot run', '2026-03-11');
    unwrap(await addMilestoneLink(w.deps, { programId: p.id, actor: w.lead, predecessor: 'M-1', successor: 'M-2', lagDays: 1 }));
    expect(await pushesOf(p, '2026-03-13')).toEqual([['M-2', '2026-03-16']]);

    expect(unwrap(await update(p, withShutdown(p)))).toEqual({ version: 2 });
    // Friday 13 + 1 business day: the week of 16 March is shut, so Monday 23.
    expect(await pushesOf(p, '2026-03-13')).toEqual([['M-2', '2026-03-23']]);
    const cal = unwrap(await getProgramCalendar(w.deps, { programId: p.id, actor: w.lead }));
    expect(cal.isDefault).toBe(false);
    const row = (await w.changes(p, { entity: 'program', field: 'calendarSpec' })).at(-1);
    expect(row).toMatchObject({ oldValue: null, reason: 'Line rebuild announced', actorId: w.lead.id });
  });

  it('judges health on the new calendar: a slip across the shutdown is fewer business days', async () => {
    const p = await w.program({ toleranceDays: 3 });
    await w.milestone(p, 'Pilot run', '2026-03-13', { forecastDate: '2026-03-23' });
    expect(unwrap(await getProgram(w.deps, { programId: p.id, actor: w.lead })).healthReason).toEqual({
      kind: 'breach',
      days: 6,
      tolerance: 3,
    });
    unwrap(await update(p, withShutdown(p)));
    expect(unwrap(await getProgram(w.deps, { programId: p.id, actor: w.lead })).healthReason).toEqual({ kind: 'slipped', days: 1 });
  });

  it('refuses an unknown country on its field, a stale version, and anyone but the cadence owner', async () => {
    const p = await w.program();
    const bad = refusal(await update(p, { ...withShutdown(p), countries: [{ country: 'DE' }, { country: 'XX' }] }));
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'spec.countries.1' }] });
    expect(refusal(await update(p, withShutdown(p), { version: 7 })).code).toBe('VERSION_CONFLICT');
    const ines = await w.person('Ines Duarte', { role: 'quality_owner', program: p });
    expect(refusal(await update(p, withShutdown(p), { actor: ines })).code).toBe('FORBIDDEN');
    expect(unwrap(await getProgramCalendar(w.deps, { programId: p.id, actor: w.lead })).isDefault).toBe(true);
  });
});
