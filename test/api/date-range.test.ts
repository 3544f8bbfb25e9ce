import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, expectProblem, paths, seedProgram, seedUser } from './helpers.js';

interface MilestoneBody {
  id: string;
  key: string;
  forecastDate: string;
  version: number;
  warnings?: { path: string; code: string; message: string }[];
}

// Wednesday 11 March 2026, noon in Ningbo.
const now = new Date('2026-03-11T04:00:00Z');

describe.each(dialects)('dates outside 2000-01-01 … 2099-12-31 on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let other: Program;
  let chen: Actor;
  const url = (code: string, path: string) => `/api/v1/programs/${code}${path}`;
  const created = async (body: Record<string, unknown>, code = program.code): Promise<MilestoneBody> => {
    const res = await call(t, { method: 'POST', url: url(code, '/milestones'), payload: { phase: 'G2', ownerId: t.actor.id, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<MilestoneBody>();
  };
  const move = (m: MilestoneBody, forecastDate: string) =>
    call(t, {
      method: 'POST',
      url: url(program.code, `/milestones/${m.key}/move`),
      payload: { version: m.version, forecastDate, reason: 'Resin late' },
    });
  const programRow = async (code: string) => (await t.deps.store.reads.findProgram(code)) as Program;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    program = await seedProgram(t, 'KHG-KW500');
    other = await seedProgram(t, 'KHG-KW600');
    chen = await seedUser(t, 'Chen Wei', 'chen@example.test', { programId: program.id, role: 'contributor' });
  });
  afterAll(() => t.close());

  it('refuses a forecast in 2990, in 3000 or in 1900 with 422 naming the field, and changes nothing', async () => {
    const m = await created({ name: 'Pilot run complete', baselineDate: '2026-04-01' });
    for (const d of ['2990-06-01', '3000-01-01', '9999-12-31', '1900-01-01', '1999-12-31']) {
      const p = expectProblem(await move(m, d), 422, 'VALIDATION_FAILED');
      expect(paths(p)).toEqual(['forecastDate']);
      expect(p.detail).toContain('2000-01-01');
    }
    const stored = await t.deps.store.reads.findMilestone(program.id as never, m.id);
    expect(stored?.forecastDate).toBe('2026-04-01');
    expect(stored?.version).toBe(m.version);
  });

  it('refuses a change-log period outside the range, as a date or as an instant', async () => {
    for (const q of ['since=1999-12-31', 'until=2100-01-01', 'since=0001-01-01T00:00:00Z', 'until=9999-12-31T23:59:59Z']) {
      const res = await call(t, { method: 'GET', url: url(program.code, `/changes?${q}`) });
      expect(paths(expectProblem(res, 422, 'VALIDATION_FAILED')), q).toEqual([q.split('=')[0]]);
    }
    expect((await call(t, { method: 'GET', url: url(program.code, '/changes?since=2026-03-01T00:00:00Z') })).statusCode).toBe(200);
  });

  it('accepts the first and the last day of the range', async () => {
    const m = await created({ name: 'Edge of the range', baselineDate: '2026-05-04' });
    const last = await move(m, '2099-12-31');
    expect(last.statusCode, last.body).toBe(200);
    const first = await move(last.json<MilestoneBody>(), '2000-01-03');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<MilestoneBody>().forecastDate).toBe('2000-01-03');
  });

  it('accepts a new forecast or due date already past, with a DATE_IN_PAST warning in the answer (and the preview)', async () => {
    const m = await created({ name: 'Golden sample', baselineDate: '2026-03-20' });
    const preview = await call(t, {
      method: 'POST',
      url: url(program.code, `/milestones/${m.key}/move-preview`),
      payload: { forecastDate: '2026-03-02' },
    });
    expect(preview.json<{ warnings?: { path: string; code: string }[] }>().warnings).toEqual([
      expect.objectContaining({ path: 'forecastDate', code: 'DATE_IN_PAST' }),
    ]);
    const moved = await move(m, '2026-03-02');
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<MilestoneBody>().warnings).toEqual([expect.objectContaining({ path: 'forecastDate', code: 'DATE_IN_PAST' })]);
    const later = await move(moved.json<MilestoneBody>(), '2026-04-02');
    expect(later.json<MilestoneBody>().warnings).toBeUndefined();
    const action = await call(t, {
      method: 'POST',
      url: url(program.code, '/actions'),
      payload: { title: 'Chase the resin supplier', ownerId: chen.id, dueDate: '2026-03-10' },
    });
    expect(action.statusCode, action.body).toBe(201);
    expect(action.json<{ warnings?: unknown[] }>().warnings).toEqual([expect.objectContaining({ path: 'dueDate', code: 'DATE_IN_PAST' })]);
  });

  it('refuses a target release of 3000-01-01 or 1900-01-01 with 422, and the plan still answers', async () => {
    for (const targetReleaseDate of ['3000-01-01', '2999-12-31', '1900-01-01']) {
      const before = await programRow(program.code);
      const res = await call(t, {
        method: 'PATCH',
        url: url(program.code, '/plan-settings'),
        payload: { version: before.version, targetReleaseDate, reason: 'Customer asked' },
      });
      expect(paths(expectProblem(res, 422, 'VALIDATION_FAILED'))).toEqual(['targetReleaseDate']);
      expect((await programRow(program.code)).targetReleaseDate).toBe(before.targetReleaseDate);
    }
    const ok = await call(t, {
      method: 'PATCH',
      url: url(program.code, '/plan-settings'),
      payload: { version: (await programRow(program.code)).version, targetReleaseDate: '2099-12-31', reason: 'Far, but allowed' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    for (const path of ['', '/milestones', '/plan'])
      expect((await call(t, { method: 'GET', url: url(program.code, path) })).statusCode).toBe(200);
    expect((await call(t, { method: 'GET', url: '/api/v1/programs' })).statusCode).toBe(200);
  });

  it("refuses an action's due date of 1899-12-31 and a decision's of 2100-01-01", async () => {
    const action = await call(t, {
      method: 'POST',
      url: url(program.code, '/actions'),
      payload: { title: 'Book inspection', ownerId: chen.id, dueDate: '1899-12-31' },
    });
    expect(paths(expectProblem(action, 422, 'VALIDATION_FAILED'))).toEqual(['dueDate']);
    const decision = await call(t, {
      method: 'POST',
      url: url(program.code, '/decisions'),
      payload: { statement: 'Approve the second tool?', ownerId: t.actor.id, dueDate: '2100-01-01' },
    });
    expect(paths(expectProblem(decision, 422, 'VALIDATION_FAILED'))).toEqual(['dueDate']);
  });

  it('refuses a move whose push would leave the range with DATE_OUT_OF_RANGE, naming the milestone pushed', async () => {
    const a = await created({ name: 'Tooling T1', baselineDate: '2026-06-01' }, other.code);
    const b = await created({ name: 'Pilot run', baselineDate: '2026-06-15' }, other.code);
    const link = await call(t, {
      method: 'POST',
      url: url(other.code, '/links'),
      payload: { predecessor: a.key, successor: b.key, lagDays: 200 },
    });
    expect(link.statusCode, link.body).toBe(201);
    const res = await call(t, {
      method: 'POST',
      url: url(other.code, `/milestones/${a.key}/move`),
      payload: { version: a.version, forecastDate: '2099-10-01', reason: 'Far slip' },
    });
    const p = expectProblem(res, 422, 'DATE_OUT_OF_RANGE');
    expect(p.detail).toContain(b.key);
    expect(paths(p)).toEqual(['forecastDate']);
    const preview = await call(t, {
      method: 'POST',
      url: url(other.code, `/milestones/${a.key}/move-preview`),
      payload: { forecastDate: '2099-10-01' },
    });
    expectProblem(preview, 422, 'DATE_OUT_OF_RANGE');
  });

  it('a program whose stored data cannot be computed says so on the portfolio; the rest is served', async () => {
    // Data written before dates were bounded: a forecast in 1899 that no calendar covers.
    const broken = await seedProgram(t, 'OLD-1899');
    const m = await created({ name: 'Legacy milestone', baselineDate: '2026-04-01' }, broken.code);
    await t.deps.store.transaction(async (tx) => {
      await tx.write({
        op: 'update',
        entity: 'milestone',
        id: m.id,
        programId: broken.id as never,
        entityKey: m.key,
        expectedVersion: m.version,
        set: { forecastDate: '1899-06-01' as PlainDate },
        changes: [{ field: 'forecastDate', oldValue: '2026-04-01', newValue: '1899-06-01' }],
        meta: { actorId: t.admin.id, at: now.toISOString(), reason: 'legacy import', correlationId: 'legacy' },
      });
    });
    const res = await call(t, { method: 'GET', url: '/api/v1/programs' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { code: string; health: string; healthReason: { kind: string } }[] }>().items;
    expect(items.find((i) => i.code === broken.code)?.healthReason).toEqual({ kind: 'unavailable' });
    expect(items.find((i) => i.code === program.code)?.healthReason.kind).not.toBe('unavailable');
    expect((await call(t, { method: 'GET', url: '/api/v1/me/week' })).statusCode).toBe(200);
  });
});
