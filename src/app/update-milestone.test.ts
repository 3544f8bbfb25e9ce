import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUseCaseWorld, refusal, type UseCaseWorld } from '../../test/support/use-case-world.js';
import { asUserId } from '../domain/ids.js';
import type { Milestone } from '../domain/milestone.js';
import { plainDate } from '../domain/plain-date.js';
import type { Program } from '../domain/program.js';
import { createMilestone } from './create-milestone.js';
import { unwrap } from './create-records.js';
import { updateMilestone } from './update-milestone.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());

const edit = (p: Program, m: Milestone, patch: Parameters<typeof updateMilestone>[1]['patch'], reason?: string) =>
  updateMilestone(w.deps, { programId: p.id, milestoneId: m.key, version: m.version, actor: w.lead, patch, reason });

describe('createMilestone', () => {
  it('numbers milestones per program, forecast on the baseline unless told, owned only by someone on the program', async () => {
    const p = await w.program();
    const other = await w.program();
    const chen = await w.person('Chen Wei', { role: 'contributor', program: p });
    const outsider = await w.person('Olu Adebayo', { role: 'contributor', program: other });
    const create = (over: Partial<Parameters<typeof createMilestone>[1]>) =>
      createMilestone(w.deps, {
        programId: p.id,
        actor: w.lead,
        name: ' Pilot run ',
        phase: 'G2',
        baselineDate: plainDate('2026-03-10'),
        ...over,
      });

    const first = unwrap(await create({ ownerId: chen.id }));
    expect(first.milestone).toMatchObject({ key: 'M-1', name: 'Pilot run', forecastDate: '2026-03-10', ownerId: chen.id, version: 1 });
    expect(first.owner?.name).toBe('Chen Wei');
    const refused = refusal(await create({ ownerId: outsider.id }));
    expect(refused).toMatchObject({ code: 'USER_NOT_FOUND', fields: [{ path: 'ownerId' }] });
    for (const ownerId of ['', null, undefined]) {
      expect(refusal(await create({ ownerId }))).toMatchObject({ code: 'OWNER_REQUIRED', fields: [{ path: 'ownerId' }] });
    }
    expect(unwrap(await create({ forecastDate: plainDate('2026-03-12'), ownerId: chen.id })).milestone).toMatchObject({
      key: 'M-2',
      forecastDate: '2026-03-12',
    });
    expect(refusal(await create({ actor: chen, ownerId: chen.id })).code).toBe('FORBIDDEN');
  });
});

describe('updateMilestone', () => {
  it('changes a baseline date only with a reason, logging old → new with it', async () => {
    const p = await w.program();
    const m = await w.milestone(p, 'Pilot run', '2026-03-10');
    const r = refusal(await edit(p, m, { baselineDate: plainDate('2026-03-12') }, '  '));
    expect(r).toMatchObject({ code: 'REASON_REQUIRED', fields: [{ path: 'reason' }] });
    const v = unwrap(await edit(p, m, { baselineDate: plainDate('2026-03-12') }, 'Customer moved the pilot'));
    expect(v.milestone).toMatchObject({ baselineDate: '2026-03-12', forecastDate: '2026-03-10', version: 2 });
    expect((await w.changes(p, { entityKey: m.key, field: 'baselineDate' })).at(-1)).toMatchObject({
      oldValue: '2026-03-10',
      newValue: '2026-03-12',
      reason: 'Customer moved the pilot',
    });
  });

  it('renames and re-owns without a reason; taking the owner away is refused; equal values are refused', async () => {
    const p = await w.program();
    const chen = await w.person('Chen Wei', { role: 'contributor', program: p });
    let m = await w.milestone(p, 'Pilot run', '2026-03-10');
    m = unwrap(await edit(p, m, { name: 'Pilot run 1', ownerId: chen.id, toleranceDays: 5 })).milestone;
    expect(m).toMatchObject({ name: 'Pilot run 1', ownerId: chen.id, toleranceDays: 5 });
    for (const ownerId of [asUserId(''), null]) {
      expect(refusal(await edit(p, m, { ownerId }))).toMatchObject({ code: 'OWNER_REQUIRED', fields: [{ path: 'ownerId' }] });
    }
    expect(refusal(await edit(p, m, { name: 'Pilot run 1', isCritical: false })).code).toBe('NOTHING_TO_CHANGE');
  });

  it('is the cadence owner’s: a contributor may not even rename their own milestone', async () => {
    const p = await w.program();
    const chen = await w.person('Chen Wei', { role: 'contributor', program: p });
    const m = await w.milestone(p, 'Pilot run', '2026-03-10', { ownerId: chen.id });
    const r = refusal(
      await updateMilestone(w.deps, { programId: p.id, milestoneId: m.key, version: 1, actor: chen, patch: { name: 'Mine' } }),
    );
    expect(r.code).toBe('FORBIDDEN');
  });
});
