import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, changes, expectProblem, seedProgram, seedUser } from './helpers.js';

interface MilestoneBody {
  id: string;
  key: string;
  forecastDate: string;
  actualDate: string | null;
  version: number;
  pushed?: { id: string; key: string; from: string; to: string }[];
}
interface LinkBody {
  id: string;
  predecessor: { id: string; key: string; name: string };
  successor: { id: string; key: string; name: string };
  lagDays: number;
  version: number;
}
interface PushBody {
  id: string;
  key: string;
  name: string;
  from: string;
  to: string;
  version: number;
  cause: { id: string; key: string };
}

// Wednesday 11 March 2026, noon in Ningbo (Asia/Shanghai); the calendar is Monday to Friday.
const now = new Date('2026-03-11T04:00:00Z');

describe.each(dialects)('plan API (dependencies, move preview, pushes) on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let chen: Actor;
  const url = (path: string) => `/api/v1/programs/${program.code}${path}`;
  const milestones = async () => (await call(t, { method: 'GET', url: url('/milestones') })).json<{ items: MilestoneBody[] }>().items;
  const one = async (key: string) => (await milestones()).find((m) => m.key === key) as MilestoneBody;
  const created = async (name: string, forecastDate: string): Promise<MilestoneBody> => {
    const res = await call(t, {
      method: 'POST',
      url: url('/milestones'),
      payload: { name, phase: 'G2', baselineDate: forecastDate, ownerId: t.actor.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<MilestoneBody>();
  };
  const link = (payload: Record<string, unknown>, who?: Actor) => call(t, { method: 'POST', url: url('/links'), payload }, who);
  const linked = async (predecessor: string, successor: string, lagDays?: number): Promise<LinkBody> => {
    const res = await link({ predecessor, successor, lagDays });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<LinkBody>();
  };
  const preview = async (key: string, forecastDate: string): Promise<PushBody[]> => {
    const res = await call(t, { method: 'POST', url: url(`/milestones/${key}/move-preview`), payload: { forecastDate } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ pushes: PushBody[] }>().pushes;
  };

  // Tooling chain: tool (Fri 20 Mar) → trial (Mon 23 Mar, lag 1) → approval (Tue 24 Mar, lag 0).
  let tool: MilestoneBody;
  let trial: MilestoneBody;
  let approval: MilestoneBody;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    program = await seedProgram(t, 'KHG-KW500');
    chen = await seedUser(t, 'Chen Wei', 'chen.wei@example.test', { programId: program.id });
    tool = await created('Tool T1 released', '2026-03-20');
    trial = await created('Trial run', '2026-03-23');
    approval = await created('Sample approval', '2026-03-24');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('links', () => {
    it('links by key or id, lag 0 by default, change-logged as a milestone_link record', async () => {
      const a = await linked(tool.key, trial.id, 1);
      expect(a).toMatchObject({
        predecessor: { key: tool.key, name: 'Tool T1 released' },
        successor: { key: trial.key },
        lagDays: 1,
        version: 1,
      });
      const b = await linked(trial.id, approval.key);
      expect(b.lagDays).toBe(0);
      const list = (await call(t, { method: 'GET', url: url('/links') })).json<{ items: LinkBody[] }>().items;
      expect(list.map((l) => `${l.predecessor.key}→${l.successor.key}`)).toEqual([
        `${tool.key}→${trial.key}`,
        `${trial.key}→${approval.key}`,
      ]);
      const rows = (await changes(t, program.code)).filter((c) => c.entity === 'milestone_link' && c.entityId === a.id);
      expect(rows.map((r) => r.field).sort()).toEqual(['lagDays', 'predecessorId', 'programId', 'successorId']);
      expect(rows.find((r) => r.field === 'lagDays')).toMatchObject({
        oldValue: null,
        newValue: '1',
        entityKey: `${tool.key}→${trial.key}`,
      });
    });

    it('refuses a link that would close a cycle, naming the milestones in it, and writes nothing', async () => {
      const before = await changes(t, program.code);
      const p = expectProblem(await link({ predecessor: approval.key, successor: tool.key }), 409, 'DEPENDENCY_CYCLE');
      expect(p.detail).toBe(`These links would form a cycle: ${approval.key} → ${tool.key} → ${trial.key} → ${approval.key}.`);
      // Named on the request's own field.
      expect(p.errors?.map((e) => e.path)).toEqual(['predecessor']);
      expect(await changes(t, program.code)).toEqual(before);
    });

    it('refuses a self link, a duplicate, an unknown milestone and a caller without milestone.link', async () => {
      expectProblem(await link({ predecessor: tool.key, successor: tool.key }), 422, 'SELF_DEPENDENCY');
      expectProblem(await link({ predecessor: tool.key, successor: trial.key, lagDays: 3 }), 409, 'LINK_EXISTS');
      expectProblem(await link({ predecessor: 'M-999', successor: trial.key }), 404, 'MILESTONE_NOT_FOUND');
      const p = expectProblem(await link({ predecessor: trial.key, successor: tool.key }, chen), 403, 'FORBIDDEN');
      expect(p.detail).toContain('milestone.link');
    });

    it('removes a link (change-logged) and answers 404 for one that does not exist', async () => {
      const extra = await created('Packaging artwork', '2026-04-01');
      const l = await linked(tool.key, extra.key);
      const res = await call(t, { method: 'DELETE', url: url(`/links/${l.id}`) });
      expect(res.statusCode, res.body).toBe(200);
      const list = (await call(t, { method: 'GET', url: url('/links') })).json<{ items: LinkBody[] }>().items;
      expect(list.some((x) => x.id === l.id)).toBe(false);
      const rows = (await changes(t, program.code)).filter((c) => c.entityId === l.id && c.oldValue !== null);
      expect(rows.map((r) => r.field).sort()).toEqual(['lagDays', 'predecessorId', 'programId', 'successorId']);
      expect(rows.every((r) => r.newValue === null)).toBe(true);
      expectProblem(await call(t, { method: 'DELETE', url: url(`/links/${l.id}`) }), 404, 'MILESTONE_LINK_NOT_FOUND');
    });
  });

  describe('a link the dates already violate', () => {
    const previewLink = (payload: Record<string, unknown>, who?: Actor) =>
      call(t, { method: 'POST', url: url('/links/preview'), payload }, who);

    it('previews the pushes a new link implies, writing nothing, and refuses what adding would refuse', async () => {
      // Die cast (Thu 26 Mar) → machining (Wed 25 Mar) → coating (Thu 26 Mar): machining cannot start before the casting.
      const cast = await created('Die cast parts', '2026-03-26');
      const machining = await created('Machining', '2026-03-25');
      const coating = await created('Coating', '2026-03-26');
      await linked(machining.key, coating.key, 1);
      const before = { milestones: await milestones(), changes: await changes(t, program.code) };
      const res = await previewLink({ predecessor: cast.key, successor: machining.key, lagDays: 2 }, chen);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ pushes: PushBody[] }>().pushes.map((p) => [p.key, p.from, p.to, p.cause.key, p.version])).toEqual([
        [machining.key, '2026-03-25', '2026-03-30', cast.key, 1],
        [coating.key, '2026-03-26', '2026-03-31', machining.key, 1],
      ]);
      expect({ milestones: await milestones(), changes: await changes(t, program.code) }).toEqual(before);
      // With room to spare, nothing moves.
      expect((await previewLink({ predecessor: machining.key, successor: cast.key, lagDays: -5 })).json()).toEqual({ pushes: [] });
      expectProblem(await previewLink({ predecessor: coating.key, successor: machining.key }), 409, 'DEPENDENCY_CYCLE');
      expectProblem(await previewLink({ predecessor: machining.key, successor: coating.key }), 409, 'LINK_EXISTS');
      expectProblem(await previewLink({ predecessor: cast.key, successor: cast.key }), 422, 'SELF_DEPENDENCY');
      const missing = expectProblem(await previewLink({ predecessor: cast.key, successor: 'M-999' }), 404, 'MILESTONE_NOT_FOUND');
      expect(missing.errors?.map((e) => e.path)).toEqual(['successor']);
      expectProblem(await previewLink({ predecessor: cast.key, successor: machining.key, lagDays: 400 }), 422, 'VALIDATION_FAILED');
    });

    it('adds the link and moves what it pushes in one change, each push change-logged with the new link as cause', async () => {
      const mould = await created('Mould flow report', '2026-04-08');
      const cut = await created('Steel cut', '2026-04-07');
      const t1 = await created('T1 shots', '2026-04-09');
      await linked(cut.key, t1.key, 2);
      const pushes = (await previewLink({ predecessor: mould.key, successor: cut.key, lagDays: 1 })).json<{ pushes: PushBody[] }>().pushes;
      const res = await link({
        predecessor: mould.key,
        successor: cut.key,
        lagDays: 1,
        reason: 'Steel is cut only after the flow report.',
        pushedVersions: Object.fromEntries(pushes.map((p) => [p.id, p.version])),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<{ pushed: { key: string; from: string; to: string }[] }>().pushed).toEqual([
        { id: cut.id, key: cut.key, from: '2026-04-07', to: '2026-04-09' },
        { id: t1.id, key: t1.key, from: '2026-04-09', to: '2026-04-13' },
      ]);
      expect([(await one(cut.key)).forecastDate, (await one(t1.key)).forecastDate]).toEqual(['2026-04-09', '2026-04-13']);
      const rows = (await changes(t, program.code)).filter((c) => c.entity === 'milestone' && c.field === 'forecastDate');
      expect(rows.find((r) => r.entityId === cut.id)?.reason).toBe(
        `pushed by the new link ${mould.key} → ${cut.key} (lag 1 business day): Steel is cut only after the flow report.`,
      );
      expect(rows.find((r) => r.entityId === t1.id)?.reason).toBe(
        `pushed by ${cut.key} moving to 2026-04-09: Steel is cut only after the flow report.`,
      );
      // The link and the pushes are one change.
      const linkRow = (await changes(t, program.code)).find(
        (c) => c.entity === 'milestone_link' && c.entityKey === `${mould.key}→${cut.key}`,
      );
      const cutRow = rows.find((r) => r.entityId === cut.id);
      expect(cutRow?.correlationId).toBe(linkRow?.correlationId);
    });

    it('refuses the link, adding and moving nothing, when a pushed milestone changed since the preview', async () => {
      const drawing = await created('Drawing release', '2026-04-20');
      const fixture = await created('Fixture build', '2026-04-16');
      const pushes = (await previewLink({ predecessor: drawing.key, successor: fixture.key })).json<{ pushes: PushBody[] }>().pushes;
      expect(pushes.map((p) => p.key)).toEqual([fixture.key]);
      // Someone renames the fixture milestone in between.
      const edit = await call(t, {
        method: 'PATCH',
        url: url(`/milestones/${fixture.key}`),
        payload: { version: 1, name: 'Fixture build and tryout' },
      });
      expect(edit.statusCode, edit.body).toBe(200);
      const before = await changes(t, program.code);
      const p = expectProblem(
        await link({
          predecessor: drawing.key,
          successor: fixture.key,
          pushedVersions: Object.fromEntries(pushes.map((x) => [x.id, x.version])),
        }),
        409,
        'VERSION_CONFLICT',
      );
      expect(p.detail).toContain(fixture.key);
      expect(await changes(t, program.code)).toEqual(before);
      expect(
        (await call(t, { method: 'GET', url: url('/links') }))
          .json<{ items: LinkBody[] }>()
          .items.some((l) => l.successor.key === fixture.key),
      ).toBe(false);
      // Without versions (or with the current ones) the link is added and the fixture moves.
      const again = await link({ predecessor: drawing.key, successor: fixture.key });
      expect(again.statusCode, again.body).toBe(201);
      expect((await one(fixture.key)).forecastDate).toBe('2026-04-20');
    });
  });

  describe('moving', () => {
    it('previews the pushes of a move, business days and causes included, without writing anything', async () => {
      const before = { milestones: await milestones(), changes: await changes(t, program.code) };
      // Tool to Tue 24 Mar: trial needs one business day after (Wed 25), approval the same day as trial.
      const pushes = await preview(tool.key, '2026-03-24');
      expect(pushes).toEqual([
        {
          id: trial.id,
          key: trial.key,
          name: 'Trial run',
          from: '2026-03-23',
          to: '2026-03-25',
          version: 1,
          cause: { id: tool.id, key: tool.key },
          provisional: false,
        },
        {
          id: approval.id,
          key: approval.key,
          name: 'Sample approval',
          from: '2026-03-24',
          to: '2026-03-25',
          version: 1,
          cause: { id: trial.id, key: trial.key },
          provisional: false,
        },
      ]);
      expect(await preview(tool.key, '2026-03-19')).toEqual([]);
      expect(await milestones()).toEqual(before.milestones);
      expect(await changes(t, program.code)).toEqual(before.changes);
    });

    it('refuses the whole move when a pushed milestone changed since the preview: nothing is written', async () => {
      const pushes = await preview(tool.key, '2026-03-24');
      const renamed = await call(t, {
        method: 'PATCH',
        url: url(`/milestones/${approval.key}`),
        payload: { version: 1, name: 'Sample approval (customer)' },
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      const before = { milestones: await milestones(), changes: await changes(t, program.code) };
      const res = await call(t, {
        method: 'POST',
        url: url(`/milestones/${tool.key}/move`),
        payload: {
          version: 1,
          forecastDate: '2026-03-24',
          reason: 'Tooling rework',
          pushedVersions: Object.fromEntries(pushes.map((p) => [p.id, p.version])),
        },
      });
      const p = expectProblem(res, 409, 'VERSION_CONFLICT');
      expect(p.detail).toContain(approval.key);
      expect(await milestones()).toEqual(before.milestones);
      expect(await changes(t, program.code)).toEqual(before.changes);
    });

    it('a confirmed move moves every pushed successor in the same write, each change-logged "pushed by …"', async () => {
      const pushes = await preview(tool.key, '2026-03-24');
      expect(pushes.map((p) => [p.key, p.version])).toEqual([
        [trial.key, 1],
        [approval.key, 2],
      ]);
      const res = await call(t, {
        method: 'POST',
        url: url(`/milestones/${tool.key}/move`),
        payload: {
          version: 1,
          forecastDate: '2026-03-24',
          reason: 'Tooling rework',
          pushedVersions: Object.fromEntries(pushes.map((p) => [p.key, p.version])),
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      const moved = res.json<MilestoneBody>();
      expect(moved).toMatchObject({ key: tool.key, forecastDate: '2026-03-24', version: 2 });
      expect(moved.pushed).toEqual([
        { id: trial.id, key: trial.key, from: '2026-03-23', to: '2026-03-25' },
        { id: approval.id, key: approval.key, from: '2026-03-24', to: '2026-03-25' },
      ]);
      expect(await one(trial.key)).toMatchObject({ forecastDate: '2026-03-25', version: 2 });
      expect(await one(approval.key)).toMatchObject({ forecastDate: '2026-03-25', version: 3 });

      const log = (await changes(t, program.code)).filter((c) => c.field === 'forecastDate' && c.newValue !== null && c.oldValue !== null);
      const own = log.find((c) => c.entityId === tool.id);
      const t2 = log.find((c) => c.entityId === trial.id);
      const a3 = log.find((c) => c.entityId === approval.id);
      expect(own).toMatchObject({ oldValue: '2026-03-20', newValue: '2026-03-24', reason: 'Tooling rework' });
      expect(t2).toMatchObject({
        oldValue: '2026-03-23',
        newValue: '2026-03-25',
        reason: `pushed by ${tool.key} moving to 2026-03-24: Tooling rework`,
      });
      expect(a3).toMatchObject({
        oldValue: '2026-03-24',
        newValue: '2026-03-25',
        reason: `pushed by ${trial.key} moving to 2026-03-25: Tooling rework`,
      });
      // One write: the pushes carry the move's correlation id.
      expect(new Set([own?.correlationId, t2?.correlationId, a3?.correlationId]).size).toBe(1);
    });

    it('a move earlier pushes nothing, and the answer is the plain milestone (no pushed field)', async () => {
      const res = await call(t, {
        method: 'POST',
        url: url(`/milestones/${tool.key}/move`),
        payload: { version: 2, forecastDate: '2026-03-23', reason: 'Rework faster than feared' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<MilestoneBody>()).not.toHaveProperty('pushed');
      expect(await one(trial.key)).toMatchObject({ forecastDate: '2026-03-25', version: 2 });
    });
  });

  describe('completing late', () => {
    it('re-forecasts successors from the actual date, change-logged "pushed by … done on …"', async () => {
      const fai = await created('First article inspection', '2026-03-09');
      const ppap = await created('PPAP submission', '2026-03-10');
      await linked(fai.key, ppap.key, 1);
      const res = await call(t, {
        method: 'POST',
        url: url(`/milestones/${fai.key}/complete`),
        payload: { version: 1, actualDate: '2026-03-11' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<MilestoneBody>().pushed).toEqual([{ id: ppap.id, key: ppap.key, from: '2026-03-10', to: '2026-03-12' }]);
      expect(await one(ppap.key)).toMatchObject({ forecastDate: '2026-03-12', actualDate: null, version: 2 });
      const row = (await changes(t, program.code)).find((c) => c.entityId === ppap.id && c.field === 'forecastDate' && c.oldValue !== null);
      expect(row).toMatchObject({ oldValue: '2026-03-10', newValue: '2026-03-12', reason: `pushed by ${fai.key} done on 2026-03-11` });
    });

    it('completing on time pushes nothing', async () => {
      const a = await created('Line trial', '2026-03-11');
      const b = await created('Line release', '2026-03-12');
      await linked(a.key, b.key, 1);
      const res = await call(t, {
        method: 'POST',
        url: url(`/milestones/${a.key}/complete`),
        payload: { version: 1, actualDate: '2026-03-11' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<MilestoneBody>()).not.toHaveProperty('pushed');
      expect(await one(b.key)).toMatchObject({ forecastDate: '2026-03-12', version: 1 });
    });
  });
});
