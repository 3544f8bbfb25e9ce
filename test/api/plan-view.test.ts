import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { Actor } from '../../src/app/deps.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { completeCharter, writeCompleteCharter } from '../support/charter.js';
import { dialects } from '../support/databases.js';
import { type Caller, call, changes, expectProblem, paths, seedProgram, seedUser } from './helpers.js';

interface Ref {
  id: string;
  key: string;
}
interface MilestoneBody extends Ref {
  baselineDate: string;
  forecastDate: string;
  toleranceDays: number | null;
  health: string;
  healthReason: Record<string, unknown>;
  version: number;
}
interface BaselineBody {
  id: string;
  number: number;
  name: string;
  takenAt: string;
  takenBy: { id: string; name: string } | null;
  decision: { id: string; key: string; statement: string } | null;
  milestoneCount: number;
}
interface RowBody extends Ref {
  baselineDate: string | null;
  currentBaselineDate: string;
  forecastDate: string;
  actualDate: string | null;
  varianceDays: number | null;
  toleranceDays: number;
  toleranceIsDefault: boolean;
  breach: boolean;
  slackDays: number | null;
  onCriticalPath: boolean;
  health: string;
  healthReason: Record<string, unknown>;
  slips: { count: number; netDays: number; lastMovedAt: string | null };
  version: number;
}
interface PlanBody {
  status: string;
  version: number;
  targetReleaseDate: string | null;
  baseline: BaselineBody | null;
  baselines: BaselineBody[];
  rows: RowBody[];
  criticalPath: string[];
  minSlackDays: number | null;
}
interface MtaBody {
  weeks: { week: string; start: string; asOf: string }[];
  series: { key: string; baselineDate: string; points: { week: string; forecastDate: string | null; done: boolean }[] }[];
}
interface SummaryBody {
  status: string;
  health: string;
  healthReason: Record<string, unknown>;
  healthMilestone: Ref | null;
}

// Wednesday 11 March 2026, noon in Ningbo (Asia/Shanghai). The CN calendar has no holiday from
// 7 March to 30 April 2026 except Monday 6 April, which no count below crosses.
const now = new Date('2026-03-11T04:00:00Z');
const at = (iso: string) => new Date(iso);
const verdict = { outcome: 'Accept', rationale: 'No faster tool maker', expectedImpact: 'Launch one week later' };

