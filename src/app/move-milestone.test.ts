import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openUseCaseWorld, refusal, type UseCaseWorld, worldStart } from '../../test/support/use-case-world.js';
import type { Milestone } from '../domain/milestone.js';
import { plainDate } from '../domain/plain-date.js';
import type { Program } from '../domain/program.js';
import { completeMilestone } from './complete-milestone.js';
import { unwrap } from './create-records.js';
import { listMilestones } from './list-milestones.js';
import { moveMilestone } from './move-milestone.js';
import { addMilestoneLink } from './plan/add-milestone-link.js';
import { previewMove } from './plan/preview-move.js';
import { updateMilestone } from './update-milestone.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

/** The program's forecasts by key, as the milestone list reads them. */
async function forecasts(program: Program): Promise<Record<string, string>> {
  const views = unwrap(await listMilestones(w.deps, { programId: program.id, actor: w.lead }));
  return Object.fromEntries(views.map((v) => [v.milestone.key, v.milestone.forecastDate]));
}

/**
 * M-1 (Tue 10 Mar) → +2 business days → M-2 (Thu 12 Mar) → +1 → M-3 (Wed 18 Mar); M-4 (Wed 11 Mar) stands
 * alone. March 2026 has no public holiday in Germany: only weekends are off.
 */
async function chain(program: Program) {
  const m1 = await w.milestone(program, 'Tooling release', '2026-03-10');
  const m2 = await w.milestone(program, 'Pilot run', '2026-03-12');
  const m3 = await w.milestone(program, 'PPAP submission', '2026-03-18');
  const m4 = await w.milestone(program, 'Packaging artwork', '2026-03-11');
  unwrap(await addMilestoneLink(w.deps, { programId: program.id, actor: w.lead, predecessor: 'M-1', successor: 'M-2', lagDays: 2 }));
  unwrap(await addMilestoneLink(w.deps, { programId: program.id, actor: w.lead, predecessor: 'M-2', successor: 'M-3', lagDays: 1 }));
  return { m1, m2, m3, m4 };
}

const move = (program: Program, m: Milestone, to: string, reason: string, over: Partial<Parameters<typeof moveMilestone>[1]> = {}) =>
  moveMilestone(w.deps, {
    programId: program.id,
    milestoneId: m.key,
    version: m.version,
    actor: w.lead,
    forecastDate: plainDate(to),
    reason,
    ...over,
  });

