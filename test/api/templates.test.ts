import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { type Caller, call, expectProblem, paths } from './helpers.js';

/*
 * GET /api/v1/templates and /templates/:templateId: the shipped program templates, for everyone
 * signed in. Shipped templates are data in the code, so one dialect is enough for them; the
 * authorization matrix calls every template route on both.
 */

interface Summary {
  id: string;
  version: number;
  ppapLevel: number | null;
  source: string;
  gates: { key: string; name: string; items: number; requiredItems: number }[];
  milestones: number;
}
interface Item {
  key: string;
  title: string;
  isRequired: boolean;
  dueOffsetDays: number;
  ppap: { element: number; requirement: string; isReviewedAtSupplierSite: boolean } | null;
}
interface Template {
  id: string;
  ppapLevel: number | null;
  gates: { key: string; name: string; reviewMilestoneKey: string; checklist: Item[] }[];
  milestones: { key: string; gateKey: string; predecessors: { milestoneKey: string; lagDays: number }[] }[];
}

describe('program templates over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async <T>(url: string): Promise<T> => {
    const res = await call(t, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  it('lists the two shipped templates with their gates and checklist sizes', async () => {
    const { items } = await get<{ items: Summary[] }>('/api/v1/templates');
    expect(items.map((s) => [s.id, s.version, s.source])).toEqual([
      ['default-4-gate', 1, 'shipped'],
      ['apqp-ppap', 1, 'shipped'],
    ]);
    const four = items[0] as Summary;
    expect(four.gates.map((g) => g.name)).toEqual([
      'Pre-production readiness',
      'Pilot run checks',
      'Active run control',
      'Release preparation',
    ]);
    for (const g of four.gates) expect(g.requiredItems).toBeLessThanOrEqual(g.items);
    expect(four.milestones).toBeGreaterThan(4);
    expect((items[1] as Summary).ppapLevel).toBe(3);
  });

  it('shows a template in full: every gate review milestone is one of its milestones, predecessors come first', async () => {
    const tpl = await get<Template>('/api/v1/templates/default-4-gate');
    const keys = tpl.milestones.map((m) => m.key);
    for (const g of tpl.gates) expect(keys).toContain(g.reviewMilestoneKey);
    tpl.milestones.forEach((m, i) => {
      for (const p of m.predecessors) expect(keys.indexOf(p.milestoneKey)).toBeLessThan(i);
    });
    expect(tpl.gates[0]?.checklist.map((i) => i.title)).toContain('Golden sample approved');
    for (const g of tpl.gates) for (const i of g.checklist) expect(i.dueOffsetDays).toBeLessThanOrEqual(0);
  });

  it('makes the PPAP release checklist for the submission level asked for, the part submission warrant last', async () => {
    const release = async (level?: number) => {
      const tpl = await get<Template>(`/api/v1/templates/apqp-ppap${level === undefined ? '' : `?ppapLevel=${level}`}`);
      return { level: tpl.ppapLevel, items: tpl.gates.at(-1)?.checklist ?? [] };
    };
    const byDefault = await release();
    expect(byDefault.level).toBe(3);
    const one = await release(1);
    const three = await release(3);
    expect(one.level).toBe(1);
    for (const r of [one, three]) {
      expect(r.items).toHaveLength(18);
      expect(r.items.at(-1)).toMatchObject({ title: 'Part submission warrant', ppap: { element: 18, requirement: 'submit' } });
    }
    // Level 1 submits the warrant (and the appearance approval report) and retains the rest; level 3 submits far more.
    const submitted = (items: Item[]) => items.filter((i) => i.ppap?.requirement === 'submit').length;
    expect(submitted(one.items)).toBeLessThanOrEqual(2);
    expect(submitted(three.items)).toBeGreaterThan(10);
  });

  it('refuses an unknown template, a level out of range, and a level for a template without PPAP, naming the field', async () => {
    expectProblem(await call(t, { method: 'GET', url: '/api/v1/templates/no-such-template' }), 404, 'TEMPLATE_NOT_FOUND');
    expect(
      paths(expectProblem(await call(t, { method: 'GET', url: '/api/v1/templates/apqp-ppap?ppapLevel=9' }), 422, 'VALIDATION_FAILED')),
    ).toEqual(['ppapLevel']);
    expect(
      paths(expectProblem(await call(t, { method: 'GET', url: '/api/v1/templates/default-4-gate?ppapLevel=2' }), 422, 'VALIDATION_FAILED')),
    ).toEqual(['ppapLevel']);
    expectProblem(await call(t, { method: 'GET', url: '/api/v1/templates' }, 'anonymous'), 401, 'UNAUTHENTICATED');
  });
});