describe.each(dialects)('plan view API (baselines, plan vs actual, slack, slips, trend, charts) on %s', (dialect) => {
  let t: TestApp;
  const url = (code: string, path: string) => `/api/v1/programs/${code}${path}`;
  const created = async (code: string, body: Record<string, unknown>, who?: Caller): Promise<MilestoneBody> => {
    const res = await call(
      t,
      { method: 'POST', url: url(code, '/milestones'), payload: { phase: 'G2', ownerId: t.actor.id, ...body } },
      who,
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json<MilestoneBody>();
  };
  const milestones = async (code: string) =>
    (await call(t, { method: 'GET', url: url(code, '/milestones') })).json<{ items: MilestoneBody[] }>().items;
  const one = async (code: string, key: string) => (await milestones(code)).find((m) => m.key === key) as MilestoneBody;
  const moved = async (code: string, key: string, forecastDate: string, reason: string, who?: Caller): Promise<MilestoneBody> => {
    const { version } = await one(code, key);
    const res = await call(
      t,
      { method: 'POST', url: url(code, `/milestones/${key}/move`), payload: { version, forecastDate, reason } },
      who,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json<MilestoneBody>();
  };
  const patched = (code: string, key: string, payload: Record<string, unknown>) =>
    call(t, { method: 'PATCH', url: url(code, `/milestones/${key}`), payload });
  const plan = async (code: string, query = ''): Promise<PlanBody> => {
    const res = await call(t, { method: 'GET', url: url(code, `/plan${query}`) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PlanBody>();
  };
  const row = (p: PlanBody, key: string) => p.rows.find((r) => r.key === key) as RowBody;
  const summary = async (code: string) => (await call(t, { method: 'GET', url: url(code, '') })).json<SummaryBody>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('baselines and plan vs actual', () => {
    let program: Program;
    let jonas: Actor;
    let chen: Actor;
    let tool: MilestoneBody;
    let trial: MilestoneBody;
    let fai: MilestoneBody;
    let artwork: MilestoneBody;
    let d1: Ref;
    const code = 'KHG-BL1';
    const baselines = (payload: Record<string, unknown>) => call(t, { method: 'POST', url: url(code, '/baselines'), payload });
    const decision = async (statement: string, ownerId: string): Promise<Ref & { version: number }> => {
      const res = await call(t, { method: 'POST', url: url(code, '/decisions'), payload: { statement, ownerId, dueDate: '2026-03-20' } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Ref & { version: number }>();
    };
    const decide = async (d: Ref & { version: number }, who: Caller) => {
      const res = await call(
        t,
        { method: 'POST', url: url(code, `/decisions/${d.key}/decide`), payload: { version: d.version, ...verdict } },
        who,
      );
      expect(res.statusCode, res.body).toBe(200);
    };

    beforeAll(async () => {
      t.setNow(now);
      program = await seedProgram(t, code);
      jonas = await seedUser(t, 'Jonas Keller', 'jonas.keller@example.test', { programId: program.id, role: 'decision_owner' });
      chen = await seedUser(t, 'Chen Wei', 'chen.wei@example.test', { programId: program.id });
      // Fri 20 → Fri 27 March: five business days late.
      tool = await created(code, { name: 'Tool T1 released', baselineDate: '2026-03-20', forecastDate: '2026-03-27' });
      trial = await created(code, { name: 'Mould trial', baselineDate: '2026-03-31' });
      fai = await created(code, { name: 'First article inspection', baselineDate: '2026-03-06', forecastDate: '2026-03-09' });
      const done = await call(t, {
        method: 'POST',
        url: url(code, `/milestones/${fai.key}/complete`),
        payload: { version: fai.version, actualDate: '2026-03-10' },
      });
      expect(done.statusCode, done.body).toBe(200);
    });

    it('before baseline 0 the plan compares with the milestones’ own planned dates, and a re-baseline is refused', async () => {
      const p = await plan(code);
      expect(p).toMatchObject({ status: 'active', baseline: null, baselines: [], targetReleaseDate: null });
      expect(row(p, tool.key)).toMatchObject({
        baselineDate: '2026-03-20',
        currentBaselineDate: '2026-03-20',
        forecastDate: '2026-03-27',
        varianceDays: 5,
        toleranceDays: 3,
        toleranceIsDefault: true,
        breach: true,
        health: 'late',
        healthReason: { kind: 'breach', days: 5, tolerance: 3 },
        // Wed 11 → Fri 27 March: twelve business days still to come, so planned rather than "not done".
        dueInBusinessDays: 12,
        slips: { count: 0, netDays: 0, lastMovedAt: null },
      });
      expect(row(p, trial.key)).toMatchObject({ baselineDate: '2026-03-31', varianceDays: 0, breach: false, health: 'on_track' });
      // Done Tue 10 March against Fri 6 March: two business days late, and no longer a breach or on any path.
      expect(row(p, fai.key)).toMatchObject({
        actualDate: '2026-03-10',
        varianceDays: 2,
        breach: false,
        slackDays: null,
        onCriticalPath: false,
        health: 'done',
        dueInBusinessDays: null,
      });
      expectProblem(await baselines({ name: 'Too early', decisionId: 'D-1' }), 409, 'BASELINE_MISSING');
    });

    it('POST /activate takes baseline 0 of an active program once; a contributor may not', async () => {
      await writeCompleteCharter(t.deps, program.id, t.actor, { decisionOwnerId: jonas.id });
      const denied = expectProblem(
        await call(t, { method: 'POST', url: url(code, '/activate'), payload: { version: program.version } }, chen),
        403,
        'FORBIDDEN',
      );
      expect(denied.detail).toContain('plan.baseline');
      const res = await call(t, { method: 'POST', url: url(code, '/activate'), payload: { version: program.version } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<BaselineBody>()).toMatchObject({
        number: 0,
        name: 'Baseline 0',
        takenAt: now.toISOString(),
        takenBy: { id: t.actor.id, name: 'Dana Whitfield' },
        decision: null,
        milestoneCount: 3,
      });
      const again = await call(t, { method: 'POST', url: url(code, '/activate'), payload: { version: program.version } });
      expectProblem(again, 409, 'PROGRAM_STATE');

      const p = await plan(code);
      expect(p).toMatchObject({ status: 'active', version: program.version, baseline: { number: 0 } });
      expect(p.baselines.map((b) => b.number)).toEqual([0]);
      expect(row(p, tool.key)).toMatchObject({ baselineDate: '2026-03-20', varianceDays: 5 });
      const log = (await changes(t, code)).filter((c) => c.entity === 'baseline');
      expect(log.map((c) => c.field).sort()).toEqual(['dates', 'name', 'number']);
      expect(log.every((c) => c.entityKey === 'B-0' && c.reason === `${code} goes active`)).toBe(true);
      const dates = JSON.parse(log.find((c) => c.field === 'dates')?.newValue ?? '{}');
      expect(dates).toEqual({ [tool.id]: '2026-03-20', [trial.id]: '2026-03-31', [fai.id]: '2026-03-06' });
    });

    it('a draft program goes active with baseline 0, change-logged: its status and the baseline', async () => {
      const client = unwrap(await createClient(t.deps, { actor: t.admin, name: 'Nordwind Outdoor AG', country: 'de' }));
      const draft = unwrap(
        await createProgram(t.deps, {
          actor: t.admin,
          code: 'NW-DRAFT1',
          name: 'Tent 2P',
          clientId: client.id,
          supplierName: 'Xiamen Outdoor Gear',
          factoryCity: 'Xiamen',
          factoryCountry: 'cn',
          timeZone: 'Asia/Shanghai',
          ownerId: t.actor.id,
          status: 'draft',
        }),
      );
      await t.grant(t.actor, { programId: draft.id, role: 'cadence_owner' });
      await created(draft.code, { name: 'Fabric approved', baselineDate: '2026-04-10' });
      expect(await plan(draft.code)).toMatchObject({ status: 'draft', baseline: null, version: 1 });
      const activate = (version: number) =>
        call(t, { method: 'POST', url: url(draft.code, '/activate'), payload: { version, reason: 'Kick-off signed' } });
      expectProblem(await activate(2), 409, 'VERSION_CONFLICT');

      // Without a kickoff charter: refused, every missing part named, and nothing written.
      const before = await changes(t, draft.code);
      const refused = expectProblem(await activate(1), 409, 'CHARTER_INCOMPLETE');
      expect(paths(refused)).toEqual([
        'decisionOwnerId',
        'escalationPath',
        'successDefinitions.G1',
        'successDefinitions.G2',
        'successDefinitions.G3',
        'successDefinitions.G4',
        'weeklyReport.weekday',
        'weeklyReport.time',
        'weeklyReport.recipients',
        'leadershipReview.scoreAtLeast',
        'leadershipReview.unresolvedDays',
      ]);
      expect(refused.errors?.every((e) => e.message.length > 0)).toBe(true);
      expect(await plan(draft.code)).toMatchObject({ status: 'draft', baseline: null, baselines: [], version: 1 });
      expect(await changes(t, draft.code)).toEqual(before);
      // Half written (no success at G4, no report time), it is refused for those two alone.
      const charterUrl = url(draft.code, '/charter');
      const written = completeCharter(t.actor.id);
      const half = {
        ...written,
        successDefinitions: { ...written.successDefinitions, G4: '' },
        weeklyReport: { ...written.weeklyReport, time: null },
      };
      const put = await call(t, { method: 'PUT', url: charterUrl, payload: { ...half, version: 0 } });
      expect(put.statusCode, put.body).toBe(200);
      expect(paths(expectProblem(await activate(1), 409, 'CHARTER_INCOMPLETE'))).toEqual(['successDefinitions.G4', 'weeklyReport.time']);
      expect((await summary(draft.code)).status).toBe('draft');
      const completed = await call(t, { method: 'PUT', url: charterUrl, payload: { ...written, version: 1 } });
      expect(completed.statusCode, completed.body).toBe(200);

      const res = await activate(1);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<BaselineBody>()).toMatchObject({ number: 0, milestoneCount: 1 });
      expect((await summary(draft.code)).status).toBe('active');
      expect(await plan(draft.code)).toMatchObject({ status: 'active', version: 2, baseline: { number: 0 } });
      const log = await changes(t, draft.code);
      expect(log.find((c) => c.entity === 'program' && c.field === 'status')).toMatchObject({
        oldValue: 'draft',
        newValue: 'active',
        reason: 'Kick-off signed',
      });
      expect(log.find((c) => c.entity === 'baseline' && c.field === 'number')).toMatchObject({
        entityKey: 'B-0',
        newValue: '0',
        reason: 'Kick-off signed',
      });
      expectProblem(await activate(2), 409, 'PROGRAM_STATE');
    });

    it('after baseline 0 a planned date is locked: PATCH baselineDate → 409 BASELINE_LOCKED naming the field', async () => {
      const before = await changes(t, code);
      const res = await patched(code, tool.key, {
        version: (await one(code, tool.key)).version,
        baselineDate: '2026-03-27',
        reason: 'Late',
      });
      expect(paths(expectProblem(res, 409, 'BASELINE_LOCKED'))).toEqual(['baselineDate']);
      expect((await one(code, tool.key)).baselineDate).toBe('2026-03-20');
      expect(await changes(t, code)).toEqual(before);
    });

    it('a milestone’s own tolerance sets its breach and health; null goes back to the program’s default', async () => {
      let res = await patched(code, tool.key, { version: (await one(code, tool.key)).version, toleranceDays: 5 });
      expect(res.statusCode, res.body).toBe(200);
      expect(row(await plan(code), tool.key)).toMatchObject({
        toleranceDays: 5,
        toleranceIsDefault: false,
        breach: false,
        health: 'at_risk',
        healthReason: { kind: 'slipped', days: 5 },
      });
      expect(await one(code, tool.key)).toMatchObject({ toleranceDays: 5, health: 'at_risk' });
      res = await patched(code, tool.key, { version: (await one(code, tool.key)).version, toleranceDays: null });
      expect(res.statusCode, res.body).toBe(200);
      expect(row(await plan(code), tool.key)).toMatchObject({
        toleranceDays: 3,
        toleranceIsDefault: true,
        breach: true,
        health: 'late',
        healthReason: { kind: 'breach', days: 5, tolerance: 3 },
      });
      const log = (await changes(t, code)).filter((c) => c.entityId === tool.id && c.field === 'toleranceDays');
      expect(log.map((c) => [c.oldValue, c.newValue])).toEqual([
        ['5', null],
        [null, '5'],
      ]);
    });

    it('a re-baseline needs a decided decision, decided by a decision owner; nothing is written otherwise', async () => {
      artwork = await created(code, { name: 'Packaging artwork', baselineDate: '2026-04-08' });
      const open = await decision('Accept the T1 tooling delay', jonas.id);
      d1 = open;
      const before = await changes(t, code);
      const p1 = expectProblem(await baselines({ name: 'After T1 delay', decisionId: open.key }), 422, 'BASELINE_DECISION_INVALID');
      expect(paths(p1)).toEqual(['decisionId']);
      expect(p1.detail).toContain('open');
      // Dana owns and decides this one herself: she is a cadence owner, not a decision owner.
      const own = await decision('Ship samples by air', t.actor.id);
      await decide(own, t.actor);
      const p2 = expectProblem(await baselines({ name: 'After T1 delay', decisionId: own.key }), 422, 'BASELINE_DECISION_INVALID');
      expect(paths(p2)).toEqual(['decisionId']);
      expect(p2.detail).toContain('not decided by a decision owner');
      expect(paths(expectProblem(await baselines({ name: 'x', decisionId: 'D-99' }), 422, 'BASELINE_DECISION_INVALID'))).toEqual([
        'decisionId',
      ]);
      const after = (await changes(t, code)).filter((c) => c.entity !== 'decision');
      expect(after).toEqual(before.filter((c) => c.entity !== 'decision'));
      expect((await plan(code)).baselines).toHaveLength(1);
    });

    it('a decision owner’s decision re-baselines: moved forecasts become planned dates, each change-logged with the decision', async () => {
      await decide({ ...d1, version: 1 }, jonas);
      const later = at('2026-03-12T03:00:00Z');
      t.setNow(later);
      const res = await baselines({ name: 'After T1 delay', decisionId: d1.key, reason: 'Cavity 2 rework' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<BaselineBody>()).toMatchObject({
        number: 1,
        name: 'After T1 delay',
        takenAt: later.toISOString(),
        decision: { id: d1.id, key: d1.key, statement: 'Accept the T1 tooling delay' },
        milestoneCount: 4,
      });
      const byKey = new Map((await milestones(code)).map((m) => [m.key, m.baselineDate]));
      expect(byKey.get(tool.key)).toBe('2026-03-27');
      expect(byKey.get(trial.key)).toBe('2026-03-31');
      // Done: keeps its planned date though its forecast (9 March) differs.
      expect(byKey.get(fai.key)).toBe('2026-03-06');
      const moves = (await changes(t, code)).filter((c) => c.field === 'baselineDate' && c.oldValue !== null);
      expect(moves).toHaveLength(1);
      expect(moves[0]).toMatchObject({ entityId: tool.id, oldValue: '2026-03-20', newValue: '2026-03-27', at: later.toISOString() });
      expect(moves[0]?.reason).toContain('Re-baseline 1');
      expect(moves[0]?.reason).toContain(d1.key);
      expect(moves[0]?.reason).toContain('Cavity 2 rework');
      const reused = expectProblem(await baselines({ name: 'Again', decisionId: d1.id }), 422, 'BASELINE_DECISION_INVALID');
      expect(reused.detail).toContain('already approved baseline 1');
      t.setNow(now);
    });

    it('GET /plan compares with the latest baseline by default and with an earlier one by number', async () => {
      const latest = await plan(code);
      expect(latest.baseline).toMatchObject({ number: 1, decision: { key: d1.key } });
      expect(latest.baselines.map((b) => [b.number, b.decision?.key ?? null, b.milestoneCount])).toEqual([
        [0, null, 3],
        [1, d1.key, 4],
      ]);
      expect(row(latest, tool.key)).toMatchObject({
        baselineDate: '2026-03-27',
        currentBaselineDate: '2026-03-27',
        varianceDays: 0,
        breach: false,
        health: 'on_track',
      });
      expect(row(latest, artwork.key)).toMatchObject({ baselineDate: '2026-04-08', varianceDays: 0 });

      const first = await plan(code, '?baseline=0');
      expect(first.baseline).toMatchObject({ number: 0, decision: null });
      // Against baseline 0 the tool is still five business days late; health follows the current plan.
      expect(row(first, tool.key)).toMatchObject({
        baselineDate: '2026-03-20',
        currentBaselineDate: '2026-03-27',
        varianceDays: 5,
        breach: false,
        health: 'on_track',
      });
      // Added after baseline 0: no planned date in it.
      expect(row(first, artwork.key)).toMatchObject({ baselineDate: null, varianceDays: null, currentBaselineDate: '2026-04-08' });
      expect(row(first, fai.key)).toMatchObject({ baselineDate: '2026-03-06', varianceDays: 2 });

      const missing = await call(t, { method: 'GET', url: url(code, '/plan?baseline=9') });
      expect(paths(expectProblem(missing, 404, 'BASELINE_NOT_FOUND'))).toEqual(['baseline']);
      const listed = await call(t, { method: 'GET', url: url(code, '/baselines') });
      expect(listed.json<{ items: BaselineBody[] }>().items.map((b) => b.name)).toEqual(['Baseline 0', 'After T1 delay']);
    });
  });

  describe('target release, slack and the critical path', () => {
    const code = 'KHG-SL1';
    let a: MilestoneBody;
    let b: MilestoneBody;
    let c: MilestoneBody;
    let d: MilestoneBody;
    const settings = (payload: Record<string, unknown>) => call(t, { method: 'PATCH', url: url(code, '/plan-settings'), payload });
    const link = async (predecessor: string, successor: string, lagDays: number) => {
      const res = await call(t, { method: 'POST', url: url(code, '/links'), payload: { predecessor, successor, lagDays } });
      expect(res.statusCode, res.body).toBe(201);
    };

    beforeAll(async () => {
      t.setNow(now);
      await seedProgram(t, code);
      // A (Mon 13 Apr) →+2 B (Wed 15) →+3 C (Mon 20, planned Thu 30); D (Thu 16) stands alone.
      a = await created(code, { name: 'Tool T1 released', baselineDate: '2026-04-13' });
      b = await created(code, { name: 'Trial run', baselineDate: '2026-04-15' });
      c = await created(code, { name: 'Sample approval', baselineDate: '2026-04-30', forecastDate: '2026-04-20' });
      d = await created(code, { name: 'Packaging artwork', baselineDate: '2026-04-16' });
      await link(a.key, b.key, 2);
      await link(b.key, c.key, 3);
    });

    it('without a target release no slack is shown and nothing is at risk for it, even with a link that pushed a date', async () => {
      await seedProgram(t, 'KHG-SL0');
      // E (Tue 21) →+3 F (Wed 22): F should be Fri 24 at the earliest, so adding the link pushes it there.
      const e = await created('KHG-SL0', { name: 'Carton print', baselineDate: '2026-04-21' });
      const f = await created('KHG-SL0', { name: 'Carton delivery', baselineDate: '2026-04-22' });
      const res = await call(t, {
        method: 'POST',
        url: url('KHG-SL0', '/links'),
        payload: { predecessor: e.key, successor: f.key, lagDays: 3 },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<{ pushed: { key: string; to: string }[] }>().pushed).toEqual([
        expect.objectContaining({ key: f.key, to: '2026-04-24' }),
      ]);
      const p = await plan('KHG-SL0');
      expect(p.targetReleaseDate).toBeNull();
      // F slipped two business days behind its baseline (within tolerance): at risk for that, never for a release.
      expect(p.rows.map((r) => [r.key, r.slackDays, r.health, r.healthReason])).toEqual([
        [e.key, null, 'on_track', { kind: 'on_plan' }],
        [f.key, null, 'at_risk', { kind: 'slipped', days: 2 }],
      ]);
      expect(p.rows.some((r) => r.healthReason.kind === 'no_slack')).toBe(false);
      expect((await plan(code)).rows.map((r) => r.slackDays)).toEqual([null, null, null, null]);
    });

    it('plan settings need a reason, the current version and a change', async () => {
      const { version } = await plan(code);
      const noReason = expectProblem(await settings({ version, targetReleaseDate: '2026-04-24' }), 422, 'VALIDATION_FAILED');
      expect(paths(noReason)).toEqual(['reason']);
      expect(
        paths(expectProblem(await settings({ version, targetReleaseDate: '2026-04-24', reason: '  ' }), 422, 'VALIDATION_FAILED')),
      ).toEqual(['reason']);
      const stale = await settings({ version: version + 1, targetReleaseDate: '2026-04-24', reason: 'Launch agreed' });
      expectProblem(stale, 409, 'VERSION_CONFLICT');
      expectProblem(await settings({ version, toleranceDays: 3, targetReleaseDate: null, reason: 'Same' }), 422, 'NOTHING_TO_CHANGE');
      expect((await plan(code)).version).toBe(version);
    });

    it('with a target release each milestone shows its days to spare and the critical path, as computed by hand', async () => {
      const { version } = await plan(code);
      const res = await settings({ version, targetReleaseDate: '2026-04-24', reason: 'Launch date agreed with Keller' });
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json<PlanBody>();
      expect(p).toMatchObject({ targetReleaseDate: '2026-04-24', version: version + 1, minSlackDays: 4 });
      // C may finish by Fri 24 (4 to spare); B by Tue 21 (24 − 3); A by Fri 17 (21 − 2): 4 each. D by Fri 24: 6.
      expect([a, b, c, d].map(({ key }) => [key, row(p, key).slackDays, row(p, key).onCriticalPath, row(p, key).health])).toEqual([
        [a.key, 4, true, 'on_track'],
        [b.key, 4, true, 'on_track'],
        [c.key, 4, true, 'on_track'],
        [d.key, 6, false, 'on_track'],
      ]);
      expect(p.criticalPath).toEqual([a.key, b.key, c.key]);
      const log = (await changes(t, code)).find((x) => x.entity === 'program' && x.field === 'targetReleaseDate');
      expect(log).toMatchObject({ oldValue: null, newValue: '2026-04-24', reason: 'Launch date agreed with Keller' });
      const same = await settings({ version: version + 1, targetReleaseDate: '2026-04-24', reason: 'Again' });
      expectProblem(same, 422, 'NOTHING_TO_CHANGE');
    });

    it('C moved past the target (still ahead of its plan) is at risk for no slack; its predecessors keep theirs', async () => {
      await moved(code, c.key, '2026-04-28', 'Customer test lab booked out');
      const p = await plan(code);
      // Tue 28 against Fri 24: two short. A and B must still finish by Fri 17 and Tue 21 for a release on the 24th.
      expect(row(p, c.key)).toMatchObject({
        slackDays: -2,
        onCriticalPath: true,
        varianceDays: -2,
        breach: false,
        health: 'at_risk',
        healthReason: { kind: 'no_slack', days: 2 },
      });
      expect([row(p, a.key), row(p, b.key)].map((r) => [r.slackDays, r.onCriticalPath, r.health])).toEqual([
        [4, false, 'on_track'],
        [4, false, 'on_track'],
      ]);
      expect(p).toMatchObject({ criticalPath: [c.key], minSlackDays: -2 });
      expect(await one(code, c.key)).toMatchObject({ health: 'at_risk', healthReason: { kind: 'no_slack', days: 2 } });
      expect(await summary(code)).toMatchObject({
        health: 'at_risk',
        healthReason: { kind: 'no_slack', days: 2 },
        healthMilestone: { key: c.key },
      });
    });

    it('a target release pulled in leaves C and its predecessors short; none short is not at risk', async () => {
      const { version } = await plan(code);
      const res = await settings({ version, targetReleaseDate: '2026-04-16', reason: 'Launch pulled in for the trade fair' });
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json<PlanBody>();
      // C by Thu 16 (Tue 28: 8 short); B by Mon 13 (Wed 15: 2 short); A by Thu 9 (Mon 13: 2 short); D on Thu 16: 0.
      expect([a, b, c, d].map(({ key }) => [key, row(p, key).slackDays, row(p, key).health, row(p, key).healthReason])).toEqual([
        [a.key, -2, 'at_risk', { kind: 'no_slack', days: 2 }],
        [b.key, -2, 'at_risk', { kind: 'no_slack', days: 2 }],
        [c.key, -8, 'at_risk', { kind: 'no_slack', days: 8 }],
        [d.key, 0, 'on_track', { kind: 'on_plan' }],
      ]);
      expect(p).toMatchObject({ criticalPath: [c.key], minSlackDays: -8 });
      const list = await milestones(code);
      expect([a, b, c, d].map(({ key }) => [key, list.find((m) => m.key === key)?.health])).toEqual([
        [a.key, 'at_risk'],
        [b.key, 'at_risk'],
        [c.key, 'at_risk'],
        [d.key, 'on_track'],
      ]);
      expect(await summary(code)).toMatchObject({
        health: 'at_risk',
        healthReason: { kind: 'no_slack', days: 8 },
        healthMilestone: { key: c.key },
      });
    });
  });

  describe('slips', () => {
    const code = 'KHG-SLP';
    let chen: Actor;
    let pilot: MilestoneBody;
    let line: MilestoneBody;
    const t1 = '2026-03-02T02:00:00.000Z';
    const t2 = '2026-03-05T03:00:00.000Z';
    const t3 = '2026-03-09T05:00:00.000Z';

    beforeAll(async () => {
      t.setNow(at('2026-02-02T02:00:00Z'));
      const program = await seedProgram(t, code);
      chen = await seedUser(t, 'Chen Wei', 'chen.wei.slp@example.test', { programId: program.id });
      // Both planned for Thu 30 April and forecast ten days earlier.
      pilot = await created(code, { name: 'Pilot run', baselineDate: '2026-04-30', forecastDate: '2026-04-20', ownerId: chen.id });
      line = await created(code, { name: 'Line release', baselineDate: '2026-04-30', forecastDate: '2026-04-20' });
      t.setNow(at('2026-02-04T02:00:00Z'));
      await moved(code, line.key, '2026-04-21', 'Operator training');
      t.setNow(at(t1));
      await moved(code, pilot.key, '2026-04-24', 'Resin delivery late');
      t.setNow(at(t2));
      await moved(code, pilot.key, '2026-04-22', 'Supplier recovered two days', chen);
      await moved(code, line.key, '2026-04-22', 'Conveyor parts late');
      t.setNow(at(t3));
      await moved(code, pilot.key, '2026-04-28', 'Tooling T2 rework');
      t.setNow(now);
    });

    it('GET …/slips lists every move with when, who, how far and why, and the net days; the plan row sums it up', async () => {
      const res = await call(t, { method: 'GET', url: url(code, `/milestones/${pilot.key}/slips`) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        milestone: { id: pilot.id, key: pilot.key, name: 'Pilot run' },
        count: 3,
        // Mon 20 → Tue 28 April.
        netDays: 6,
        moves: [
          {
            at: t1,
            by: expect.objectContaining({ name: 'Dana Whitfield' }),
            from: '2026-04-20',
            to: '2026-04-24',
            days: 4,
            reason: 'Resin delivery late',
          },
          {
            at: t2,
            by: expect.objectContaining({ id: chen.id, name: 'Chen Wei' }),
            from: '2026-04-24',
            to: '2026-04-22',
            days: -2,
            reason: 'Supplier recovered two days',
          },
          {
            at: t3,
            by: expect.objectContaining({ name: 'Dana Whitfield' }),
            from: '2026-04-22',
            to: '2026-04-28',
            days: 4,
            reason: 'Tooling T2 rework',
          },
        ],
        nextCursor: null,
      });
      const p = await plan(code);
      expect(row(p, pilot.key).slips).toEqual({ count: 3, netDays: 6, lastMovedAt: t3 });
      expect(row(p, line.key).slips).toEqual({ count: 2, netDays: 2, lastMovedAt: t2 });
      expectProblem(await call(t, { method: 'GET', url: url(code, '/milestones/M-99/slips') }), 404, 'MILESTONE_NOT_FOUND');
    });

    it('two later moves within four weeks put a milestone still ahead of its plan at risk, until they age out', async () => {
      const p = await plan(code);
      // Tue 28 against Thu 30 April: two days ahead, yet moved later twice (+4, +4, with −2 between) since 11 February.
      expect(row(p, pilot.key)).toMatchObject({
        varianceDays: -2,
        health: 'at_risk',
        healthReason: { kind: 'slipping', moves: 2, days: 6 },
      });
      // Its first later move (4 February) lies outside the window: one later move is no trend.
      expect(row(p, line.key)).toMatchObject({ varianceDays: -6, health: 'on_track' });
      expect(await one(code, pilot.key)).toMatchObject({ health: 'at_risk', healthReason: { kind: 'slipping', moves: 2, days: 6 } });
      expect(await summary(code)).toMatchObject({
        health: 'at_risk',
        healthReason: { kind: 'slipping' },
        healthMilestone: { key: pilot.key },
      });
      // Four weeks after the first move it is still in the window; a millisecond later only +4 and −2 remain.
      t.setNow(at('2026-03-30T02:00:00.000Z'));
      expect(row(await plan(code), pilot.key).healthReason).toEqual({ kind: 'slipping', moves: 2, days: 6 });
      t.setNow(at('2026-03-30T02:00:00.001Z'));
      expect(row(await plan(code), pilot.key)).toMatchObject({ health: 'on_track', healthReason: { kind: 'on_plan' } });
      t.setNow(now);
    });
  });

  describe('milestone trend analysis and charts', () => {
    const code = 'KHG-MTA';
    let tool: MilestoneBody;
    let ppap: MilestoneBody;
    let outsider: Actor;
    let first: MtaBody;
    const mta = async (query: string): Promise<MtaBody> => {
      const res = await call(t, { method: 'GET', url: url(code, `/mta${query}`) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<MtaBody>();
    };
    const points = (m: MtaBody, key: string) =>
      m.series.find((s) => s.key === key)?.points.map((p) => (p.done ? `done ${p.forecastDate}` : p.forecastDate));

    beforeAll(async () => {
      t.setNow(at('2026-03-03T02:00:00Z'));
      await seedProgram(t, code);
      const other = await seedProgram(t, 'OTHER-MTA');
      outsider = await seedUser(t, 'Otto Other', 'otto@example.test', { programId: other.id });
      tool = await created(code, { name: 'Tool T1 released', baselineDate: '2026-05-15' });
      t.setNow(at('2026-03-10T02:00:00Z'));
      ppap = await created(code, { name: 'PPAP submission', baselineDate: '2026-06-05' });
      await moved(code, tool.key, '2026-05-22', 'Steel late');
      t.setNow(at('2026-03-12T02:00:00Z'));
      await moved(code, tool.key, '2026-05-20', 'Recovered two days');
      // Sunday 17:00 UTC is Monday 01:00 in Ningbo: this move belongs to week 12.
      t.setNow(at('2026-03-15T17:00:00Z'));
      await moved(code, ppap.key, '2026-06-12', 'Lab slot moved');
      t.setNow(at('2026-03-19T02:00:00Z'));
    });
    afterAll(() => t.setNow(now));

    it('gives one point per reporting week: the forecast as it stood at the week’s end in the factory’s zone', async () => {
      first = await mta(`?from=2026-03-04&to=2026-03-19&milestones=${tool.key},${ppap.key}`);
      expect(first.weeks).toEqual([
        { week: '2026-W10', start: '2026-03-02', asOf: '2026-03-08T16:00:00.000Z' },
        { week: '2026-W11', start: '2026-03-09', asOf: '2026-03-15T16:00:00.000Z' },
        { week: '2026-W12', start: '2026-03-16', asOf: '2026-03-19T02:00:00.000Z' },
      ]);
      expect(first.series.map((s) => [s.key, s.baselineDate])).toEqual([
        [tool.key, '2026-05-15'],
        [ppap.key, '2026-06-05'],
      ]);
      expect(points(first, tool.key)).toEqual(['2026-05-15', '2026-05-20', '2026-05-20']);
      expect(points(first, ppap.key)).toEqual([null, '2026-06-05', '2026-06-12']);
    });

    it('drawn again after further moves, past weeks are the same and only the running week changes', async () => {
      t.setNow(at('2026-03-19T06:00:00Z'));
      await moved(code, tool.key, '2026-05-27', 'Heat treatment rework');
      t.setNow(at('2026-03-20T02:00:00Z'));
      const again = await mta(`?from=2026-03-04&to=2026-03-19&milestones=${tool.key},${ppap.key}`);
      expect(again.weeks.slice(0, 2)).toEqual(first.weeks.slice(0, 2));
      expect(again.weeks[2]).toEqual({ week: '2026-W12', start: '2026-03-16', asOf: '2026-03-20T02:00:00.000Z' });
      expect(points(again, tool.key)).toEqual(['2026-05-15', '2026-05-20', '2026-05-27']);
      expect(points(again, ppap.key)).toEqual(points(first, ppap.key));
    });

    it('a done milestone’s point is its actual date from the week it was done', async () => {
      t.setNow(at('2026-03-24T02:00:00Z'));
      const done = await call(t, {
        method: 'POST',
        url: url(code, `/milestones/${tool.key}/complete`),
        payload: { version: (await one(code, tool.key)).version, actualDate: '2026-03-24' },
      });
      expect(done.statusCode, done.body).toBe(200);
      t.setNow(at('2026-03-25T02:00:00Z'));
      const m = await mta(`?from=2026-03-02&to=2026-03-25&milestones=${tool.key}`);
      expect(m.weeks.map((w) => w.week)).toEqual(['2026-W10', '2026-W11', '2026-W12', '2026-W13']);
      expect(points(m, tool.key)).toEqual(['2026-05-15', '2026-05-20', '2026-05-27', 'done 2026-03-24']);
    });

    it('refuses an unknown milestone, a range backwards and more than 156 weeks or 12 milestones', async () => {
      const get = (query: string) => call(t, { method: 'GET', url: url(code, `/mta${query}`) });
      const unknown = expectProblem(await get(`?milestones=${tool.key},M-99`), 404, 'MILESTONE_NOT_FOUND');
      expect(paths(unknown)).toEqual(['milestones']);
      expect(paths(expectProblem(await get('?from=2026-03-20&to=2026-03-10'), 422, 'VALIDATION_FAILED'))).toEqual(['from']);
      // Mon 6 March 2023 + 156 weeks = Mon 2 March 2026.
      expect((await mta(`?from=2023-03-06&to=2026-03-01&milestones=${tool.key}`)).weeks).toHaveLength(156);
      expectProblem(await get(`?from=2023-03-06&to=2026-03-02&milestones=${tool.key}`), 422, 'VALIDATION_FAILED');
      const thirteen = Array.from({ length: 13 }, (_, i) => `M-${i + 1}`).join(',');
      expect(paths(expectProblem(await get(`?milestones=${thirteen}`), 422, 'VALIDATION_FAILED'))).toEqual(['milestones']);
    });

    it('draws the trend and the timeline as SVG naming the milestones; a program the caller may not see is a 404 problem', async () => {
      for (const path of [`/charts/mta.svg?from=2026-03-02&to=2026-03-25&milestones=${tool.key},${ppap.key}`, '/charts/timeline.svg']) {
        const res = await call(t, { method: 'GET', url: url(code, path) });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
        expect(res.body.startsWith('<svg')).toBe(true);
        expect(res.body).toContain(tool.key);
        expect(res.body).toContain(ppap.key);
        expectProblem(await call(t, { method: 'GET', url: url(code, path) }, outsider), 404, 'PROGRAM_NOT_FOUND');
      }
      expectProblem(await call(t, { method: 'GET', url: url(code, '/charts/mta.svg?milestones=M-99') }), 404, 'MILESTONE_NOT_FOUND');
      expectProblem(await call(t, { method: 'GET', url: url(code, '/plan') }, outsider), 404, 'PROGRAM_NOT_FOUND');
    });

    it('writes the charts’ dates as the page does: its locale, else the browser’s language, else YYYY-MM-DD', async () => {
      const svg = async (query: string, headers: Record<string, string> = {}) => {
        const res = await call(t, { method: 'GET', url: url(code, `/charts/timeline.svg${query}`), headers });
        expect(res.statusCode, res.body).toBe(200);
        return res.body;
      };
      // Today at the factory, in the chart's description, as the page writes a date in that locale.
      const today = (await call(t, { method: 'GET', url: url(code, '/plan') })).json<{ today: string }>().today;
      const written = (locale: string) =>
        new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(
          Date.parse(`${today}T00:00:00Z`),
        );
      expect(written('en-GB')).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
      expect(await svg('?locale=en-GB')).toContain(`Today ${written('en-GB')}.`);
      expect(await svg('', { 'accept-language': 'en-US,en;q=0.8' })).toContain(`Today ${written('en-US')}.`);
      expect(await svg('?locale=en-GB', { 'accept-language': 'en-US' })).toContain(`Today ${written('en-GB')}.`);
      const plain = await svg('');
      expect(plain).toContain(`Today ${today}.`);
      expect(plain).not.toContain(written('en-GB'));
      const refused = expectProblem(
        await call(t, { method: 'GET', url: url(code, '/charts/mta.svg?locale=not%20a%20locale') }),
        422,
        'VALIDATION_FAILED',
      );
      expect(paths(refused)).toEqual(['locale']);
    });
  });
});