describe('moveMilestone', () => {
  it('moves the forecast and pushes every successor the links reach, counting business days past the weekend', async () => {
    const p = await w.program();
    const { m1 } = await chain(p);
    const moved = unwrap(await move(p, m1, '2026-03-13', 'Tooling supplier ships a week late'));

    expect(moved.milestone).toMatchObject({ key: 'M-1', forecastDate: '2026-03-13', version: 2 });
    // Fri 13 + 2 business days = Tue 17 (not Sun 15); Tue 17 + 1 = Wed 18, already M-3's date: M-3 stays.
    expect(moved.pushed.map((x) => [x.key, x.from, x.to, x.cause.key])).toEqual([['M-2', '2026-03-12', '2026-03-17', 'M-1']]);
    expect(await forecasts(p)).toEqual({ 'M-1': '2026-03-13', 'M-2': '2026-03-17', 'M-3': '2026-03-18', 'M-4': '2026-03-11' });
  });

  it('carries a push on down the chain, each naming the milestone that pushed it', async () => {
    const p = await w.program();
    const { m1 } = await chain(p);
    const moved = unwrap(await move(p, m1, '2026-03-16', 'Mould rework'));

    // Mon 16 + 2 = Wed 18 for M-2; Wed 18 + 1 = Thu 19 for M-3, pushed by M-2 (not by M-1).
    expect(moved.pushed.map((x) => [x.key, x.to, x.cause.key])).toEqual([
      ['M-2', '2026-03-18', 'M-1'],
      ['M-3', '2026-03-19', 'M-2'],
    ]);
  });

  it('logs who moved what from → to and why, each push with "pushed by …" and the reason, all as one correlated write', async () => {
    const p = await w.program();
    const { m1 } = await chain(p);
    w.setNow('2026-03-04T13:15:00.000Z');
    unwrap(await move(p, m1, '2026-03-16', '  Mould rework  '));
    const rows = (await w.changes(p, { field: 'forecastDate' })).filter((c) => c.oldValue !== null);
    expect(rows.map((c) => [c.entityKey, c.oldValue, c.newValue, c.reason])).toEqual([
      ['M-1', '2026-03-10', '2026-03-16', 'Mould rework'],
      ['M-2', '2026-03-12', '2026-03-18', 'pushed by M-1 moving to 2026-03-16: Mould rework'],
      ['M-3', '2026-03-18', '2026-03-19', 'pushed by M-2 moving to 2026-03-18: Mould rework'],
    ]);
    expect(new Set(rows.map((c) => c.actorId))).toEqual(new Set([w.lead.id]));
    expect(new Set(rows.map((c) => c.at))).toEqual(new Set(['2026-03-04T13:15:00.000Z']));
    expect(new Set(rows.map((c) => c.correlationId)).size).toBe(1);
  });

  it('never pulls successors earlier when a forecast moves earlier', async () => {
    const p = await w.program();
    const { m1 } = await chain(p);
    const moved = unwrap(await move(p, m1, '2026-03-05', 'Tooling arrived early'));
    expect(moved.pushed).toEqual([]);
    expect(await forecasts(p)).toMatchObject({ 'M-1': '2026-03-05', 'M-2': '2026-03-12', 'M-3': '2026-03-18' });
  });

  it('refuses a move without a reason, naming the field, and writes nothing', async () => {
    const p = await w.program();
    const { m1 } = await chain(p);
    const before = await w.changes(p);
    for (const reason of ['', '   ']) {
      const r = refusal(await move(p, m1, '2026-03-13', reason));
      expect(r.code).toBe('REASON_REQUIRED');
      expect(r.fields?.map((f) => f.path)).toEqual(['reason']);
    }
    expect(await forecasts(p)).toMatchObject({ 'M-1': '2026-03-10', 'M-2': '2026-03-12' });
    expect(await w.changes(p)).toEqual(before);
  });

  it('refuses a stale version with the milestone as it is now, and writes nothing', async () => {
    const p = await w.program();
    const { m1 } = await chain(p);
    unwrap(await move(p, m1, '2026-03-11', 'First estimate'));
    const r = refusal(await move(p, m1, '2026-03-13', 'Second estimate, from an old page'));
    expect(r.code).toBe('VERSION_CONFLICT');
    expect(r.current).toMatchObject({ milestone: { key: 'M-1', version: 2, forecastDate: '2026-03-11' } });
    expect(await forecasts(p)).toMatchObject({ 'M-1': '2026-03-11', 'M-2': '2026-03-13' });
  });

  it('refuses the whole move when a milestone it pushes changed since the preview, naming it', async () => {
    const p = await w.program();
    const { m1, m2 } = await chain(p);
    const preview = unwrap(
      await previewMove(w.deps, { programId: p.id, milestoneId: 'M-1', actor: w.lead, forecastDate: plainDate('2026-03-16') }),
    );
    expect(preview.pushes.map((x) => [x.key, x.version])).toEqual([
      ['M-2', 1],
      ['M-3', 1],
    ]);
    // Someone renames M-2 between the preview and the confirmation.
    unwrap(
      await updateMilestone(w.deps, { programId: p.id, milestoneId: 'M-2', version: m2.version, actor: w.lead, patch: { name: 'Pilot' } }),
    );
    const pushedVersions = Object.fromEntries(preview.pushes.map((x) => [x.id, x.version]));
    const r = refusal(await move(p, m1, '2026-03-16', 'Mould rework', { pushedVersions }));
    expect(r.code).toBe('VERSION_CONFLICT');
    expect(r.message).toContain('M-2');
    expect(await forecasts(p)).toMatchObject({ 'M-1': '2026-03-10', 'M-2': '2026-03-12', 'M-3': '2026-03-18' });
    // With the versions as they are now, the same move goes through.
    const fresh = unwrap(
      await previewMove(w.deps, { programId: p.id, milestoneId: 'M-1', actor: w.lead, forecastDate: plainDate('2026-03-16') }),
    );
    const again = await move(p, m1, '2026-03-16', 'Mould rework', {
      pushedVersions: Object.fromEntries(fresh.pushes.map((x) => [x.key, x.version])),
    });
    expect(unwrap(again).pushed).toHaveLength(2);
  });

  it('refuses moving to the date it already has, and moving a done milestone', async () => {
    const p = await w.program();
    const { m1, m4 } = await chain(p);
    expect(refusal(await move(p, m1, '2026-03-10', 'No change')).code).toBe('NOTHING_TO_CHANGE');
    w.setNow('2026-03-11T12:00:00.000Z');
    const done = unwrap(
      await completeMilestone(w.deps, {
        programId: p.id,
        milestoneId: 'M-4',
        version: m4.version,
        actor: w.lead,
        actualDate: plainDate('2026-03-11'),
      }),
    );
    expect(refusal(await move(p, done.milestone, '2026-03-20', 'Too late')).code).toBe('MILESTONE_DONE');
  });

  it('lets a contributor move only the milestones they own, and their move still pushes others’ successors', async () => {
    const p = await w.program();
    const chen = await w.person('Chen Wei', { role: 'contributor', program: p });
    const mine = await w.milestone(p, 'Sample shipment', '2026-03-09', { ownerId: chen.id });
    const theirs = await w.milestone(p, 'Sample arrival', '2026-03-13');
    unwrap(await addMilestoneLink(w.deps, { programId: p.id, actor: w.lead, predecessor: mine.key, successor: theirs.key, lagDays: 3 }));

    const forbidden = refusal(await move(p, theirs, '2026-03-20', 'Customs', { actor: chen }));
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.message).toContain('milestone.move');

    const moved = unwrap(await move(p, mine, '2026-03-12', 'Vessel delayed', { actor: chen }));
    // Thu 12 + 3 business days = Tue 17.
    expect(moved.pushed.map((x) => [x.key, x.to])).toEqual([[theirs.key, '2026-03-17']]);
    const pushRow = (await w.changes(p, { entityKey: theirs.key, field: 'forecastDate' })).at(-1);
    expect(pushRow).toMatchObject({ actorId: chen.id, reason: `pushed by ${mine.key} moving to 2026-03-12: Vessel delayed` });
  });

  it('answers a program the person does not see exactly as a missing one', async () => {
    const p = await w.program();
    const { m1 } = await chain(p);
    const other = await w.program();
    const outsider = await w.person('Olu Adebayo', { role: 'cadence_owner', program: other });
    expect(refusal(await move(p, m1, '2026-03-13', 'Nosy', { actor: outsider })).code).toBe('PROGRAM_NOT_FOUND');
  });
});
