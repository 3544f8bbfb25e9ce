import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openUseCaseWorld, refusal, type UseCaseWorld, worldStart } from '../../test/support/use-case-world.js';
import type { Milestone } from '../domain/milestone.js';
import { plainDate } from '../domain/plain-date.js';
import type { Program } from '../domain/program.js';
import { completeMilestone } from './complete-milestone.js';
import { unwrap } from './create-records.js';
import { listMilestones } from './list-milestones.js';
import { addMilestoneLink } from './plan/add-milestone-link.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

const complete = (program: Program, m: Milestone, on: string, over: Partial<Parameters<typeof completeMilestone>[1]> = {}) =>
  completeMilestone(w.deps, {
    programId: program.id,
    milestoneId: m.key,
    version: m.version,
    actor: w.lead,
    actualDate: plainDate(on),
    ...over,
  });

async function forecasts(program: Program): Promise<Record<string, string>> {
  const views = unwrap(await listMilestones(w.deps, { programId: program.id, actor: w.lead }));
  return Object.fromEntries(views.map((v) => [v.milestone.key, v.milestone.forecastDate]));
}

describe('completeMilestone', () => {
  it('takes today in the program’s time zone as the latest actual date, not the server’s day', async () => {
    // 23:30 UTC on Wednesday 4 March: already Thursday in Berlin, still Wednesday in Chicago.
    w.setNow('2026-03-04T23:30:00.000Z');
    const berlin = await w.program();
    const chicago = await w.program({ timeZone: 'America/Chicago', factoryCity: 'Chicago', factoryCountry: 'US' });
    const inBerlin = await w.milestone(berlin, 'Golden sample', '2026-03-05');
    const inChicago = await w.milestone(chicago, 'Golden sample', '2026-03-05');

    expect(unwrap(await complete(berlin, inBerlin, '2026-03-05')).milestone.actualDate).toBe('2026-03-05');
    const r = refusal(await complete(chicago, inChicago, '2026-03-05'));
    expect(r.code).toBe('ACTUAL_DATE_IN_FUTURE');
    expect(r.fields).toEqual([{ path: 'actualDate', message: 'Must be 2026-03-04 or earlier.' }]);
    expect(unwrap(await complete(chicago, inChicago, '2026-03-04')).milestone.actualDate).toBe('2026-03-04');
  });

  it('done later than forecast, re-forecasts its successors, each logged as pushed by the completion', async () => {
    w.setNow('2026-03-13T10:00:00.000Z');
    const p = await w.program();
    const gate = await w.milestone(p, 'Pilot run', '2026-03-09');
    await w.milestone(p, 'Capability study', '2026-03-11');
    unwrap(await addMilestoneLink(w.deps, { programId: p.id, actor: w.lead, predecessor: 'M-1', successor: 'M-2', lagDays: 1 }));

    const done = unwrap(await complete(p, gate, '2026-03-12', { reason: 'Second shift cancelled' }));
    expect(done.milestone).toMatchObject({ actualDate: '2026-03-12', forecastDate: '2026-03-09', version: 2 });
    // Thu 12 + 1 business day = Fri 13.
    expect(done.pushed.map((x) => [x.key, x.from, x.to])).toEqual([['M-2', '2026-03-11', '2026-03-13']]);
    expect(await forecasts(p)).toMatchObject({ 'M-2': '2026-03-13' });

    const rows = await w.changes(p);
    expect(rows.filter((c) => c.entityKey === 'M-1' && c.field === 'actualDate').map((c) => [c.oldValue, c.newValue, c.reason])).toEqual([
      [null, '2026-03-12', 'Second shift cancelled'],
    ]);
    expect(rows.filter((c) => c.entityKey === 'M-2' && c.oldValue !== null).map((c) => [c.field, c.reason])).toEqual([
      ['forecastDate', 'pushed by M-1 done on 2026-03-12: Second shift cancelled'],
    ]);
  });

  it('done on time or early, pushes nobody, and a note is optional', async () => {
    const p = await w.program();
    const gate = await w.milestone(p, 'Pilot run', '2026-03-09');
    await w.milestone(p, 'Capability study', '2026-03-10');
    unwrap(await addMilestoneLink(w.deps, { programId: p.id, actor: w.lead, predecessor: 'M-1', successor: 'M-2', lagDays: 1 }));

    const done = unwrap(await complete(p, gate, '2026-03-03'));
    expect(done.pushed).toEqual([]);
    expect(await forecasts(p)).toMatchObject({ 'M-2': '2026-03-10' });
    expect((await w.changes(p, { entityKey: 'M-1', field: 'actualDate' }))[0]?.reason).toBeNull();
  });

  it('completes a milestone once: a second completion is refused and changes nothing', async () => {
    const p = await w.program();
    const m = await w.milestone(p, 'Pilot run', '2026-03-09');
    const done = unwrap(await complete(p, m, '2026-03-02'));
    const r = refusal(await complete(p, done.milestone, '2026-03-03'));
    expect(r.code).toBe('MILESTONE_DONE');
    expect(r.message).toContain('2026-03-02');
    expect(await w.changes(p, { entityKey: 'M-1', field: 'actualDate' })).toHaveLength(1);
  });

  it('lets an observer complete nothing, and a quality owner only what they own', async () => {
    const p = await w.program();
    const ines = await w.person('Ines Duarte', { role: 'quality_owner', program: p });
    const tom = await w.person('Tom Becker', { role: 'observer', program: p });
    const hers = await w.milestone(p, 'First article inspection', '2026-03-03', { ownerId: ines.id });
    const other = await w.milestone(p, 'Line trial', '2026-03-03');

    expect(refusal(await complete(p, hers, '2026-03-03', { actor: tom })).code).toBe('FORBIDDEN');
    expect(refusal(await complete(p, other, '2026-03-03', { actor: ines })).code).toBe('FORBIDDEN');
    const done = unwrap(await complete(p, hers, '2026-03-03', { actor: ines }));
    expect((await w.changes(p, { entityKey: done.milestone.key, field: 'actualDate' }))[0]?.actorId).toBe(ines.id);
  });
});
