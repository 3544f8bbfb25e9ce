import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSetupLink } from '../../src/app/auth/create-setup-link.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, createTestServer, type Headers, type TestApp } from '../support/app.js';
import { seedProgram, seedUser } from './helpers.js';

/**
 * Rules that read other rows (no cycle, at least one admin, one first admin, a decision approves one
 * baseline, the demo loaded once) under writes fired at the same moment through two instances on one
 * PostgreSQL database, each with its own connection pool and its own HTTP server on loopback.
 */
const rounds = 25;
const now = new Date('2026-03-11T04:00:00Z');

interface Answer {
  status: number;
  code?: string;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  if (!a || typeof a === 'string') throw new Error('no address');
  return `http://127.0.0.1:${a.port}`;
}

async function send(base: string, method: string, path: string, headers: Headers, body?: unknown): Promise<Answer> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as { code?: string };
  return { status: res.status, ...(json.code ? { code: json.code } : {}) };
}

const sorted = (answers: Answer[]) => [...answers].sort((a, b) => a.status - b.status);

describe('invariants under simultaneous writes on two instances (PostgreSQL)', { timeout: 600_000 }, () => {
  let t: TestApp;
  let a: string;
  let b: string;
  let program: Program;
  let lead: Headers;
  let jonas: Actor;

  beforeAll(async () => {
    t = await createTestApp('postgres');
    t.setNow(now);
    program = await seedProgram(t, 'KHG-RACE');
    jonas = await seedUser(t, 'Jonas Keller', 'jonas@example.test', { programId: program.id, role: 'decision_owner' });
    const second = await t.restart();
    (second.deps.clock as { now: () => Date }).now = () => now;
    a = await listen(t.http);
    b = await listen(second.http);
    lead = await t.as(t.actor);
  });
  afterAll(() => t.close());

  const milestone = async (name: string): Promise<{ key: string }> => {
    const r = await fetch(`${a}/api/v1/programs/${program.code}/milestones`, {
      method: 'POST',
      headers: { ...lead, 'content-type': 'application/json' },
      body: JSON.stringify({ name, phase: 'G2', baselineDate: '2026-04-01', ownerId: t.actor.id }),
    });
    expect(r.status).toBe(201);
    return (await r.json()) as { key: string };
  };
  const link = (base: string, predecessor: string, successor: string) =>
    send(base, 'POST', `/programs/${program.code}/links`, lead, { predecessor, successor, lagDays: 0 });

  it(`M-x → M-y and M-y → M-x at once: exactly one is linked, the other is a cycle (${rounds} rounds)`, async () => {
    for (let i = 0; i < rounds; i++) {
      const [x, y] = [await milestone(`X${i}`), await milestone(`Y${i}`)];
      const answers = await Promise.all([link(a, x.key, y.key), link(b, y.key, x.key)]);
      expect(sorted(answers), `round ${i}`).toEqual([{ status: 201 }, { status: 409, code: 'DEPENDENCY_CYCLE' }]);
    }
    // And no cycle was stored: the plan still computes, and a move still works.
    const plan = await fetch(`${a}/api/v1/programs/${program.code}/plan`, { headers: lead });
    expect(plan.status).toBe(200);
  });

  it(`the same link twice at once: one is made, the other is refused with 409 LINK_EXISTS (${rounds} rounds)`, async () => {
    for (let i = 0; i < rounds; i++) {
      const [x, y] = [await milestone(`P${i}`), await milestone(`Q${i}`)];
      const answers = await Promise.all([link(a, x.key, y.key), link(b, x.key, y.key)]);
      expect(sorted(answers), `round ${i}`).toEqual([{ status: 201 }, { status: 409, code: 'LINK_EXISTS' }]);
    }
  });

  it(`two re-baselines approved by one decision at once: one is taken, the other refused (${rounds} rounds)`, async () => {
    const activated = await send(a, 'POST', `/programs/${program.code}/activate`, lead, {
      version: (await t.deps.store.reads.findProgram(program.code))?.version,
    });
    expect(activated.status).toBe(201);
    const owner = await t.as(jonas);
    for (let i = 0; i < rounds; i++) {
      const asked = await fetch(`${a}/api/v1/programs/${program.code}/decisions`, {
        method: 'POST',
        headers: { ...lead, 'content-type': 'application/json' },
        body: JSON.stringify({ statement: `Accept slip ${i}?`, ownerId: jonas.id, dueDate: '2026-03-20' }),
      });
      const d = (await asked.json()) as { key: string; version: number };
      const decided = await send(a, 'POST', `/programs/${program.code}/decisions/${d.key}/decide`, owner, {
        version: d.version,
        outcome: 'Accept',
        rationale: 'No faster tool maker',
        expectedImpact: 'One week later',
      });
      expect(decided.status).toBe(200);
      const rebase = (base: string, name: string) =>
        send(base, 'POST', `/programs/${program.code}/baselines`, lead, { name, decisionId: d.key });
      const answers = await Promise.all([rebase(a, `A${i}`), rebase(b, `B${i}`)]);
      expect(sorted(answers), `round ${i}`).toEqual([{ status: 201 }, { status: 422, code: 'BASELINE_DECISION_INVALID' }]);
    }
  });

  it(`one program code asked for twice at once: one program is made, the other is refused naming the code (${rounds} rounds)`, async () => {
    const factory = (await t.deps.store.reads.listSuppliers())[0]?.factories[0];
    const admin = await t.as(t.admin);
    for (let i = 0; i < rounds; i++) {
      const make = (base: string, name: string) =>
        send(base, 'POST', '/programs', admin, { code: `RACE-${i}`, name, clientId: program.clientId, factoryId: factory?.id });
      // A program's answer has a `code` of its own (RACE-n): only a refusal's code is the error's.
      const answers = (await Promise.all([make(a, 'A'), make(b, 'B')])).map((x) => (x.status < 400 ? { status: x.status } : x));
      expect(sorted(answers), `round ${i}`).toEqual([{ status: 201 }, { status: 422, code: 'VALIDATION_FAILED' }]);
    }
    expect((await t.deps.store.reads.listPrograms()).filter((p) => p.code.startsWith('RACE-'))).toHaveLength(rounds);
  });

  it(`two admins removing each other at once: one goes, one admin always remains (${rounds} rounds)`, async () => {
    // Only two admins at a time: the test app's first admin and a fresh one each round.
    let keeper: Actor = t.admin;
    for (let i = 0; i < rounds; i++) {
      const other = await t.addPerson({ email: `admin${i}@example.test`, name: `Admin ${i}`, isAdmin: true });
      const [hk, ho] = [await t.as(keeper), await t.as(other)];
      const answers = await Promise.all([send(a, 'DELETE', `/people/${other.id}`, hk), send(b, 'DELETE', `/people/${keeper.id}`, ho)]);
      const statuses = sorted(answers);
      expect(statuses[0]?.status, `round ${i}`).toBe(200);
      // The loser is refused: the last admin cannot go, or its token ended with its removal.
      expect([409, 401], `round ${i}: ${JSON.stringify(answers)}`).toContain(statuses[1]?.status);
      const admins = (await t.deps.store.reads.listUsers()).filter((u) => u.isAdmin && u.status === 'active');
      expect(admins, `round ${i}`).toHaveLength(1);
      keeper = await t.person((admins[0] as { id: string }).id);
    }
  });
});

