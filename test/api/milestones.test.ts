import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, changes, expectProblem, paths, seedProgram, seedUser } from './helpers.js';

interface MilestoneBody {
  id: string;
  programId: string;
  key: string;
  name: string;
  phase: string;
  owner: { id: string; name: string; email: string } | null;
  baselineDate: string;
  forecastDate: string;
  actualDate: string | null;
  isCritical: boolean;
  health: string;
  healthReason: { kind: string; days?: number };
  varianceDays: number;
  version: number;
}

// Wednesday 11 March 2026, noon in Ningbo (Asia/Shanghai).
const now = new Date('2026-03-11T04:00:00Z');

describe.each(dialects)('milestones API on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let chen: Actor;
  const base = () => `/api/v1/programs/${program.code}/milestones`;

  const create = (body: Record<string, unknown>) => call(t, { method: 'POST', url: base(), payload: body });
  const patch = (m: string, body: Record<string, unknown>) => call(t, { method: 'PATCH', url: `${base()}/${m}`, payload: body });
  const move = (m: string, body: Record<string, unknown>) => call(t, { method: 'POST', url: `${base()}/${m}/move`, payload: body });
  const complete = (m: string, body: Record<string, unknown>) => call(t, { method: 'POST', url: `${base()}/${m}/complete`, payload: body });
  const list = async () => (await call(t, { method: 'GET', url: base() })).json<{ items: MilestoneBody[] }>().items;
  const one = async (key: string) => (await list()).find((m) => m.key === key) as MilestoneBody;
  /** Creates a milestone and returns it, failing the test unless it was created. */
  const created = async (body: Record<string, unknown>) => {
    const res = await create({ phase: 'G1', baselineDate: '2026-03-20', ownerId: t.actor.id, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<MilestoneBody>();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    program = await seedProgram(t, 'KHG-KW500');
    chen = await seedUser(t, 'Chen Wei', 'chen.wei@example.test', { programId: program.id });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('create', () => {
    it('answers 201 with key M-1, the forecast on the baseline, version 1 and derived health', async () => {
      const res = await create({ name: 'Drawing package frozen', phase: 'G1', baselineDate: '2026-03-20', ownerId: chen.id });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        programId: program.id,
        key: 'M-1',
        name: 'Drawing package frozen',
        phase: 'G1',
        owner: { id: chen.id },
        baselineDate: '2026-03-20',
        forecastDate: '2026-03-20',
        actualDate: null,
        isCritical: false,
        health: 'on_track',
        varianceDays: 0,
        version: 1,
      });
    });

    it('numbers the next milestones M-2, M-3 and names their owner', async () => {
      const second = await created({ name: 'Tooling kick-off (T0)', ownerId: chen.id, forecastDate: '2026-03-24', isCritical: true });
      // Fri 20 → Tue 24: two business days after the baseline.
      expect(second).toMatchObject({ key: 'M-2', forecastDate: '2026-03-24', isCritical: true, health: 'at_risk', varianceDays: 2 });
      expect(second.owner).toEqual({ id: chen.id, name: 'Chen Wei', email: 'chen.wei@example.test' });
      expect((await created({ name: 'BOM released' })).key).toBe('M-3');
    });

    it('writes one change row per field set, all from null, sharing one correlation id', async () => {
      const m = await created({ name: 'Long-lead components ordered', ownerId: chen.id, reason: '  Added at kickoff  ' });
      const rows = (await changes(t, program.code)).filter((c) => c.entityId === m.id);
      expect(rows.map((c) => [c.field, c.oldValue, c.newValue]).sort()).toEqual(
        [
          ['name', null, 'Long-lead components ordered'],
          ['phase', null, 'G1'],
          ['ownerId', null, chen.id],
          ['baselineDate', null, '2026-03-20'],
          ['forecastDate', null, '2026-03-20'],
          ['isCritical', null, 'false'],
        ].sort(),
      );
      expect(new Set(rows.map((c) => c.correlationId)).size).toBe(1);
      for (const c of rows) {
        expect(c).toMatchObject({ entity: 'milestone', entityKey: m.key, reason: 'Added at kickoff', at: now.toISOString() });
        expect(c.actor).toEqual({ id: t.actor.id, name: 'Dana Whitfield', email: 'dana.whitfield@example.test' });
      }
    });

    it('finds the program by id as well as by code, and refuses an unknown one with 404', async () => {
      const res = await call(t, {
        method: 'POST',
        url: `/api/v1/programs/${program.id}/milestones`,
        payload: { name: 'By id', phase: 'G2', baselineDate: '2026-04-01', ownerId: chen.id },
      });
      expect(res.statusCode).toBe(201);
      const missing = await call(t, {
        method: 'POST',
        url: '/api/v1/programs/NOPE-1/milestones',
        payload: { name: 'x', phase: 'G1', baselineDate: '2026-04-01', ownerId: chen.id },
      });
      expectProblem(missing, 404, 'PROGRAM_NOT_FOUND');
    });

    it('validates the body: name, phase and dates, naming each field at fault', async () => {
      const p = expectProblem(await create({ name: '   ', phase: 'G7', baselineDate: '2026-02-30' }), 422, 'VALIDATION_FAILED');
      expect(paths(p)).toEqual(expect.arrayContaining(['name', 'phase', 'baselineDate', 'ownerId']));
    });

    it('refuses a milestone without an owner, whether left out, null or empty, naming ownerId (422 VALIDATION_FAILED)', async () => {
      for (const ownerId of [undefined, null, '', '  ']) {
        const p = expectProblem(
          await create({ name: 'Nobody owns this', phase: 'G1', baselineDate: '2026-03-20', ownerId }),
          422,
          'VALIDATION_FAILED',
        );
        expect(p.errors).toEqual([{ path: 'ownerId', message: 'Name who delivers the milestone: every milestone has an owner.' }]);
      }
    });
  });

  describe('a refused create leaves nothing behind', () => {
    it('an unknown owner is 422 USER_NOT_FOUND; no milestone, no change row, no key is used up', async () => {
      const before = { milestones: await list(), changes: await changes(t, program.code) };
      const lastKey = Math.max(...before.milestones.map((m) => Number(m.key.slice(2))));
      const p = expectProblem(
        await create({ name: 'Ghost', phase: 'G1', baselineDate: '2026-03-20', ownerId: 'no-such-person' }),
        422,
        'USER_NOT_FOUND',
      );
      expect(paths(p)).toEqual(['ownerId']);
      expect(await list()).toEqual(before.milestones);
      expect(await changes(t, program.code)).toEqual(before.changes);
      expect((await created({ name: 'After the refusal' })).key).toBe(`M-${lastKey + 1}`);
    });

    it('a person who holds no role on the program cannot own its items: 422 USER_NOT_FOUND, nothing written', async () => {
      const outsider = await t.addPerson({ email: 'outsider@example.test', name: 'Olga Outsider' });
      const before = { milestones: await list(), changes: await changes(t, program.code) };
      const p = expectProblem(
        await create({ name: 'Owned by an outsider', phase: 'G1', baselineDate: '2026-03-20', ownerId: outsider.id }),
        422,
        'USER_NOT_FOUND',
      );
      expect(paths(p)).toEqual(['ownerId']);
      expect(await list()).toEqual(before.milestones);
      expect(await changes(t, program.code)).toEqual(before.changes);
    });
  });

  describe('edit, move and complete', () => {
    it('PATCH edits descriptive fields by key, bumps the version and logs old → new under one correlation id', async () => {
      const m = await created({ name: 'Packaging dielines', ownerId: chen.id });
      const res = await patch(m.key.toLowerCase(), {
        version: 1,
        name: 'Packaging dielines approved',
        isCritical: true,
        ownerId: t.actor.id,
        phase: 'G2',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        id: m.id,
        name: 'Packaging dielines approved',
        isCritical: true,
        owner: { id: t.actor.id },
        phase: 'G2',
        version: 2,
      });
      const rows = (await changes(t, program.code)).filter((c) => c.entityId === m.id && c.oldValue !== null);
      expect(rows.map((c) => [c.field, c.oldValue, c.newValue]).sort()).toEqual(
        [
          ['name', 'Packaging dielines', 'Packaging dielines approved'],
          ['phase', 'G1', 'G2'],
          ['ownerId', chen.id, t.actor.id],
          ['isCritical', 'false', 'true'],
        ].sort(),
      );
      expect(new Set(rows.map((c) => c.correlationId)).size).toBe(1);
      const createRow = (await changes(t, program.code)).find((c) => c.entityId === m.id && c.oldValue === null);
      expect(rows[0]?.correlationId).not.toBe(createRow?.correlationId);
      expect(rows.every((c) => c.reason === null)).toBe(true);
      // The owner is handed over, never taken away.
      const cleared = expectProblem(await patch(m.key, { version: 2, ownerId: null }), 422, 'VALIDATION_FAILED');
      expect(paths(cleared)).toEqual(['ownerId']);
    });

    it('PATCH of the baseline needs a reason: blank → 422 REASON_REQUIRED, given → 200 and logged', async () => {
      const m = await created({ name: 'PFMEA reviewed' });
      expect(
        paths(expectProblem(await patch(m.key, { version: 1, baselineDate: '2026-03-27', reason: '  ' }), 422, 'REASON_REQUIRED')),
      ).toEqual(['reason']);
      expectProblem(await patch(m.key, { version: 1, baselineDate: '2026-03-27' }), 422, 'REASON_REQUIRED');
      const ok = await patch(m.key, { version: 1, baselineDate: '2026-03-27', reason: 'Re-plan approved by client' });
      expect(ok.json()).toMatchObject({ baselineDate: '2026-03-27', forecastDate: '2026-03-20', varianceDays: -5, version: 2 });
      const row = (await changes(t, program.code)).find((c) => c.entityId === m.id && c.field === 'baselineDate' && c.oldValue !== null);
      expect(row).toMatchObject({ oldValue: '2026-03-20', newValue: '2026-03-27', reason: 'Re-plan approved by client' });
    });

    it('PATCH that changes nothing is 422 NOTHING_TO_CHANGE; an unknown owner is 422 USER_NOT_FOUND', async () => {
      const m = await created({ name: 'Control plan draft' });
      expectProblem(await patch(m.key, { version: 1 }), 422, 'NOTHING_TO_CHANGE');
      expectProblem(await patch(m.key, { version: 1, name: 'Control plan draft' }), 422, 'NOTHING_TO_CHANGE');
      expectProblem(await patch(m.key, { version: 1, ownerId: 'nobody' }), 422, 'USER_NOT_FOUND');
      expect((await one(m.key)).version).toBe(1);
    });

    it('move with a reason shifts the forecast, derives health, and logs the trimmed reason', async () => {
      const m = await created({ name: 'T1 samples shipped', baselineDate: '2026-03-13' });
      const res = await move(m.id, { version: 1, forecastDate: '2026-03-17', reason: '  Tooling rework at the supplier  ' });
      expect(res.statusCode, res.body).toBe(200);
      // Fri 13 → Tue 17 is two business days: within the tolerance of 3, so at risk.
      expect(res.json()).toMatchObject({
        forecastDate: '2026-03-17',
        baselineDate: '2026-03-13',
        health: 'at_risk',
        varianceDays: 2,
        version: 2,
      });
      const rows = (await changes(t, program.code)).filter((c) => c.entityId === m.id && c.field === 'forecastDate');
      expect(rows[0]).toMatchObject({
        oldValue: '2026-03-13',
        newValue: '2026-03-17',
        reason: 'Tooling rework at the supplier',
        entityKey: m.key,
      });
      expect(rows[0]?.actor.id).toBe(t.actor.id);
      const again = await move(m.key, { version: 2, forecastDate: '2026-03-20', reason: 'Second slip' });
      expect(again.json()).toMatchObject({ health: 'late', healthReason: { kind: 'breach', days: 5 }, version: 3 });
    });

    it('complete records the actual date; a done milestone no longer moves or completes', async () => {
      const m = await created({ name: 'Supplier kickoff held', baselineDate: '2026-03-09' });
      expect((await one(m.key)).health).toBe('late');
      expectProblem(await complete(m.key, { version: 1, actualDate: '2026-03-12' }), 422, 'ACTUAL_DATE_IN_FUTURE');
      const res = await complete(m.key, { version: 1, actualDate: '2026-03-10', reason: 'Held a day late' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ actualDate: '2026-03-10', health: 'done', varianceDays: 1, version: 2 });
      expectProblem(await move(m.key, { version: 2, forecastDate: '2026-03-20', reason: 'Too late' }), 409, 'MILESTONE_DONE');
      expectProblem(await complete(m.key, { version: 2, actualDate: '2026-03-10' }), 409, 'MILESTONE_DONE');
      const row = (await changes(t, program.code)).find((c) => c.entityId === m.id && c.field === 'actualDate');
      expect(row).toMatchObject({ oldValue: null, newValue: '2026-03-10', reason: 'Held a day late' });
    });

    it("judges 'today' in the program's time zone, not in UTC", async () => {
      const m = await created({ name: 'Cosmetic standard signed', baselineDate: '2026-03-11' });
      // 17:00 UTC on the 10th is already 01:00 on the 11th in Ningbo.
      t.setNow(new Date('2026-03-10T17:00:00Z'));
      try {
        const res = await complete(m.key, { version: 1, actualDate: '2026-03-11' });
        expect(res.statusCode, res.body).toBe(200);
      } finally {
        t.setNow(now);
      }
    });

    it('an unknown milestone is 404 MILESTONE_NOT_FOUND', async () => {
      expectProblem(await move('M-999', { version: 1, forecastDate: '2026-03-20', reason: 'x' }), 404, 'MILESTONE_NOT_FOUND');
    });
  });

  describe('refusals at the edge', () => {
    let m: MilestoneBody;
    beforeAll(async () => {
      m = await created({ name: 'Golden sample approved', baselineDate: '2026-03-18' });
    });

    it('move without a reason is 422 VALIDATION_FAILED naming `reason`', async () => {
      const p = expectProblem(await move(m.key, { version: 1, forecastDate: '2026-03-20' }), 422, 'VALIDATION_FAILED');
      expect(paths(p)).toEqual(['reason']);
    });

    it('move with a blank reason is 422 REASON_REQUIRED', async () => {
      const p = expectProblem(await move(m.key, { version: 1, forecastDate: '2026-03-20', reason: '  ' }), 422, 'REASON_REQUIRED');
      expect(paths(p)).toEqual(['reason']);
    });

    it('a date that does not exist (2026-02-30) is 422 naming the field', async () => {
      const p = expectProblem(await move(m.key, { version: 1, forecastDate: '2026-02-30', reason: 'x' }), 422, 'VALIDATION_FAILED');
      expect(paths(p)).toEqual(['forecastDate']);
      expect(paths(expectProblem(await complete(m.key, { version: 1, actualDate: '11/03/2026' }), 422, 'VALIDATION_FAILED'))).toEqual([
        'actualDate',
      ]);
    });

    it('an unknown body field is 422 and named in the detail', async () => {
      const p = expectProblem(
        await move(m.key, { version: 1, forecastDate: '2026-03-20', reason: 'x', force: true }),
        422,
        'VALIDATION_FAILED',
      );
      expect(p.detail).toContain('force');
      expectProblem(await patch(m.key, { version: 1, actualDate: '2026-03-01' }), 422, 'VALIDATION_FAILED');
    });

    it('a missing or non-positive version is 422', async () => {
      expect(paths(expectProblem(await move(m.key, { forecastDate: '2026-03-20', reason: 'x' }), 422, 'VALIDATION_FAILED'))).toEqual([
        'version',
      ]);
      expectProblem(await move(m.key, { version: 0, forecastDate: '2026-03-20', reason: 'x' }), 422, 'VALIDATION_FAILED');
      expectProblem(await move(m.key, { version: '1', forecastDate: '2026-03-20', reason: 'x' }), 422, 'VALIDATION_FAILED');
    });

    it('none of these refusals changed the milestone or wrote a change row', async () => {
      expect(await one(m.key)).toEqual(m);
      expect((await changes(t, program.code)).filter((c) => c.entityId === m.id && c.oldValue !== null)).toEqual([]);
    });
  });

  describe('optimistic concurrency', () => {
    it('a stale version is 409 VERSION_CONFLICT with the current milestone, and changes nothing', async () => {
      const m = await created({ name: 'T2 samples shipped', baselineDate: '2026-03-25' });
      const moved = (await move(m.key, { version: 1, forecastDate: '2026-03-26', reason: 'Kiln maintenance' })).json<MilestoneBody>();
      const log = await changes(t, program.code);

      for (const res of [
        await move(m.key, { version: 1, forecastDate: '2026-03-30', reason: 'Based on what I read' }),
        await patch(m.key, { version: 1, name: 'Renamed on a stale page' }),
        await complete(m.key, { version: 1, actualDate: '2026-03-11' }),
      ]) {
        const p = expectProblem(res, 409, 'VERSION_CONFLICT');
        expect(p.current).toEqual(moved);
      }
      expect(await one(m.key)).toEqual(moved);
      expect(await changes(t, program.code)).toEqual(log);
    });

    it('of two concurrent moves from the same version exactly one wins; the other gets 409', async () => {
      const m = await created({ name: 'Pilot build materials on hand', phase: 'G2', baselineDate: '2026-04-01' });
      const log = await changes(t, program.code);
      const results = await Promise.all([
        move(m.key, { version: 1, forecastDate: '2026-04-02', reason: 'Resin delayed' }),
        move(m.key, { version: 1, forecastDate: '2026-04-03', reason: 'Line busy' }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.statusCode === 200)?.json<MilestoneBody>();
      const loser = expectProblem(results.find((r) => r.statusCode === 409) as (typeof results)[number], 409, 'VERSION_CONFLICT');
      expect(loser.current).toEqual(winner);
      expect(await one(m.key)).toEqual(winner);
      const added = (await changes(t, program.code)).filter((c) => !log.some((l) => l.id === c.id));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ field: 'forecastDate', newValue: winner?.forecastDate });
    });

    it('concurrent creates get distinct, consecutive keys', async () => {
      const before = (await list()).length;
      const results = await Promise.all(
        ['A', 'B', 'C', 'D'].map((s) => create({ name: `Parallel ${s}`, phase: 'G3', baselineDate: '2026-05-04', ownerId: chen.id })),
      );
      expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
      const keys = results.map((r) => Number(r.json<MilestoneBody>().key.slice(2))).sort((a, b) => a - b);
      const first = keys[0] ?? 0;
      expect(keys).toEqual([first, first + 1, first + 2, first + 3]);
      expect((await list()).length).toBe(before + 4);
    });
  });

  it('reads one milestone by key or id exactly as the list shows it, and 404s one that is not there', async () => {
    const m = await created({ name: 'Pilot run signed off', ownerId: chen.id, forecastDate: '2026-03-24' });
    const byKey = await call(t, { method: 'GET', url: `${base()}/${m.key.toLowerCase()}` });
    expect(byKey.statusCode, byKey.body).toBe(200);
    expect(byKey.json()).toEqual(await one(m.key));
    expect((await call(t, { method: 'GET', url: `${base()}/${m.id}` })).json()).toEqual(byKey.json());
    expectProblem(await call(t, { method: 'GET', url: `${base()}/M-9999` }), 404, 'MILESTONE_NOT_FOUND');
  });
});
