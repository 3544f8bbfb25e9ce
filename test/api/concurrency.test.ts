import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSetupLink } from '../../src/app/auth/create-setup-link.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, createTestServer, type Headers, type TestApp } from '../support/app.js';
import { writeCompleteCharter } from '../support/charter.js';
import { seedProgram, seedUser } from './helpers.js';

/**
 * Rules that read other rows (no cycle, at least one admin, one first admin, a decision approves one
 * baseline, the demo loaded once) under writes fired at the same moment through two instances on one
 * PostgreSQL database, each with its own connection pool and its own HTTP server on loopback.
 */
const rounds = 25;
/** Six milestones a round: fewer rounds keep the file's time down; either order shows within ten. */
const linkRounds = 10;
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

  it(`two links that push one successor, previewed then added at once: the plan holds for what was added, a stale push is refused (${linkRounds} rounds)`, async () => {
    const dated = async (name: string, baselineDate: string): Promise<{ id: string; key: string }> => {
      const r = await fetch(`${a}/api/v1/programs/${program.code}/milestones`, {
        method: 'POST',
        headers: { ...lead, 'content-type': 'application/json' },
        body: JSON.stringify({ name, phase: 'G2', baselineDate, ownerId: t.actor.id }),
      });
      expect(r.status).toBe(201);
      return (await r.json()) as { id: string; key: string };
    };
    const forecast = async (key: string) => {
      const r = await fetch(`${a}/api/v1/programs/${program.code}/milestones/${key}`, { headers: lead });
      return ((await r.json()) as { forecastDate: string }).forecastDate;
    };
    const preview = async (base: string, predecessor: string, successor: string) => {
      const r = await fetch(`${base}/api/v1/programs/${program.code}/links/preview`, {
        method: 'POST',
        headers: { ...lead, 'content-type': 'application/json' },
        body: JSON.stringify({ predecessor, successor }),
      });
      expect(r.status).toBe(200);
      const { pushes } = (await r.json()) as { pushes: { id: string; version: number }[] };
      return Object.fromEntries(pushes.map((p) => [p.id, p.version]));
    };
    const linkSeen = (base: string, predecessor: string, successor: string, pushedVersions?: Record<string, number>) =>
      send(base, 'POST', `/programs/${program.code}/links`, lead, {
        predecessor,
        successor,
        ...(pushedVersions ? { pushedVersions } : {}),
      });
    for (let i = 0; i < linkRounds; i++) {
      // Packaging (Wed 1 Apr) must wait for both the artwork (Fri 10 Apr) and the carton quote (Mon 13 Apr).
      const [art, quote, pack] = [
        await dated(`Art${i}`, '2026-04-10'),
        await dated(`Quote${i}`, '2026-04-13'),
        await dated(`Pack${i}`, '2026-04-01'),
      ];
      const [seenA, seenB] = await Promise.all([preview(a, art.key, pack.key), preview(b, quote.key, pack.key)]);
      const [byArt, byQuote] = await Promise.all([linkSeen(a, art.key, pack.key, seenA), linkSeen(b, quote.key, pack.key, seenB)]);
      // The quote's link first moves packaging to 13 Apr, past what the artwork's needs (nothing more to push:
      // both are added); the artwork's link first moves it to 10 Apr, so the quote's push is not the one previewed.
      let expected = '2026-04-13';
      if (byArt.status !== 201 || byQuote.status !== 201) {
        expect([byArt, byQuote], `round ${i}`).toEqual([{ status: 201 }, { status: 409, code: 'VERSION_CONFLICT' }]);
        expected = '2026-04-10';
      }
      expect(await forecast(pack.key), `round ${i}`).toBe(expected);
      // Without versions, two links at once take turns: both are added and the plan holds for both.
      const [x, y, z] = [await dated(`X${i}`, '2026-04-14'), await dated(`Y${i}`, '2026-04-15'), await dated(`Z${i}`, '2026-04-02')];
      const both = await Promise.all([linkSeen(a, x.key, z.key), linkSeen(b, y.key, z.key)]);
      expect(
        both.map((r) => r.status),
        `round ${i}`,
      ).toEqual([201, 201]);
      expect(await forecast(z.key), `round ${i}`).toBe('2026-04-15');
    }
  });

  it(`two re-baselines approved by one decision at once: one is taken, the other refused (${rounds} rounds)`, async () => {
    await writeCompleteCharter(t.deps, program.id, t.actor, { decisionOwnerId: jonas.id });
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
