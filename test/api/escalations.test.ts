import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import type { Actor } from '../../src/app/deps.js';
import { sweepEscalations } from '../../src/app/escalations/sweep-escalations.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, expectProblem, paths, seedProgram, seedUser } from './helpers.js';
import { seedDecision } from './seed-records.js';

interface EscalationBody {
  key: string;
  programCode: string;
  triggerKind: string;
  conditionKey: string;
  subject: { kind: string; ref: string; title: string; link: string };
  owner: { id: string; name: string };
  status: string;
  isOverdue: boolean;
  deadlineAt: string;
  level: number;
  outcome: string | null;
  decision: { id: string; key: string } | null;
  version: number;
}

// Wednesday 11 March 2026, noon in Ningbo (Asia/Shanghai).
const now = new Date('2026-03-11T04:00:00Z');

describe.each(dialects)('escalations API on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let chen: Actor;
  const base = () => `/api/v1/programs/${program.code}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    program = await seedProgram(t, 'KHG-ESC');
    chen = await seedUser(t, 'Chen Wei', 'chen@example.test', { programId: program.id, role: 'contributor' });
    unwrap(
      await createMilestone(t.deps, {
        programId: program.id,
        actor: t.actor,
        name: 'Tooling T1 samples',
        phase: 'G2',
        baselineDate: '2026-03-09' as PlainDate,
        ownerId: t.actor.id,
      }),
    );
    await sweepEscalations(t.deps);
  });
  afterAll(() => t.close());

  it('lists triggers (defaults first) and sets one at its version, refusing what is out of bounds by field', async () => {
    const listed = await call(t, { method: 'GET', url: `${base()}/triggers` }, chen);
    expect(listed.statusCode).toBe(200);
    const items = listed.json<{ items: { kind: string; isDefault: boolean; version: number; window: { unit: string } }[] }>().items;
    expect(items.map((i) => i.kind)).toContain('missed_milestone');
    expect(items.every((i) => i.isDefault && i.version === 0)).toBe(true);
    const body = {
      version: 0,
      isEnabled: true,
      threshold: 12,
      severity: 'critical',
      owner: { kind: 'person', userId: chen.id },
      window: { unit: 'business_hours', amount: 8 },
      climbs: false,
    };
    expectProblem(await call(t, { method: 'PUT', url: `${base()}/triggers/risk_score`, payload: body }, chen), 403, 'FORBIDDEN');
    const bad = expectProblem(
      await call(t, { method: 'PUT', url: `${base()}/triggers/risk_score`, payload: { ...body, threshold: 40 } }),
      422,
      'VALIDATION_FAILED',
    );
    expect(paths(bad)).toEqual(['threshold']);
    expectProblem(await call(t, { method: 'PUT', url: `${base()}/triggers/no_such_kind`, payload: body }), 422, 'VALIDATION_FAILED');
    const set = await call(t, { method: 'PUT', url: `${base()}/triggers/risk_score`, payload: body });
    expect(set.statusCode, set.body).toBe(200);
    expect(
      set.json<{ items: { kind: string; version: number; threshold: number }[] }>().items.find((i) => i.kind === 'risk_score'),
    ).toMatchObject({
      version: 1,
      threshold: 12,
    });
    expectProblem(await call(t, { method: 'PUT', url: `${base()}/triggers/risk_score`, payload: body }), 409, 'VERSION_CONFLICT');
  });

  it('lists the raised escalation on the program and as the owner’s own, then acknowledges and resolves it with a decision', async () => {
    const list = await call(t, { method: 'GET', url: `${base()}/escalations` }, chen);
    expect(list.statusCode, list.body).toBe(200);
    const [e] = list.json<{ items: EscalationBody[] }>().items;
    expect(e).toMatchObject({
      key: 'X-1',
      triggerKind: 'missed_milestone',
      status: 'open',
      level: 0,
      owner: { id: t.actor.id },
      isOverdue: false,
    });
    expect(e?.subject).toMatchObject({ kind: 'milestone', ref: 'M-1', link: `/programs/${program.code}/plan#M-1` });
    const summary = await call(t, { method: 'GET', url: base() });
    expect(summary.json<{ openEscalations: number; overdueEscalations: number }>()).toMatchObject({
      openEscalations: 1,
      overdueEscalations: 0,
    });
    const mine = await call(t, { method: 'GET', url: '/api/v1/escalations?owner=me&status=open' });
    expect(mine.json<{ items: EscalationBody[] }>().items.map((x) => x.key)).toEqual(['X-1']);
    const week = await call(t, { method: 'GET', url: '/api/v1/me/week' });
    expect(week.statusCode, week.body).toBe(200);
    expect(week.json<{ escalations: EscalationBody[] }>().escalations.map((x) => x.key)).toEqual(['X-1']);
    const chens = await call(t, { method: 'GET', url: '/api/v1/escalations?owner=me' }, chen);
    expect(chens.json<{ items: EscalationBody[] }>().items).toEqual([]);
    expectProblem(await call(t, { method: 'GET', url: '/api/v1/escalations?status=nonsense' }), 422, 'VALIDATION_FAILED');
    expectProblem(await call(t, { method: 'GET', url: `${base()}/escalations/X-99` }), 404, 'ESCALATION_NOT_FOUND');

    expectProblem(
      await call(t, { method: 'POST', url: `${base()}/escalations/X-1/acknowledge`, payload: { version: 1 } }, chen),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await call(t, { method: 'POST', url: `${base()}/escalations/X-1/acknowledge`, payload: { version: 7 } }),
      409,
      'VERSION_CONFLICT',
    );
    const acked = await call(t, { method: 'POST', url: `${base()}/escalations/X-1/acknowledge`, payload: { version: 1 } });
    expect(acked.json<EscalationBody>()).toMatchObject({ status: 'acknowledged', version: 2 });

    const d = await seedDecision(t, program, t.actor, { statement: 'Accept the T1 delay?', ownerId: t.actor.id, dueDate: '2026-03-20' });
    const noOutcome = expectProblem(
      await call(t, { method: 'POST', url: `${base()}/escalations/X-1/resolve`, payload: { version: 2, outcome: ' ' } }),
      422,
      'OUTCOME_REQUIRED',
    );
    expect(paths(noOutcome)).toEqual(['outcome']);
    expectProblem(
      await call(t, {
        method: 'POST',
        url: `${base()}/escalations/X-1/resolve`,
        payload: { version: 2, outcome: 'x', decisionId: 'D-404' },
      }),
      422,
      'LINK_TARGET_NOT_FOUND',
    );
    const resolved = await call(t, {
      method: 'POST',
      url: `${base()}/escalations/X-1/resolve`,
      payload: { version: 2, outcome: 'Delay accepted; T2 pulled in', decisionId: d.key },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json<EscalationBody>()).toMatchObject({
      status: 'resolved',
      outcome: 'Delay accepted; T2 pulled in',
      decision: { key: d.key },
    });
    expectProblem(
      await call(t, { method: 'POST', url: `${base()}/escalations/X-1/acknowledge`, payload: { version: 3 } }),
      409,
      'ESCALATION_CLOSED',
    );
    // Its history is the change log: raised by Tollgate's trigger actor, then the lead's steps.
    const log = await call(t, { method: 'GET', url: `${base()}/change-log?record=X-1` });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.body).toContain('Tollgate (missed milestone trigger)');
    const after = await call(t, { method: 'GET', url: base() });
    expect(after.json<{ openEscalations: number }>().openEscalations).toBe(0);
    // Resolved while the milestone is still missed: no second escalation for it.
    await sweepEscalations(t.deps);
    const open = await call(t, { method: 'GET', url: `${base()}/escalations?status=all` });
    expect(open.json<{ items: EscalationBody[] }>().items.filter((x) => x.conditionKey === 'missed_milestone:M-1')).toHaveLength(1);
  });
});
