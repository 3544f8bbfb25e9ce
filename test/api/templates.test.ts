import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { call, expectProblem, paths } from './helpers.js';

/*
 * GET /api/v1/templates and /templates/:templateId: the shipped program templates, for everyone
 * signed in. Templates are data in the code (no table yet), so one dialect is enough here; the
 * authorization matrix calls both routes on both.
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
