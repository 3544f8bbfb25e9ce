import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAction } from '../../src/app/actions/open-action.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import { requestDecision } from '../../src/app/decisions/request-decision.js';
import type { Actor } from '../../src/app/deps.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, expectProblem, paths, seedProgram, seedUser } from './helpers.js';
import { seedRisk } from './seed-records.js';

/*
 * GET /api/v1/search: by key, by words (case-insensitive, every word), by program code; wildcard
 * characters are plain; only in the programs the reader sees; refusals name the field.
 */

const d = (s: string) => s as PlainDate;
const now = new Date('2026-06-17T04:00:00.000Z');

interface Hit {
  kind: string;
  programCode: string;
  key: string | null;
  title: string;
  status: string;
}
interface Results {
  q: string;
  groups: { kind: string; items: Hit[]; hasMore: boolean }[];
}

describe.each(dialects)('search on %s', (dialect) => {
  let t: TestApp;
  let alpha: Program;
  let beta: Program;
  let outsider: Actor;

  const search = async (query: string, who?: Actor): Promise<Results> => {
    const res = await call(t, { method: 'GET', url: `/api/v1/search?${query}` }, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Results>();
  };
  /** Every hit as "CODE KEY" (programs as their code alone), grouped by kind. */
  const found = async (q: string, who?: Actor) => {
    const r = await search(`q=${encodeURIComponent(q)}`, who);
    expect(r.groups.map((g) => g.kind)).toEqual(['program', 'milestone', 'decision', 'risk', 'action']);
    return Object.fromEntries(
      r.groups.map((g) => [g.kind, g.items.map((h) => (h.key ? `${h.programCode} ${h.key}` : h.programCode)).sort()]),
    );
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    alpha = await seedProgram(t, 'SR-ALPHA');
    beta = await seedProgram(t, 'SR-BETA');
    outsider = await seedUser(t, 'Lena Vogt', 'lena.search@example.test', { programId: beta.id });
    const dana = t.actor;
    const milestone = (p: Program, name: string) =>
      createMilestone(t.deps, { programId: p.id, actor: dana, name, phase: 'G2', ownerId: dana.id, baselineDate: d('2026-09-30') }).then(
        unwrap,
      );
    await milestone(alpha, 'Pilot run at 100% rate'); // M-1
    await milestone(alpha, 'Tooling_T2 released'); // M-2
    await milestone(alpha, 'Batch one'); // M-3
    await milestone(alpha, 'Batch two'); // M-4
    await milestone(alpha, 'Batch three'); // M-5
    await milestone(beta, 'PILOT run in Ningbo'); // M-1
    unwrap(
      await requestDecision(t.deps, {
        programId: alpha.id,
        actor: dana,
        statement: 'Approve the tooling deposit',
        ownerId: dana.id,
        dueDate: d('2026-07-01'),
      }),
    );
    await seedRisk(t, alpha, dana, {
      title: 'Supplier capacity for the pilot',
      ownerId: dana.id,
      likelihood: 3,
      impact: 3,
      reviewDate: '2026-07-01',
    });
    unwrap(
      await openAction(t.deps, {
        programId: alpha.id,
        actor: dana,
        title: 'Chase pilot parts',
        ownerId: dana.id,
        dueDate: d('2026-07-01'),
      }),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds a record by its key in every program the reader sees, and only there', async () => {
    expect((await found('m-1')).milestone).toEqual(['SR-ALPHA M-1', 'SR-BETA M-1']);
    expect((await found('M-1', outsider)).milestone).toEqual(['SR-BETA M-1']);
    expect((await found('D-1')).decision).toEqual(['SR-ALPHA D-1']);
    expect((await found('D-1', outsider)).decision).toEqual([]);
  });

  it('finds by every word, ignoring case, across kinds, and never another client’s records', async () => {
    const mine = await found('pilot');
    expect(mine).toMatchObject({
      milestone: ['SR-ALPHA M-1', 'SR-BETA M-1'],
      risk: ['SR-ALPHA R-1'],
      action: ['SR-ALPHA A-1'],
    });
    expect(await found('PILOT')).toEqual(mine);
    expect((await found('pilot ningbo')).milestone).toEqual(['SR-BETA M-1']);
    expect(await found('pilot', outsider)).toEqual({ program: [], milestone: ['SR-BETA M-1'], decision: [], risk: [], action: [] });
  });

  it('finds programs by code or name, only those the reader sees', async () => {
    expect((await found('sr-alpha')).program).toEqual(['SR-ALPHA']);
    expect((await found('sr-alpha', outsider)).program).toEqual([]);
    expect((await found('kettle', outsider)).program).toEqual(['SR-BETA']);
  });

  it('takes % and _ as plain characters', async () => {
    expect((await found('100%')).milestone).toEqual(['SR-ALPHA M-1']);
    expect((await found('%')).milestone).toEqual(['SR-ALPHA M-1']);
    expect((await found('_')).milestone).toEqual(['SR-ALPHA M-2']);
    expect((await found('g_T2')).milestone).toEqual(['SR-ALPHA M-2']);
    expect((await found('Tooling%released')).milestone).toEqual([]);
    expect((await found('\\')).milestone).toEqual([]);
  });

  it('gives at most limit hits of a kind and says there are more', async () => {
    const r = await search('q=batch&limit=2');
    const milestones = r.groups.find((g) => g.kind === 'milestone');
    expect(milestones?.items.map((h) => h.title)).toEqual(['Batch one', 'Batch three']);
    expect(milestones?.hasMore).toBe(true);
    const all = (await search('q=batch&limit=3')).groups.find((g) => g.kind === 'milestone');
    expect(all).toMatchObject({ hasMore: false });
    expect(all?.items).toHaveLength(3);
    expect(all?.items[0]).toEqual({
      kind: 'milestone',
      programCode: 'SR-ALPHA',
      programName: 'Kettle SR-ALPHA',
      key: 'M-3',
      title: 'Batch one',
      status: 'open',
    });
  });

  it('refuses an empty, blank or too long query and a bad limit, naming the field', async () => {
    for (const query of ['q=', 'q=%20%20', '', `q=${'x'.repeat(101)}`]) {
      const p = expectProblem(await call(t, { method: 'GET', url: `/api/v1/search?${query}` }), 422, 'VALIDATION_FAILED');
      expect(paths(p), query).toContain('q');
    }
    for (const query of ['q=a&limit=0', 'q=a&limit=51', 'q=a&limit=x']) {
      const p = expectProblem(await call(t, { method: 'GET', url: `/api/v1/search?${query}` }), 422, 'VALIDATION_FAILED');
      expect(paths(p), query).toContain('limit');
    }
    expect((await search(`q=${'x'.repeat(100)}`)).groups.every((g) => g.items.length === 0)).toBe(true);
  });

  it('needs a signed-in caller', async () => {
    expectProblem(await call(t, { method: 'GET', url: '/api/v1/search?q=pilot' }, 'anonymous'), 401, 'UNAUTHENTICATED');
  });
});
