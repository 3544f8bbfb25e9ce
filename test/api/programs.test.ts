import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPrograms } from '../../src/app/demo/demo-data.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, changes, expectProblem } from './helpers.js';

interface PersonRef {
  id: string;
  name: string;
  email: string;
}
interface ProgramBody {
  id: string;
  code: string;
  name: string;
  client: { id: string; name: string; country: string };
  supplier: { name: string; city: string; country: string };
  timeZone: string;
  status: string;
  currentPhase: string | null;
  health: string;
  healthReason: { kind: string; days?: number; tolerance?: number };
  healthMilestone: { id: string; key: string; name: string } | null;
  nextMilestone: { id: string; key: string; name: string; forecastDate: string; owner: PersonRef | null } | null;
  owner: PersonRef | null;
  milestoneCount: number;
  doneCount: number;
  toleranceDays: number;
  targetReleaseDate: string | null;
  today: string;
  version: number;
}
interface MilestoneBody {
  id: string;
  key: string;
  forecastDate: string;
  actualDate: string | null;
  health: string;
}

// Wednesday 11 March 2026, midday in Asia.
const now = new Date('2026-03-11T04:00:00Z');

describe.each(dialects)('programs API on %s (demo portfolio)', (dialect) => {
  let t: TestApp;
  let items: ProgramBody[];
  const byCode = (code: string) => items.find((p) => p.code === code) as ProgramBody;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    const r = await loadDemo(t.deps, { now });
    if (!r.ok) throw new Error(r.error.message);
    const res = await call(t, { method: 'GET', url: '/api/v1/programs' });
    expect(res.statusCode).toBe(200);
    items = res.json<{ items: ProgramBody[] }>().items;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists every program of the portfolio, by name', () => {
    expect(items.map((p) => p.code).sort()).toEqual(demoPrograms.map((p) => p.code).sort());
    const names = items.map((p) => p.name);
    expect(names).toEqual([...names].sort());
  });

  it('gives each program its client, supplier, owner and counts', () => {
    const p = byCode('KHG-KW500');
    expect(p).toMatchObject({
      name: 'Kettle KW-500',
      client: { name: 'Keller Haushaltsgeräte GmbH', country: 'DE' },
      supplier: { name: 'Ningbo Lisheng Electric Appliance', city: 'Ningbo', country: 'CN' },
      timeZone: 'Asia/Shanghai',
      status: 'active',
      owner: { name: 'Jonas Keller', email: 'jonas.keller@demo.test' },
      today: '2026-03-11',
      toleranceDays: 3,
      version: 1,
    });
    for (const q of items) {
      expect(q.milestoneCount).toBe(demoPrograms.find((d) => d.code === q.code)?.milestones);
      expect(q.doneCount).toBeGreaterThan(0);
      expect(q.doneCount).toBeLessThan(q.milestoneCount);
      expect(q.owner).not.toBeNull();
    }
  });

  it('derives each program health from its history, naming the milestone that sets it', () => {
    const health = Object.fromEntries(items.map((p) => [p.code, p.health]));
    for (const d of demoPrograms) {
      expect([d.code, health[d.code]]).toEqual([d.code, d.shape.startsWith('late') ? 'late' : d.shape]);
    }
    expect(byCode('NW-TENT2P').healthReason.kind).toBe('overdue');
    expect(byCode('KHG-KW500').healthReason).toMatchObject({ kind: 'breach', days: 9, tolerance: 3 });
    expect(byCode('NW-PACK22').healthReason).toEqual({ kind: 'slipped', days: 2 });
    expect(byCode('NW-BOTTLE')).toMatchObject({ healthReason: { kind: 'on_plan' }, healthMilestone: null });
    expect(byCode('KHG-KW500').healthMilestone?.key).toMatch(/^M-\d+$/);
  });

  it('names the next milestone: the open one with the earliest forecast, with its owner', async () => {
    for (const code of ['NW-TENT2P', 'KHG-TS2']) {
      const p = byCode(code);
      const res = await call(t, { method: 'GET', url: `/api/v1/programs/${code}/milestones` });
      const open = res.json<{ items: MilestoneBody[] }>().items.filter((m) => m.actualDate === null);
      const earliest = open.map((m) => m.forecastDate).sort()[0];
      expect(p.nextMilestone?.forecastDate).toBe(earliest);
      expect(open.map((m) => m.id)).toContain(p.nextMilestone?.id);
    }
    expect(items.filter((p) => p.nextMilestone?.owner).length).toBeGreaterThan(0);
  });

  it('GET /programs/{id} answers the same summary by id and by code (any case)', async () => {
    const listed = byCode('BLA-PULSE');
    for (const ref of [listed.id, 'BLA-PULSE', 'bla-pulse']) {
      const res = await call(t, { method: 'GET', url: `/api/v1/programs/${ref}` });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(listed);
    }
  });

  it('an unknown program is 404 problem+json PROGRAM_NOT_FOUND on every program route', async () => {
    for (const url of ['/api/v1/programs/NO-SUCH', '/api/v1/programs/NO-SUCH/milestones', '/api/v1/programs/NO-SUCH/changes']) {
      const p = expectProblem(await call(t, { method: 'GET', url }), 404, 'PROGRAM_NOT_FOUND');
      expect(p.instance).toBe(url);
      expect(p.type).toContain('program_not_found');
    }
  });

  it('the demo history is in the change log: moves carry reasons, every write has one correlation id', async () => {
    const log = await changes(t, 'KHG-KW500');
    const moves = log.filter((c) => c.field === 'forecastDate' && c.oldValue !== null);
    expect(moves.length).toBeGreaterThanOrEqual(3);
    expect(moves.every((c) => c.reason && c.reason.trim().length > 0)).toBe(true);
    expect(moves.every((c) => c.actor.name === 'Jonas Keller')).toBe(true);
    const fieldsPerWrite = new Map<string, Set<string>>();
    for (const c of log)
      fieldsPerWrite.set(c.correlationId, (fieldsPerWrite.get(c.correlationId) ?? new Set()).add(`${c.entityId}:${c.field}`));
    // One write touches one record: a correlation id never spans two records or repeats a field.
    for (const [id, set] of fieldsPerWrite) {
      expect(new Set([...set].map((s) => s.split(':')[0])).size, id).toBe(1);
      expect(set.size).toBe(log.filter((c) => c.correlationId === id).length);
    }
    const at = log.map((c) => c.at);
    expect(at).toEqual([...at].sort().reverse());
  });

  it('lists the people who can own items', async () => {
    const res = await call(t, { method: 'GET', url: '/api/v1/users' });
    const users = res.json<{ items: PersonRef[] }>().items;
    expect(users.map((u) => u.email)).toEqual(expect.arrayContaining(['jonas.keller@demo.test', 'local@tollgate.invalid']));
  });

  it('refuses to load the demo twice', async () => {
    const r = await loadDemo(t.deps, { now });
    expect(r.ok ? 'ok' : r.error.code).toBe('DEMO_NOT_EMPTY');
  });
});
