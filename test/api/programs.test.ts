import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPrograms } from '../../src/app/demo/demo-data.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { createTestServer, type TestServer } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { demoInstant } from '../support/demo-template.js';
import { type Caller, call as callAs, changes as changesAs, expectProblem } from './helpers.js';

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
  myRoles: string[];
  can: Record<string, 'yes' | 'own' | 'no'>;
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
const now = new Date(demoInstant);

describe.each(dialects)('programs API on %s (demo portfolio)', (dialect) => {
  let t: TestServer;
  let admin: Caller;
  let items: ProgramBody[];
  const byCode = (code: string) => items.find((p) => p.code === code) as ProgramBody;
  // The workspace admin sees every program; the role accounts are asked where the test says so.
  const call = (opts: Parameters<typeof callAs>[1], who: Caller = admin) => callAs(t, opts, who);
  const changes = (code: string) => changesAs(t, code, '', admin);
  const programsOf = async (email: string) =>
    (await call({ method: 'GET', url: '/api/v1/programs' }, await t.person(email))).json<{ items: ProgramBody[] }>().items;

  beforeAll(async () => {
    t = await createTestServer(dialect, {}, { from: 'demo' });
    t.setNow(now);
    admin = await t.person('admin@demo.test');
    const res = await call({ method: 'GET', url: '/api/v1/programs' });
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
      owner: { name: 'Dana Whitfield', email: 'lead@demo.test' },
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
      const res = await call({ method: 'GET', url: `/api/v1/programs/${code}/milestones` });
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
      const res = await call({ method: 'GET', url: `/api/v1/programs/${ref}` });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(listed);
    }
  });

  it('an unknown program is 404 problem+json PROGRAM_NOT_FOUND on every program route', async () => {
    for (const url of ['/api/v1/programs/NO-SUCH', '/api/v1/programs/NO-SUCH/milestones', '/api/v1/programs/NO-SUCH/changes']) {
      const p = expectProblem(await call({ method: 'GET', url }), 404, 'PROGRAM_NOT_FOUND');
      expect(p.instance).toBe(url);
      expect(p.type).toContain('program_not_found');
    }
  });

  it("another client's program is refused exactly like one that does not exist", async () => {
    const other = await t.person('other@demo.test');
    for (const suffix of ['', '/milestones', '/changes', '/people']) {
      const hidden = expectProblem(
        await call({ method: 'GET', url: `/api/v1/programs/KHG-KW500${suffix}` }, other),
        404,
        'PROGRAM_NOT_FOUND',
      );
      const missing = expectProblem(
        await call({ method: 'GET', url: `/api/v1/programs/NO-SUCH${suffix}` }, other),
        404,
        'PROGRAM_NOT_FOUND',
      );
      const same = (b: typeof hidden, code: string) => JSON.parse(JSON.stringify(b).replaceAll(code, '<code>'));
      expect(same(hidden, 'KHG-KW500')).toEqual(same(missing, 'NO-SUCH'));
    }
  });

  it('the demo history is in the change log: moves carry reasons, every write has one correlation id', async () => {
    const log = await changes('KHG-KW500');
    const moves = log.filter((c) => c.field === 'forecastDate' && c.oldValue !== null);
    expect(moves.length).toBeGreaterThanOrEqual(3);
    expect(moves.every((c) => c.reason && c.reason.trim().length > 0)).toBe(true);
    expect(moves.every((c) => c.actor.name === 'Dana Whitfield')).toBe(true);
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

  it('lists the people who can own items: those holding a role on the program, with their roles', async () => {
    const res = await call({ method: 'GET', url: '/api/v1/programs/KHG-KW500/people' });
    expect(res.statusCode).toBe(200);
    const people = res.json<{ items: (PersonRef & { roles: string[] })[] }>().items;
    const roles = Object.fromEntries(people.map((p) => [p.email, p.roles]));
    expect(roles).toMatchObject({
      'lead@demo.test': ['cadence_owner'],
      'owner@demo.test': ['decision_owner'],
      'quality@demo.test': ['quality_owner'],
      'supplier@demo.test': ['contributor'],
      'observer@demo.test': ['observer'],
    });
    // Neither the other client's people nor the admin (who holds no role here) can own its items.
    expect(Object.keys(roles)).not.toContain('other@demo.test');
    expect(Object.keys(roles)).not.toContain('admin@demo.test');
  });

  it("each person's portfolio holds exactly the programs they have a role on, with what they may do there", async () => {
    const demoCodes = demoPrograms
      .filter((p) => p.client !== 'halvorsen')
      .map((p) => p.code)
      .sort();
    const observer = await programsOf('observer@demo.test');
    expect(observer.map((p) => p.code).sort()).toEqual(demoCodes);
    expect(observer.find((p) => p.code === 'KHG-KW500')).toMatchObject({
      myRoles: ['observer'],
      can: { 'program.read': 'yes', 'milestone.create': 'no', 'milestone.edit': 'no', 'milestone.move': 'no', 'milestone.complete': 'no' },
    });
    const supplier = (await programsOf('supplier@demo.test')).find((p) => p.code === 'KHG-KW500');
    expect(supplier).toMatchObject({
      myRoles: ['contributor'],
      can: { 'milestone.move': 'own', 'milestone.complete': 'own', 'milestone.edit': 'no' },
    });
    const other = await programsOf('other@demo.test');
    expect(other.map((p) => p.code)).toEqual(['HM-WINCH3']);
    expect(other[0]?.can).toMatchObject({ 'milestone.create': 'yes', 'milestone.move': 'yes' });
    // The admin holds no role, but sees (and so may read) every program.
    expect(byCode('HM-WINCH3')).toMatchObject({ myRoles: [], can: { 'program.read': 'yes', 'milestone.move': 'no' } });
  });

  it('refuses to load the demo twice', async () => {
    const r = await loadDemo(t.deps, { now });
    expect(r.ok ? 'ok' : r.error.code).toBe('DEMO_NOT_EMPTY');
  });
});
