import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { type Caller, call, changes, expectProblem, paths, seedProgram, seedUser } from './helpers.js';

interface RiskBody {
  id: string;
  programId: string;
  programCode: string;
  key: string;
  title: string;
  owner: { id: string; name: string; email: string } | null;
  category: string;
  likelihood: number;
  impact: number;
  score: number;
  band: 'high' | 'medium' | 'low';
  residualLikelihood: number | null;
  residualImpact: number | null;
  residualScore: number | null;
  reviewDate: string | null;
  isReviewDue: boolean;
  flags: string[];
  status: string;
  actions: { id: string; key: string; title: string; status: string }[];
  version: number;
}
interface HeatCell {
  likelihood: number;
  impact: number;
  keys: string[];
}
interface Register {
  items: RiskBody[];
  heatMap: { current: HeatCell[]; residual: HeatCell[] };
}
interface ActionBody {
  id: string;
  key: string;
  title: string;
  description: string;
  owner: { id: string; email: string } | null;
  dueDate: string | null;
  severity: string;
  risk: { id: string; key: string; title: string } | null;
  status: string;
  version: number;
}
interface RiskChangeBody {
  kind: string;
  at: string;
  risk: { id: string; key: string; title: string };
  by: string | null;
  from: number | null;
  to: number | null;
  reason: string | null;
}

// Wednesday 11 March 2026, noon in Ningbo (Asia/Shanghai, UTC+8).
const now = new Date('2026-03-11T04:00:00Z');
/** Noon in Ningbo on a day (or another hour, local time). */
const ningbo = (day: string, hour = 12) => new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 8) * 3_600_000);

const resin = {
  title: 'Resin shortage from single source',
  category: 'supply',
  likelihood: 4,
  impact: 4,
  earlyWarning: 'Resin lead time quoted above 6 weeks',
  strategy: 'mitigate',
  mitigation: 'Qualify a second resin source',
  reviewDate: '2026-03-20',
};

