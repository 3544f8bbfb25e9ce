import { gunzipSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import { listPrograms } from '../../src/app/list-programs.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type Headers, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, seedProgram, seedUser } from './helpers.js';

/**
 * Reads of one program (the program, its milestones, one milestone, its people, its change log) are
 * kept as sent and carry an ETag (http/kept-answers.ts). Whatever is kept, every answer must equal
 * what the data says now: after a write to the program, to a person or client-wide role, on another
 * instance, when the factory's day turns, and for each reader's roles.
 */

// Wednesday 11 March 2026, noon in Ningbo (Asia/Shanghai).
const now = new Date('2026-03-11T04:00:00Z');

describe.each(dialects)('kept answers of program reads on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let chen: Actor;
  let milestoneId: string;
  const url = (suffix = '') => `/api/v1/programs/${program.code}${suffix}`;
  const get = (u: string, who?: Actor, headers: Headers = {}) => call(t, { method: 'GET', url: u, headers }, who);
  const etagOf = (res: LightMyRequestResponse) => String(res.headers.etag);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    program = await seedProgram(t, 'KHG-KEPT');
    chen = await seedUser(t, 'Chen Wei', 'chen.wei@example.test', { programId: program.id });
    const res = await call(t, {
      method: 'POST',
      url: url('/milestones'),
      payload: { name: 'Tooling T1 approved', phase: 'G1', baselineDate: '2026-03-20', ownerId: chen.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    milestoneId = res.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the same document twice with one ETag, and 304 with no body to a client that has it', async () => {
    for (const suffix of ['', '/milestones', `/milestones/${milestoneId}`, '/people', '/changes?limit=100']) {
      const first = await get(url(suffix));
      const second = await get(url(suffix));
      expect(first.statusCode, suffix).toBe(200);
      expect(first.headers['content-type']).toMatch(/^application\/json/);
      expect(second.body, suffix).toBe(first.body);
      expect(etagOf(first), suffix).toMatch(/^"[\w-]+"$/);
      expect(etagOf(second)).toBe(etagOf(first));
      expect(first.headers['cache-control']).toBe('private, no-cache');
      const again = await get(url(suffix), undefined, { 'if-none-match': etagOf(first) });
      expect(again.statusCode, suffix).toBe(304);
      expect(again.body).toBe('');
      const stale = await get(url(suffix), undefined, { 'if-none-match': '"something-else"' });
      expect(stale.statusCode).toBe(200);
      expect(stale.body).toBe(first.body);
    }
  });

  it('keeps each answer under its whole URL: another milestone, another page of changes', async () => {
    expect((await get(url(`/milestones/${milestoneId}`))).statusCode).toBe(200);
    const missing = await get(url('/milestones/M-9999'));
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ code: string }>().code).toBe('MILESTONE_NOT_FOUND');
    const one = await get(url('/changes?limit=1'));
    const hundred = await get(url('/changes?limit=100'));
    expect(one.json<{ items: unknown[] }>().items).toHaveLength(1);
    expect(hundred.json<{ items: unknown[] }>().items.length).toBeGreaterThan(1);
    expect(etagOf(one)).not.toBe(etagOf(hundred));
  });

  it('answers what a write changed at once, with a new ETag', async () => {
    const before = await get(url('/milestones'));
    const changesBefore = await get(url('/changes?limit=100'));
    const moved = await call(t, {
      method: 'POST',
      url: url(`/milestones/${milestoneId}/move`),
      payload: { version: 1, forecastDate: '2026-03-25', reason: 'Mould steel arrived late' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await get(url('/milestones'), undefined, { 'if-none-match': etagOf(before) });
    expect(after.statusCode).toBe(200);
    expect(etagOf(after)).not.toBe(etagOf(before));
    expect(after.json<{ items: { forecastDate: string }[] }>().items[0]?.forecastDate).toBe('2026-03-25');
    const changes = await get(url('/changes?limit=100'));
    expect(changes.json<{ items: { reason: string | null }[] }>().items.map((c) => c.reason)).toContain('Mould steel arrived late');
    expect(etagOf(changes)).not.toBe(etagOf(changesBefore));
  });

  it('answers a change to people outside the program (a client-wide role) at once', async () => {
    const before = await get(url('/people'));
    const names = (res: LightMyRequestResponse) => res.json<{ items: { name: string }[] }>().items.map((p) => p.name);
    expect(names(before)).not.toContain('Lena Vogt');
    const lena = await t.addPerson({ email: 'lena.vogt@example.test', name: 'Lena Vogt' });
    await t.grant(lena, { clientId: program.clientId, role: 'quality_owner' });
    const after = await get(url('/people'));
    expect(names(after)).toContain('Lena Vogt');
    expect(etagOf(after)).not.toBe(etagOf(before));
  });

  it('gives each reader the view of their own roles, and nothing to one without access', async () => {
    const lead = await get(url());
    const contributor = await get(url(), chen);
    type Can = { can: Record<string, string>; myRoles: string[] };
    expect(lead.json<Can>().myRoles).toContain('cadence_owner');
    expect(contributor.json<Can>().myRoles).toEqual(['contributor']);
    expect(contributor.json<Can>().can).not.toEqual(lead.json<Can>().can);
    expect(etagOf(contributor)).not.toBe(etagOf(lead));
    // The lead's ETag is no key to the contributor's view.
    expect((await get(url(), chen, { 'if-none-match': etagOf(lead) })).statusCode).toBe(200);
    const stranger = await t.addPerson({ email: 'stranger@example.test', name: 'Sam Stranger' });
    const refused = await get(url('/milestones'), stranger);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers.etag).toBeUndefined();
  });

  it("answers for the factory's new day once it turns, though nothing was written", async () => {
    const today = async () => (await get(url())).json<{ today: string }>().today;
    const tag = etagOf(await get(url('/milestones')));
    expect(await today()).toBe('2026-03-11');
    // 23:59 in Ningbo, then 00:01 on Thursday.
    t.setNow(new Date('2026-03-11T15:59:00Z'));
    expect(await today()).toBe('2026-03-11');
    t.setNow(new Date('2026-03-11T16:01:00Z'));
    try {
      expect(await today()).toBe('2026-03-12');
      expect(etagOf(await get(url('/milestones')))).not.toBe(tag);
    } finally {
      t.setNow(now);
    }
  });

  it('keeps the portfolio per reader, and answers any program write, new program or role at once', async () => {
    const portfolio = (who?: Actor, headers: Headers = {}) => get('/api/v1/programs', who, headers);
    const codes = (res: LightMyRequestResponse) => res.json<{ items: { code: string; milestoneCount: number }[] }>().items;
    const lead = await portfolio();
    expect(etagOf(lead)).toMatch(/^"[\w-]+"$/);
    expect((await portfolio(undefined, { 'if-none-match': etagOf(lead) })).statusCode).toBe(304);
    const mine = await portfolio(chen);
    expect(codes(mine).map((p) => p.code)).toEqual(['KHG-KEPT']);
    expect(etagOf(mine)).not.toBe(etagOf(lead));
    // A milestone added to the program: its count moves in the portfolio at once.
    const count = codes(await portfolio()).find((p) => p.code === 'KHG-KEPT')?.milestoneCount ?? 0;
    const added = await call(t, {
      method: 'POST',
      url: url('/milestones'),
      payload: { name: 'Packaging drop test', phase: 'G2', baselineDate: '2026-04-02', ownerId: t.actor.id },
    });
    expect(added.statusCode, added.body).toBe(201);
    const after = await portfolio(undefined, { 'if-none-match': etagOf(lead) });
    expect(after.statusCode).toBe(200);
    expect(codes(after).find((p) => p.code === 'KHG-KEPT')?.milestoneCount).toBe(count + 1);
    // A new program, and a role on it for Chen: both readers see it at once.
    const other = await seedProgram(t, `KHG-NEW-${dialect.toUpperCase()}`);
    expect(codes(await portfolio()).map((p) => p.code)).toContain(other.code);
    expect(codes(await portfolio(chen)).map((p) => p.code)).not.toContain(other.code);
    await t.grant(chen, { programId: other.id, role: 'contributor' });
    expect(codes(await portfolio(chen)).map((p) => p.code)).toContain(other.code);
  });

  it('stops working out the portfolio when its caller has gone away', async () => {
    const left = new AbortController();
    left.abort();
    await expect(listPrograms(t.deps, { actor: t.actor, signal: left.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect((await listPrograms(t.deps, { actor: t.actor })).length).toBeGreaterThan(0);
  });

  it('sends answers gzip-compressed to a client that takes gzip (as browsers do), the same document, with an ETag of its own', async () => {
    const zip = { 'accept-encoding': 'gzip, deflate, br' };
    // Answers under 1 KB are sent as they are: enough milestones that these are not.
    for (const n of [1, 2, 3]) {
      const res = await call(t, {
        method: 'POST',
        url: url('/milestones'),
        payload: { name: `Pilot lot ${n} inspected`, phase: 'G2', baselineDate: `2026-04-1${String(n)}`, ownerId: chen.id },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const suffix of ['/milestones', '/changes?limit=100']) {
      // A new answer (the program was written to), worked out for a client that takes gzip, then kept.
      const created = await call(t, {
        method: 'POST',
        url: url('/milestones'),
        payload: { name: `Packaging drop test ${suffix}`, phase: 'G2', baselineDate: '2026-04-20', ownerId: chen.id },
      });
      expect(created.statusCode, created.body).toBe(201);
      const first = await get(url(suffix), undefined, zip);
      const plain = await get(url(suffix));
      const kept = await get(url(suffix), undefined, zip);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toContain(`Packaging drop test ${suffix}`);
      for (const [round, zipped] of [
        ['worked out', first],
        ['kept', kept],
      ] as const) {
        expect(zipped.statusCode, `${suffix} ${round}`).toBe(200);
        expect(zipped.headers['content-encoding'], round).toBe('gzip');
        expect(zipped.headers.vary).toMatch(/accept-encoding/i);
        expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
        expect(gunzipSync(zipped.rawPayload).toString('utf8'), round).toBe(plain.body);
        expect(etagOf(zipped)).toBe(etagOf(plain).replace(/"$/, '-gzip"'));
      }
      // Each representation answers 304 to its own ETag only.
      expect((await get(url(suffix), undefined, { ...zip, 'if-none-match': etagOf(kept) })).statusCode).toBe(304);
      expect((await get(url(suffix), undefined, { 'if-none-match': etagOf(plain) })).statusCode).toBe(304);
      expect((await get(url(suffix), undefined, { 'if-none-match': etagOf(kept) })).statusCode).toBe(200);
      // A client that refuses gzip (q=0), or names other codings only, gets the text as it is.
      for (const refuses of ['gzip;q=0, identity', 'br', 'identity']) {
        const res = await get(url(suffix), undefined, { 'accept-encoding': refuses });
        expect(res.headers['content-encoding'], refuses).toBeUndefined();
        expect(res.body, refuses).toBe(plain.body);
        expect(etagOf(res)).toBe(etagOf(plain));
      }
    }
  });

  it('answers every read the same whether kept or not', async () => {
    const fresh: FastifyInstance = await t.build({}, { keptAnswerBytes: 0 });
    const headers = await t.as(t.actor);
    for (const path of ['', '/milestones', `/milestones/${milestoneId}`, '/people', '/changes?limit=100']
      .map(url)
      .concat('/api/v1/programs')) {
      const kept = await get(path);
      const unkept = await fresh.inject({ method: 'GET', url: path, headers });
      expect(unkept.statusCode).toBe(200);
      expect(unkept.body, path).toBe(kept.body);
    }
  });
});

describe('kept answers with two instances on one PostgreSQL database', () => {
  let t: TestApp;
  let program: Program;

  beforeAll(async () => {
    t = await createTestApp('postgres');
    t.setNow(now);
    program = await seedProgram(t, 'KHG-TWO');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers on one instance what was written through the other at once, though it kept an older answer', async () => {
    const second = await t.restart();
    (second.deps.clock as { now: () => Date }).now = () => now;
    const headers = await t.as(t.actor);
    const read = async (http: FastifyInstance) => {
      const res = await http.inject({ method: 'GET', url: `/api/v1/programs/${program.code}/milestones`, headers });
      expect(res.statusCode).toBe(200);
      return res.json<{ items: { name: string }[] }>().items.map((m) => m.name);
    };
    expect(await read(t.http)).toEqual([]);
    expect(await read(t.http)).toEqual([]);
    const created = await second.http.inject({
      method: 'POST',
      url: `/api/v1/programs/${program.code}/milestones`,
      headers,
      payload: { name: 'Golden sample approved', phase: 'G1', baselineDate: '2026-03-20', ownerId: t.actor.id },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await read(t.http)).toEqual(['Golden sample approved']);
  });
  it('ends access on one instance at once when a role is taken away or the person removed through the other', async () => {
    const second = await t.restart();
    (second.deps.clock as { now: () => Date }).now = () => now;
    const mia = await seedUser(t, 'Mia Brandt', 'mia.brandt@example.test', { programId: program.id });
    const headers = await t.as(mia);
    const admin = await t.as(t.admin);
    const read = async () => (await t.http.inject({ method: 'GET', url: `/api/v1/programs/${program.code}`, headers })).statusCode;
    expect(await read()).toBe(200);
    expect(await read()).toBe(200);
    const role = mia.memberships.find((m) => m.programId === program.id);
    const revoked = await second.http.inject({
      method: 'DELETE',
      url: `/api/v1/roles/${role?.id}`,
      headers: admin,
      payload: { reason: 'Moved to another program' },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await read()).toBe(404);
    await t.grant(mia, { programId: program.id, role: 'contributor' });
    expect(await read()).toBe(200);
    const removed = await second.http.inject({
      method: 'DELETE',
      url: `/api/v1/people/${mia.id}`,
      headers: admin,
      payload: { reason: 'Left the company' },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await read()).toBe(401);
  });
});