interface FullTemplate extends Template {
  name: string;
  version: number;
  source: string;
  basedOn: { id: string; version: number } | null;
  isArchived: boolean;
  description: string;
  escalation: { responseDays: number; forecastSlipDays: number; riskScoreAtLeast: number };
}

/*
 * Workspace templates: admins copy a template (shipped or the workspace's) and edit the copy through
 * the one write path; a program made from it records its id and version. Both dialects; on PostgreSQL
 * two instances copy under one id at the same moment.
 */
describe.each(['sqlite', 'postgres'] as const)('workspace templates over HTTP (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(new Date('2026-03-11T04:00:00Z'));
  });
  afterAll(async () => {
    await t?.close();
  });

  const copy = (from: string, body: object, who: Caller = t.admin) =>
    call(t, { method: 'POST', url: `/api/v1/templates/${from}/copy`, payload: body }, who);
  const edit = (id: string, body: object, who: Caller = t.admin) =>
    call(t, { method: 'PATCH', url: `/api/v1/templates/${id}`, payload: body }, who);
  const read = async (id: string) => {
    const res = await call(t, { method: 'GET', url: `/api/v1/templates/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<FullTemplate>();
  };
  const makeProgram = async (code: string, templateId: string, ppapLevel?: 1 | 2 | 3 | 4 | 5) => {
    const existing = (await t.deps.store.reads.listClients()).find((c) => c.name === 'Keller Haushaltsgeräte GmbH');
    const client = existing ?? unwrap(await createClient(t.deps, { actor: t.admin, name: 'Keller Haushaltsgeräte GmbH', country: 'de' }));
    return createProgram(t.deps, {
      actor: t.admin,
      code,
      name: `Kettle ${code}`,
      clientId: client.id,
      supplierName: 'Ningbo Lisheng Electric Appliance',
      factoryCity: 'Ningbo',
      factoryCountry: 'cn',
      timeZone: 'Asia/Shanghai',
      ownerId: t.actor.id,
      status: 'draft',
      templateId,
      ppapLevel,
      planStart: '2026-03-16' as PlainDate,
    });
  };

  it('an admin copies a shipped template: the workspace’s own at version 1, based on the shipped one, listed after the shipped', async () => {
    const res = await copy('default-4-gate', { id: 'keller-4-gate', name: 'Keller four gates', reason: 'Keller’s own checklists' });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json<FullTemplate>();
    const shipped = await read('default-4-gate');
    expect(made).toMatchObject({
      id: 'keller-4-gate',
      name: 'Keller four gates',
      version: 1,
      source: 'workspace',
      basedOn: { id: 'default-4-gate', version: 1 },
      isArchived: false,
    });
    expect(made.gates).toEqual(shipped.gates);
    expect(made.milestones).toEqual(shipped.milestones);
    const { items } = await (await call(t, { method: 'GET', url: '/api/v1/templates' })).json<{ items: Summary[] }>();
    expect(items.map((s) => [s.id, s.source])).toEqual([
      ['default-4-gate', 'shipped'],
      ['apqp-ppap', 'shipped'],
      ['keller-4-gate', 'workspace'],
    ]);
    expect(await read('keller-4-gate')).toEqual(made);
    const logged = await t.db.rows(
      `select field, actor_id, reason from changes where entity = 'workspace_template' and entity_id = 'keller-4-gate'`,
    );
    expect(logged.map((r) => r.field).sort()).toEqual(
      [
        'archivedAt',
        'basedOnId',
        'basedOnVersion',
        'createdById',
        'description',
        'escalation',
        'gates',
        'milestones',
        'name',
        'ppapLevel',
        'updatedById',
      ]
        .filter((f) => f !== 'archivedAt' && f !== 'ppapLevel')
        .sort(),
    );
    expect(logged.every((r) => r.actor_id === t.admin.id && r.reason === 'Keller’s own checklists')).toBe(true);
  });

  it('refuses a copy by someone not an admin, under an id in use or malformed, and of an unknown template', async () => {
    expectProblem(await copy('default-4-gate', { id: 'mine', name: 'Mine' }, t.actor), 403, 'FORBIDDEN');
    expect(paths(expectProblem(await copy('default-4-gate', { id: 'keller-4-gate', name: 'Again' }), 409, 'TEMPLATE_EXISTS'))).toEqual([
      'id',
    ]);
    expect(paths(expectProblem(await copy('keller-4-gate', { id: 'apqp-ppap', name: 'Shadow' }), 409, 'TEMPLATE_EXISTS'))).toEqual(['id']);
    expect(paths(expectProblem(await copy('default-4-gate', { id: 'Has Spaces', name: '' }), 422, 'VALIDATION_FAILED'))).toEqual([
      'id',
      'name',
    ]);
    expectProblem(await copy('no-such-template', { id: 'other', name: 'Other' }), 404, 'TEMPLATE_NOT_FOUND');
  });

  it('edits a workspace template at the version read, with a reason; shipped ones are read-only', async () => {
    expectProblem(await edit('default-4-gate', { version: 1, reason: 'Try', name: 'Mine' }), 409, 'TEMPLATE_READ_ONLY');
    expectProblem(await edit('keller-4-gate', { version: 1, reason: 'Try', name: 'Mine' }, t.actor), 403, 'FORBIDDEN');
    expect(paths(expectProblem(await edit('keller-4-gate', { version: 1, reason: '', name: 'Mine' }), 422, 'VALIDATION_FAILED'))).toEqual([
      'reason',
    ]);
    const before = await read('keller-4-gate');
    const g1 = before.gates[0] as FullTemplate['gates'][number];
    const gates = [
      {
        ...g1,
        checklist: [
          ...g1.checklist.slice(1),
          { ...g1.checklist[0], key: 'G1-KELLER-LABEL', title: 'Keller label artwork approved', dueOffsetDays: -3 },
        ],
      },
      ...before.gates.slice(1),
    ];
    const res = await edit('keller-4-gate', { version: 1, reason: 'Keller asks for its label artwork at G1', name: 'Keller gates', gates });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<FullTemplate>();
    expect(after.version).toBe(2);
    expect(after.name).toBe('Keller gates');
    expect(after.gates[0]?.checklist.at(-1)).toMatchObject({ key: 'G1-KELLER-LABEL', dueOffsetDays: -3 });
    const stale = expectProblem(await edit('keller-4-gate', { version: 1, reason: 'Late', name: 'Other' }), 409, 'VERSION_CONFLICT');
    expect((stale.current as unknown as FullTemplate).version).toBe(2);
    expectProblem(await edit('keller-4-gate', { version: 2, reason: 'Same', name: 'Keller gates' }), 422, 'NOTHING_TO_CHANGE');
    const logged = await t.db.rows(
      `select field, reason from changes where entity = 'workspace_template' and entity_id = 'keller-4-gate' and reason like 'Keller asks%'`,
    );
    expect(logged.map((r) => r.field).sort()).toEqual(['gates', 'name']);
  });

  it('refuses an edit that breaks the template, naming each field: a review milestone missing, a cycle, bounds', async () => {
    const cur = await read('keller-4-gate');
    const g1 = cur.gates[0] as FullTemplate['gates'][number];
    const m0 = cur.milestones[0] as FullTemplate['milestones'][number];
    const last = cur.milestones.at(-1) as FullTemplate['milestones'][number];
    const broken = await edit('keller-4-gate', {
      version: cur.version,
      reason: 'Broken',
      gates: [{ ...g1, reviewMilestoneKey: 'NOWHERE' }, ...cur.gates.slice(1)],
      milestones: [{ ...m0, predecessors: [{ milestoneKey: last.key, lagDays: 5 }] }, ...cur.milestones.slice(1)],
    });
    const problem = expectProblem(broken, 422, 'VALIDATION_FAILED');
    expect(paths(problem)).toEqual(['gates[0].reviewMilestoneKey', 'milestones[0].predecessors[0].milestoneKey']);
    expect(problem.errors?.[1]?.message).toMatch(/cycle/);
    const tooMany = Array.from({ length: 61 }, (_, i) => ({ ...g1.checklist[0], key: `X-${i}` }));
    expect(
      paths(
        expectProblem(
          await edit('keller-4-gate', { version: cur.version, reason: 'Big', gates: [{ ...g1, checklist: tooMany }] }),
          422,
          'VALIDATION_FAILED',
        ),
      ),
    ).toEqual(['gates.0.checklist']);
    expect((await read('keller-4-gate')).version).toBe(cur.version);
  });

  it('a program made from a workspace template records its id and version on its gates; an archived one is not offered', async () => {
    const program = unwrap(await makeProgram('KHG-WS1', 'keller-4-gate'));
    const res = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/gates` }, t.admin);
    expect(res.statusCode, res.body).toBe(200);
    const gates = res.json<{ gates: { key: string; templateId: string; templateVersion: number }[] }>().gates;
    expect(gates.map((g) => [g.key, g.templateId, g.templateVersion])).toEqual([
      ['G1', 'keller-4-gate', 2],
      ['G2', 'keller-4-gate', 2],
      ['G3', 'keller-4-gate', 2],
      ['G4', 'keller-4-gate', 2],
    ]);
    const g1 = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/gates/G1` }, t.admin);
    expect(g1.json<{ items: { key: string }[] }>().items.map((i) => i.key)).toContain('G1-KELLER-LABEL');
    const archived = await edit('keller-4-gate', { version: 2, reason: 'Replaced', isArchived: true });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json<FullTemplate>()).toMatchObject({ isArchived: true, version: 3 });
    const refused = await makeProgram('KHG-WS2', 'keller-4-gate');
    expect(refused.ok ? [] : refused.error.fields?.map((f) => f.path)).toEqual(['templateId']);
  });

  it('a copy of the PPAP template keeps its level rules: made for a level, another level re-derives the elements, the warrant stays last', async () => {
    const res = await copy('apqp-ppap', { id: 'keller-ppap', name: 'Keller PPAP', ppapLevel: 2 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<FullTemplate>()).toMatchObject({ ppapLevel: 2, basedOn: { id: 'apqp-ppap', version: 1 } });
    const four = await edit('keller-ppap', { version: 1, reason: 'The customer asks for level 4', ppapLevel: 4 });
    expect(four.statusCode, four.body).toBe(200);
    const shipped4 = await read('apqp-ppap?ppapLevel=4');
    expect(four.json<FullTemplate>().gates.at(-1)?.checklist).toEqual(shipped4.gates.at(-1)?.checklist);
    const cur = four.json<FullTemplate>();
    const release = cur.gates.at(-1) as FullTemplate['gates'][number];
    const pswFirst = [{ ...release, checklist: [release.checklist.at(-1), ...release.checklist.slice(0, -1)] }];
    const refused = await edit('keller-ppap', { version: 2, reason: 'Reorder', gates: [...cur.gates.slice(0, -1), ...pswFirst] });
    expect(paths(expectProblem(refused, 422, 'VALIDATION_FAILED'))).toEqual(['gates[3].checklist[0].ppap']);
    const program = unwrap(await makeProgram('KHG-WS3', 'keller-ppap', 1));
    const gates = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/gates` }, t.admin);
    expect(gates.json<{ gates: { templateId: string; templateVersion: number; ppapLevel: number }[] }>().gates[3]).toMatchObject({
      templateId: 'keller-ppap',
      templateVersion: 2,
      ppapLevel: 1,
    });
  });

  it('a program made from a template keeps the template’s escalation settings as its triggers; editing the template later changes no program', async () => {
    expect((await copy('default-4-gate', { id: 'keller-fast', name: 'Keller fast response' })).statusCode).toBe(201);
    const escalation = { responseDays: 4, forecastSlipDays: 3, riskScoreAtLeast: 12 };
    const edited = await edit('keller-fast', { version: 1, reason: 'Keller answers within four days', escalation });
    expect(edited.statusCode, edited.body).toBe(200);
    type Listed = { items: { kind: string; isDefault: boolean; threshold: number | null; window: { unit: string; amount: number } }[] };
    const triggersOf = async (code: string) => {
      const res = await call(t, { method: 'GET', url: `/api/v1/programs/${code}/triggers` }, t.admin);
      expect(res.statusCode, res.body).toBe(200);
      return new Map(res.json<Listed>().items.map((x) => [x.kind, x]));
    };
    const program = unwrap(await makeProgram('KHG-FAST', 'keller-fast'));
    const own = await triggersOf(program.code);
    expect(own.get('forecast_slip')).toMatchObject({ isDefault: false, threshold: 3, window: { unit: 'business_days', amount: 4 } });
    expect(own.get('risk_score')).toMatchObject({ isDefault: false, threshold: 12, window: { amount: 4 } });
    expect(own.get('overdue_decision')).toMatchObject({ isDefault: false, threshold: 0, window: { amount: 4 } });
    // Floor events are answered the same business day whatever the template says.
    expect(own.get('defect_threshold')).toMatchObject({ isDefault: true, window: { amount: 1 } });
    const logged = await t.db.rows(
      `select entity_key, reason from changes where entity = 'trigger' and field = 'kind' and program_id = '${program.id}'`,
    );
    expect(logged.map((r) => r.entity_key).sort()).toEqual(
      ['gate_at_risk', 'missed_milestone', 'overdue_action', 'overdue_decision', 'forecast_slip', 'risk_score']
        .map((k) => `KHG-FAST/${k}`)
        .sort(),
    );
    expect(new Set(logged.map((r) => r.reason))).toEqual(new Set(['The default of the template Keller fast response']));
    // A shipped template's settings are Tollgate's own: nothing is written, every trigger is the default.
    const plain = unwrap(await makeProgram('KHG-PLAIN', 'default-4-gate'));
    expect([...(await triggersOf(plain.code)).values()].every((x) => x.isDefault)).toBe(true);
    const later = await edit('keller-fast', { version: 2, reason: 'Slower now', escalation: { ...escalation, riskScoreAtLeast: 20 } });
    expect(later.statusCode, later.body).toBe(200);
    expect((await triggersOf(program.code)).get('risk_score')).toMatchObject({ threshold: 12 });
  });
});

describe('workspace templates copied at the same moment (PostgreSQL, two instances)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('postgres');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('two instances copy under one id at the same moment: one wins, the other is TEMPLATE_EXISTS (10 rounds)', async () => {
    const second = await t.restart();
    const adminHeaders = await t.as(t.admin);
    for (let i = 0; i < 10; i++) {
      const body = { id: `race-${i}`, name: `Race ${i}` };
      const answers = await Promise.all(
        [t.http, second.http].map((app) =>
          app.inject({ method: 'POST', url: '/api/v1/templates/default-4-gate/copy', payload: body, headers: adminHeaders }),
        ),
      );
      const outcome = answers.map((a) => [a.statusCode, a.statusCode === 201 ? 'made' : a.json<{ code: string }>().code]).sort();
      expect(outcome).toEqual([
        [201, 'made'],
        [409, 'TEMPLATE_EXISTS'],
      ]);
    }
    const rows = await t.db.rows(`select id from workspace_templates where id like 'race-%'`);
    expect(rows).toHaveLength(10);
  });
});