describe.each(dialects)('risk register API on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let chen: Actor;
  let sophie: Actor;
  let olu: Actor;
  let ingrid: Actor;
  const base = (p = program.code) => `/api/v1/programs/${p}/risks`;

  const raise = (body: Record<string, unknown>, who?: Caller, p?: string) => call(t, { method: 'POST', url: base(p), payload: body }, who);
  const patch = (r: string, body: Record<string, unknown>, who?: Caller) =>
    call(t, { method: 'PATCH', url: `${base()}/${r}`, payload: body }, who);
  const close = (r: string, body: Record<string, unknown>, who?: Caller) =>
    call(t, { method: 'POST', url: `${base()}/${r}/close`, payload: body }, who);
  const realize = (r: string, body: Record<string, unknown>, who?: Caller) =>
    call(t, { method: 'POST', url: `${base()}/${r}/realize`, payload: body }, who);
  const register = async (p?: string) => {
    const res = await call(t, { method: 'GET', url: base(p) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Register>();
  };
  const detail = async (r: string) => {
    const res = await call(t, { method: 'GET', url: `${base()}/${r}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{
      risk: RiskBody;
      scoreHistory: {
        by: string | null;
        likelihood: number;
        impact: number;
        score: number;
        residualScore: number | null;
        reason: string | null;
        at: string;
      }[];
    }>();
  };
  /** Raises a risk as the cadence owner (owned by Chen unless told), failing the test unless it was raised. */
  const raised = async (body: Record<string, unknown> = {}, p?: string) => {
    const res = await raise({ ...resin, ownerId: chen.id, ...body }, undefined, p);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<RiskBody>();
  };
  const cell = (map: HeatCell[], likelihood: number, impact: number) =>
    map.find((c) => c.likelihood === likelihood && c.impact === impact)?.keys ?? [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    program = await seedProgram(t, 'KHG-KW500');
    chen = await seedUser(t, 'Chen Wei', 'chen.wei@example.test', { programId: program.id });
    sophie = await seedUser(t, 'Sophie Brandt', 'sophie@example.test', { programId: program.id, role: 'quality_owner' });
    olu = await seedUser(t, 'Olu Bello', 'olu@example.test', { programId: program.id, role: 'observer' });
    const winch = await seedProgram(t, 'HM-WINCH3');
    ingrid = await seedUser(t, 'Ingrid Halvorsen', 'ingrid@example.test', { programId: winch.id, role: 'cadence_owner' });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('raise', () => {
    it('answers 201 with key R-1, the score, its band, the owner, and no flags', async () => {
      const r = await raised();
      expect(r).toMatchObject({
        programId: program.id,
        programCode: 'KHG-KW500',
        key: 'R-1',
        title: 'Resin shortage from single source',
        owner: { id: chen.id, email: 'chen.wei@example.test' },
        category: 'supply',
        likelihood: 4,
        impact: 4,
        score: 16,
        band: 'high',
        residualScore: null,
        reviewDate: '2026-03-20',
        isReviewDue: false,
        flags: [],
        status: 'open',
        actions: [],
        version: 1,
      });
    });

    it('refuses a risk without an owner (422 OWNER_REQUIRED) and draws no key for it', async () => {
      expect(paths(expectProblem(await raise(resin), 422, 'OWNER_REQUIRED'))).toEqual(['ownerId']);
      expectProblem(await raise({ ...resin, ownerId: null }), 422, 'OWNER_REQUIRED');
      const next = await raised({ title: 'Customs hold on T1 samples', category: 'schedule', likelihood: 3, impact: 3 });
      expect(next.key).toBe('R-2');
    });

    it('refuses an owner who holds no role on the program (422 USER_NOT_FOUND)', async () => {
      expectProblem(await raise({ ...resin, ownerId: ingrid.id }), 422, 'USER_NOT_FOUND');
    });

    it('refuses levels outside 1-5, a half residual pair and an unknown category (422)', async () => {
      expect(paths(expectProblem(await raise({ ...resin, ownerId: chen.id, likelihood: 6 }), 422, 'VALIDATION_FAILED'))).toEqual([
        'likelihood',
      ]);
      expectProblem(await raise({ ...resin, ownerId: chen.id, impact: 0 }), 422, 'VALIDATION_FAILED');
      expectProblem(await raise({ ...resin, ownerId: chen.id, category: 'weather' }), 422, 'VALIDATION_FAILED');
      expect(paths(expectProblem(await raise({ ...resin, ownerId: chen.id, residualLikelihood: 2 }), 422, 'VALIDATION_FAILED'))).toEqual([
        'residualImpact',
      ]);
    });

    it('flags a live risk without a review date, and one whose review date has come', async () => {
      const undated = await raised({ title: 'Tariff change on HS 8516', category: 'commercial', reviewDate: null });
      expect(undated).toMatchObject({ reviewDate: null, flags: ['no_due_date'], isReviewDue: false });
      const due = await raised({ title: 'Missing CE/UKCA test report', category: 'compliance', reviewDate: '2026-03-11' });
      expect(due).toMatchObject({ isReviewDue: true, flags: [] });
      const listed = (await register()).items.find((r) => r.key === undated.key);
      expect(listed?.flags).toEqual(['no_due_date']);
    });

    it('is refused to an observer (403) and answers 404 to someone outside the client', async () => {
      expectProblem(await raise({ ...resin, ownerId: chen.id }, olu), 403, 'FORBIDDEN');
      expectProblem(await raise({ ...resin, ownerId: chen.id }, ingrid), 404, 'PROGRAM_NOT_FOUND');
      // A contributor may raise one.
      expect((await raise({ ...resin, ownerId: chen.id, title: 'Colour mismatch on Pantone 2935' }, chen)).statusCode).toBe(201);
    });
  });

  describe('re-score, heat map and score history', () => {
    let key: string;

    it('moves the risk on the heat map when it is re-scored with a reason, and keeps both scores', async () => {
      t.setNow(ningbo('2026-03-09'));
      const r = await raised({ title: 'Mould steel delivery late', likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 3 });
      key = r.key;
      let map = (await register()).heatMap;
      expect(map.current).toHaveLength(25);
      expect(cell(map.current, 4, 5)).toContain(key);
      expect(cell(map.residual, 2, 3)).toContain(key);
      // Without a residual score a risk sits in the residual map where it sits on the current one.
      expect(cell(map.residual, 4, 4)).toContain('R-1');

      // No reason, or an empty one: refused, nothing changes.
      expectProblem(await patch(key, { version: 1, likelihood: 2 }), 422, 'VALIDATION_FAILED');
      expect(paths(expectProblem(await patch(key, { version: 1, likelihood: 2, reason: '  ' }), 422, 'VALIDATION_FAILED'))).toEqual([
        'reason',
      ]);

      t.setNow(ningbo('2026-03-10'));
      const res = await patch(key, { version: 1, likelihood: 2, impact: 4, reason: 'Second steel supplier confirmed' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<RiskBody>()).toMatchObject({ likelihood: 2, impact: 4, score: 8, band: 'medium', version: 2 });

      map = (await register()).heatMap;
      expect(cell(map.current, 4, 5)).not.toContain(key);
      expect(cell(map.current, 2, 4)).toContain(key);
      expect(cell(map.residual, 2, 3)).toContain(key);
      t.setNow(now);
    });

    it('lists every scoring in the score history, oldest first, with who and why', async () => {
      const d = await detail(key);
      expect(d.risk).toMatchObject({ key, score: 8 });
      expect(d.scoreHistory.map((p) => [p.likelihood, p.impact, p.score, p.residualScore, p.reason, p.by])).toEqual([
        [4, 5, 20, 6, null, 'Dana Whitfield'],
        [2, 4, 8, 6, 'Second steel supplier confirmed', 'Dana Whitfield'],
      ]);
      expect(d.scoreHistory[0]?.at).toBe(ningbo('2026-03-09').toISOString());
    });

    it('adds a point when only the residual score changes, and none for a change of words', async () => {
      expect((await patch(key, { version: 2, mitigation: 'Dual-source the steel', reason: 'Plan written down' })).statusCode).toBe(200);
      expect((await patch(key, { version: 3, residualLikelihood: 1, residualImpact: 2, reason: 'Second source proven' })).statusCode).toBe(
        200,
      );
      const d = await detail(key);
      expect(d.scoreHistory.map((p) => [p.score, p.residualScore])).toEqual([
        [20, 6],
        [8, 6],
        [8, 2],
      ]);
    });

    it('refuses a stale version with 409 and the current risk', async () => {
      const p = expectProblem(await patch(key, { version: 1, impact: 2, reason: 'Stale' }), 409, 'VERSION_CONFLICT');
      expect(p.current).toMatchObject({ key, version: 4, score: 8 });
    });

    it('refuses a change that changes nothing (422 NOTHING_TO_CHANGE), and taking the owner away (422 OWNER_REQUIRED)', async () => {
      expectProblem(await patch(key, { version: 4, likelihood: 2, reason: 'Same again' }), 422, 'NOTHING_TO_CHANGE');
      expectProblem(await patch(key, { version: 4, ownerId: null, reason: 'Nobody' }), 422, 'OWNER_REQUIRED');
      expectProblem(await patch(key, { version: 4, ownerId: ingrid.id, reason: 'Outsider' }), 422, 'USER_NOT_FOUND');
    });

    it('lets an owner update their own risk, not others (403), and an observer none', async () => {
      // Chen owns the risk.
      expect((await patch(key, { version: 4, status: 'mitigating', reason: 'Working on it' }, chen)).statusCode).toBe(200);
      const danas = await raised({ title: 'Mains cable approval', ownerId: t.actor.id });
      expectProblem(await patch(danas.key, { version: 1, impact: 2, reason: 'Not mine' }, chen), 403, 'FORBIDDEN');
      expectProblem(await patch(key, { version: 5, impact: 2, reason: 'Watching only' }, olu), 403, 'FORBIDDEN');
      // Reading is for everyone on the program.
      expect((await call(t, { method: 'GET', url: `${base()}/${key}` }, olu)).statusCode).toBe(200);
      expect((await call(t, { method: 'GET', url: base() }, olu)).statusCode).toBe(200);
    });
  });

  describe('close', () => {
    it('closes with a reason; the risk leaves the heat map and no longer changes (409 RISK_CLOSED)', async () => {
      const r = await raised({ title: 'Customs hold on T2 samples', category: 'schedule', likelihood: 5, impact: 2 });
      expectProblem(await close(r.key, { version: 1 }), 422, 'VALIDATION_FAILED');
      const res = await close(r.key, { version: 1, reason: 'Samples cleared customs' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<RiskBody>()).toMatchObject({ key: r.key, status: 'closed', version: 2, isReviewDue: false, flags: [] });
      const reg = await register();
      expect(reg.heatMap.current.flatMap((c) => c.keys)).not.toContain(r.key);
      expect(reg.heatMap.residual.flatMap((c) => c.keys)).not.toContain(r.key);
      // Closed risks come after the live ones.
      expect(reg.items.at(-1)?.status).not.toBe('open');
      expectProblem(await patch(r.key, { version: 2, impact: 1, reason: 'Too late' }), 409, 'RISK_CLOSED');
      expectProblem(await close(r.key, { version: 2, reason: 'Again' }), 409, 'RISK_CLOSED');
      expectProblem(await realize(r.key, { version: 2, reason: 'It happened after all' }), 409, 'RISK_CLOSED');
      const log = await changes(t, program.code, `?since=2026-03-11`);
      expect(log.find((c) => c.entityKey === r.key && c.field === 'status')).toMatchObject({
        oldValue: 'open',
        newValue: 'closed',
        reason: 'Samples cleared customs',
      });
    });
  });

  describe('realize', () => {
    it('marks the risk realized and opens a linked action owned by the risk owner, both change-logged in one step', async () => {
      const r = await raised({ title: 'Colour mismatch on Pantone 2935', category: 'quality', likelihood: 3, impact: 4 });
      const res = await realize(r.key, { version: 1, reason: 'T1 housings came out two shades too dark' });
      expect(res.statusCode, res.body).toBe(200);
      const { risk, action } = res.json<{ risk: RiskBody; action: ActionBody }>();
      expect(risk).toMatchObject({ key: r.key, status: 'realized', version: 2 });
      expect(action).toMatchObject({
        title: 'Respond to: Colour mismatch on Pantone 2935',
        description: 'T1 housings came out two shades too dark',
        owner: { id: chen.id },
        severity: 'high',
        status: 'open',
        risk: { id: r.id, key: r.key },
        version: 1,
      });
      expect(action.key).toMatch(/^A-\d+$/);
      expect(risk.actions).toEqual([{ id: action.id, key: action.key, title: action.title, status: 'open' }]);
      // Listed with its action in the register, too.
      expect((await register()).items.find((x) => x.key === r.key)?.actions.map((a) => a.key)).toEqual([action.key]);

      const stored = await t.db.rows(`select key, risk_id, owner_id, status from actions where id = '${action.id}'`);
      expect(stored).toEqual([{ key: action.key, risk_id: r.id, owner_id: chen.id, status: 'open' }]);
      // Both are in the change log, written by the same person at the same instant for the same reason;
      // each record is its own write (its own correlation id), the action naming the risk.
      const [statusRow] = await t.db.rows(
        `select correlation_id, actor_id, at, old_value, reason from changes where entity_id = '${r.id}' and field = 'status' and new_value = 'realized'`,
      );
      expect(statusRow).toMatchObject({ old_value: 'open', reason: 'T1 housings came out two shades too dark', actor_id: t.actor.id });
      const actionRows = await t.db.rows(
        `select field, old_value, new_value, actor_id, at, reason, correlation_id from changes where entity = 'action' and entity_id = '${action.id}'`,
      );
      expect(actionRows.map((x) => x.field)).toEqual(expect.arrayContaining(['title', 'ownerId', 'riskId', 'status', 'severity']));
      expect(actionRows.find((x) => x.field === 'riskId')).toMatchObject({ old_value: null, new_value: r.id });
      for (const row of actionRows) {
        expect(row).toMatchObject({ actor_id: t.actor.id, at: statusRow?.at, reason: 'T1 housings came out two shades too dark' });
      }
      expect(new Set(actionRows.map((x) => x.correlation_id))).toEqual(new Set([actionRows[0]?.correlation_id]));
      expect(actionRows[0]?.correlation_id).not.toBe(statusRow?.correlation_id);
    });

    it('takes the action title, owner, due date and severity when given', async () => {
      const r = await raised({ title: 'Missing CE/UKCA test report', category: 'compliance' });
      const res = await realize(r.key, {
        version: 1,
        reason: 'Lab report missing at G2',
        action: { title: 'Re-test at TÜV Shanghai', ownerId: sophie.id, dueDate: '2026-03-25', severity: 'critical' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ action: ActionBody }>().action).toMatchObject({
        title: 'Re-test at TÜV Shanghai',
        owner: { id: sophie.id },
        dueDate: '2026-03-25',
        severity: 'critical',
      });
    });

    it('writes neither the risk nor the action when the action is refused', async () => {
      const r = await raised({ title: 'Carton burst strength below spec', category: 'quality' });
      const before = await t.db.rows('select count(*) as n from actions');
      expectProblem(await realize(r.key, { version: 1, reason: 'Burst', action: { ownerId: ingrid.id } }), 422, 'USER_NOT_FOUND');
      expect(await t.db.rows('select count(*) as n from actions')).toEqual(before);
      expect((await detail(r.key)).risk).toMatchObject({ status: 'open', version: 1 });
    });

    it('is the owner’s or the cadence owner’s to do: 403 for another contributor’s risk, for an observer', async () => {
      const r = await raised({ title: 'Tooling crack at cavity 3', ownerId: sophie.id });
      expectProblem(await realize(r.key, { version: 1, reason: 'Cracked' }, chen), 403, 'FORBIDDEN');
      expectProblem(await realize(r.key, { version: 1, reason: 'Cracked' }, olu), 403, 'FORBIDDEN');
      expectProblem(await close(r.key, { version: 1, reason: 'Fixed' }, olu), 403, 'FORBIDDEN');
      expect((await realize(r.key, { version: 1, reason: 'Cracked' }, sophie)).statusCode).toBe(200);
    });
  });

  describe('risk changes between two dates', () => {
    it('returns exactly what was raised, re-scored, closed and realized in the period, from the change log', async () => {
      const ts2 = await seedProgram(t, 'KHG-TS2');
      await t.grant(chen, { programId: ts2.id, role: 'contributor' });
      const url = (p: string) => `/api/v1/programs/KHG-TS2/risks${p}`;
      const write = async (method: 'POST' | 'PATCH', path: string, payload: Record<string, unknown>) => {
        const res = await call(t, { method, url: url(path), payload });
        expect(res.statusCode, res.body).toBeLessThan(300);
        return res.json<RiskBody & { risk?: RiskBody }>();
      };
      t.setNow(ningbo('2026-03-02'));
      const a = await write('POST', '', { ...resin, ownerId: chen.id });
      t.setNow(ningbo('2026-03-04'));
      await write('PATCH', `/${a.key}`, { version: 1, likelihood: 3, reason: 'Second source quoted' });
      t.setNow(ningbo('2026-03-06'));
      // A residual or wording change is not a re-scoring.
      await write('PATCH', `/${a.key}`, {
        version: 2,
        residualLikelihood: 1,
        residualImpact: 2,
        mitigation: 'Dual source',
        reason: 'Plan',
      });
      t.setNow(ningbo('2026-03-09', 9));
      const b = await write('POST', '', {
        ...resin,
        title: 'Customs hold on T1 samples',
        category: 'schedule',
        likelihood: 2,
        impact: 3,
        ownerId: chen.id,
      });
      await write('PATCH', `/${a.key}`, { version: 3, likelihood: 2, impact: 3, reason: 'Second source approved' });
      // 23:30 in Ningbo on the 10th: still the 10th there, though the 10th's afternoon in UTC.
      t.setNow(ningbo('2026-03-10', 23.5));
      await write('POST', `/${a.key}/close`, { version: 4, reason: 'Second source running' });
      // 00:30 on the 11th in Ningbo: outside a period that ends on the 10th.
      t.setNow(ningbo('2026-03-11', 0.5));
      await write('POST', `/${b.key}/realize`, { version: 1, reason: 'Held at customs' });
      t.setNow(now);

      const between = async (since: string, until: string) => {
        const res = await call(t, { method: 'GET', url: `/api/v1/programs/KHG-TS2/risk-changes?since=${since}&until=${until}` });
        expect(res.statusCode, res.body).toBe(200);
        return res.json<{ items: RiskChangeBody[] }>().items;
      };
      const week = await between('2026-03-04', '2026-03-10');
      expect(week.map((c) => [c.kind, c.risk.key, c.from, c.to, c.reason])).toEqual([
        ['rescored', a.key, 16, 12, 'Second source quoted'],
        ['new', b.key, null, 6, null],
        ['rescored', a.key, 12, 6, 'Second source approved'],
        ['closed', a.key, null, null, 'Second source running'],
      ]);
      expect(week[0]).toMatchObject({ by: 'Dana Whitfield', at: ningbo('2026-03-04').toISOString(), risk: { title: resin.title } });

      expect((await between('2026-03-01', '2026-03-02')).map((c) => [c.kind, c.risk.key, c.to])).toEqual([['new', a.key, 16]]);
      expect((await between('2026-03-11', '2026-03-11')).map((c) => [c.kind, c.risk.key, c.reason])).toEqual([
        ['realized', b.key, 'Held at customs'],
      ]);
      expect(await between('2026-03-05', '2026-03-08')).toEqual([]);
      // The whole period holds each event once.
      expect((await between('2026-03-01', '2026-03-31')).map((c) => c.kind)).toEqual([
        'new',
        'rescored',
        'new',
        'rescored',
        'closed',
        'realized',
      ]);
    });

    it('refuses a period that ends before it starts, is longer than 366 days, or is not two dates (422)', async () => {
      const get = (q: string) => call(t, { method: 'GET', url: `/api/v1/programs/KHG-TS2/risk-changes${q}` });
      expectProblem(await get('?since=2026-03-10&until=2026-03-04'), 422, 'VALIDATION_FAILED');
      expect(paths(expectProblem(await get('?since=2026-01-01&until=2027-01-02'), 422, 'VALIDATION_FAILED'))).toEqual(['until']);
      expect((await get('?since=2026-01-01&until=2027-01-01')).statusCode).toBe(200);
      expectProblem(await get('?since=2026-03-10'), 422, 'VALIDATION_FAILED');
      expectProblem(await get('?since=2026-02-30&until=2026-03-04'), 422, 'VALIDATION_FAILED');
    });

    it('is readable by an observer and answers 404 outside the client', async () => {
      const q = '?since=2026-03-01&until=2026-03-31';
      expect((await call(t, { method: 'GET', url: `/api/v1/programs/KHG-KW500/risk-changes${q}` }, olu)).statusCode).toBe(200);
      expectProblem(await call(t, { method: 'GET', url: `/api/v1/programs/KHG-KW500/risk-changes${q}` }, ingrid), 404, 'PROGRAM_NOT_FOUND');
    });
  });

  describe('outside the program', () => {
    it('answers 404 to someone outside the client, on every risk route', async () => {
      const r = await raised({ title: 'Someone else’s business' });
      const attempts = [
        await call(t, { method: 'GET', url: base() }, ingrid),
        await call(t, { method: 'GET', url: `${base()}/${r.key}` }, ingrid),
        await patch(r.key, { version: 1, impact: 1, reason: 'x' }, ingrid),
        await close(r.key, { version: 1, reason: 'x' }, ingrid),
        await realize(r.key, { version: 1, reason: 'x' }, ingrid),
      ];
      for (const res of attempts) expectProblem(res, 404, 'PROGRAM_NOT_FOUND');
    });

    it('answers 404 RISK_NOT_FOUND for a risk of another program or an unknown key', async () => {
      const r = await raised({ title: 'Only on the kettle' });
      expectProblem(await call(t, { method: 'GET', url: `/api/v1/programs/HM-WINCH3/risks/${r.id}` }), 404, 'RISK_NOT_FOUND');
      expectProblem(await call(t, { method: 'GET', url: `${base()}/R-999` }), 404, 'RISK_NOT_FOUND');
      expectProblem(await patch('R-999', { version: 1, impact: 1, reason: 'x' }), 404, 'RISK_NOT_FOUND');
    });
  });
});