describe('first start on an empty PostgreSQL database, two instances at once', () => {
  // Known long tests (fresh databases, a full demo load): generous limits, so a busy machine never fails them.
  it('four setup links accepted at once create exactly one first admin (5 rounds)', { timeout: 600_000 }, async () => {
    for (let round = 0; round < 5; round++) {
      const s = await createTestServer('postgres');
      try {
        const second = await s.restart();
        const [a, b] = [await listen(s.http), await listen(second.http)];
        const links = [];
        for (let i = 0; i < 4; i++) links.push((await createSetupLink(i % 2 ? second.deps : s.deps))?.token);
        const answers = await Promise.all(
          links.map((token, i) =>
            send(
              i % 2 ? b : a,
              'POST',
              `/invites/${token}/accept`,
              {},
              { password: `Kettle-tooling-${round}-${i}!`, name: `First ${i}`, email: `first${i}@example.test` },
            ),
          ),
        );
        expect(
          answers.filter((x) => x.status === 200),
          JSON.stringify(answers),
        ).toHaveLength(1);
        expect(
          answers.filter((x) => x.status !== 200).every((x) => x.code === 'INVITE_INVALID'),
          JSON.stringify(answers),
        ).toBe(true);
        const admins = (await s.deps.store.reads.listUsers()).filter((u) => u.isAdmin);
        expect(admins).toHaveLength(1);
      } finally {
        await s.close();
      }
    }
  });

  it('two demo loads at once: one loads the demo, the other says so and fails nothing', async () => {
    const s = await createTestServer('postgres');
    try {
      const second = await s.restart();
      const results = await Promise.all([loadDemo(s.deps, { now }), loadDemo(second.deps as AppDeps, { now })]);
      const codes = results.map((r) => (r.ok ? 'loaded' : r.error.code)).sort();
      expect(codes).toEqual(['DEMO_NOT_EMPTY', 'loaded']);
      expect(await s.deps.store.reads.countPrograms()).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  }, 600_000);
});
