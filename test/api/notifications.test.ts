import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import { sweepGateRisks } from '../../src/app/notifications/sweep-gate-risks.js';
import type { GateDocument } from '../../src/contract/gate.js';
import type { Notification } from '../../src/contract/notification.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type Headers, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { kettleGateProgram } from '../support/gate-program.js';
import { type Caller, call, expectProblem } from './helpers.js';

// Monday 16 March 2026, 10:00 in Ningbo.
const now = new Date('2026-03-16T02:00:00Z');

interface NoticeList {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

/** A server-sent event as read off the wire. */
interface SseEvent {
  id: string | null;
  event: string;
  data: unknown;
}

/**
 * Reads a text/event-stream response frame by frame: `next(match)` answers the first event (from
 * those not taken yet) that matches, reading on as needed, failing after a generous deadline.
 */
function sseReader(res: Response) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const seen: SseEvent[] = [];
  const parse = () => {
    let cut = buffer.indexOf('\n\n');
    while (cut >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const lines = block.split('\n').filter((l) => !l.startsWith(':'));
      const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? null;
      const event = field('event');
      if (event !== null) seen.push({ id: field('id'), event, data: JSON.parse(field('data') ?? 'null') });
      cut = buffer.indexOf('\n\n');
    }
  };
  return {
    async next(match: (e: SseEvent) => boolean, timeoutMs = 15_000): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = seen.findIndex(match);
        if (i >= 0) return seen.splice(i, 1)[0] as SseEvent;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; seen: ${JSON.stringify(seen)}`);
        let timer: NodeJS.Timeout | undefined;
        const chunk = await Promise.race([
          reader.read(),
          new Promise<'timeout'>((resolve) => {
            timer = setTimeout(() => resolve('timeout'), left);
          }),
        ]);
        clearTimeout(timer);
        if (chunk === 'timeout') continue;
        if (chunk.done) throw new Error(`the stream ended; seen: ${JSON.stringify(seen)}`);
        buffer += decoder.decode(chunk.value, { stream: true });
        parse();
      }
    },
    close: () => reader.cancel().catch(() => undefined),
  };
}

describe.each(dialects)('notifications on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let cadence: Actor;
  let jonas: Actor;
  let sophie: Actor;
  let li: Actor;
  let alex: Actor;
  const base = () => `/api/v1/programs/${program.code}/gates`;
  const gate = async (key: string) => {
    const res = await call(t, { method: 'GET', url: `${base()}/${key}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<GateDocument>();
  };
  const itemOwnedBy = async (gateKey: string, owner: Actor) => {
    const found = (await gate(gateKey)).items.find((i) => i.ownerId === owner.id && i.isRequired && i.state === 'open');
    if (!found) throw new Error(`no open item of ${owner.name} on ${gateKey}`);
    return found;
  };
  const step = async (gateKey: string, itemKey: string, action: string, body: Record<string, unknown>, who: Caller) => {
    const item = (await gate(gateKey)).items.find((i) => i.key === itemKey);
    return call(
      t,
      { method: 'POST', url: `${base()}/${gateKey}/items/${itemKey}/${action}`, payload: { version: item?.version, ...body } },
      who,
    );
  };
  const notices = async (who: Caller, query = '') => {
    const res = await call(t, { method: 'GET', url: `/api/v1/me/notifications${query}` }, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<NoticeList>();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    ({ cadence, jonas, sophie, li, alex, program } = await kettleGateProgram(t));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a submission reaches the reviewers and the gate owner, newest first, each with a link and who did it; never the submitter', async () => {
    const item = await itemOwnedBy('G1', jonas);
    const submitted = await step('G1', item.key, 'submit', { note: 'Golden sample #3 signed by the client' }, jonas);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await notices(jonas)).items).toEqual([]);
    const dana = await notices(cadence);
    expect(dana.unreadCount).toBe(2);
    expect(dana.items.map((n) => n.kind).sort()).toEqual(['evidence_awaits_review', 'gate_status_changed']);
    const awaits = dana.items.find((n) => n.kind === 'evidence_awaits_review');
    expect(awaits).toMatchObject({
      programId: program.id,
      actorId: jonas.id,
      actorName: 'Jonas Keller',
      link: `/programs/KHG-KW500/gates/G1#${item.key}`,
      readAt: null,
      facts: { programCode: 'KHG-KW500', gateKey: 'G1', itemKey: item.key, itemTitle: item.title },
    });
    const sophies = await notices(sophie);
    expect(sophies.items.some((n) => n.kind === 'evidence_awaits_review' && n.facts.itemKey === item.key)).toBe(true);
    // The observer hears of nothing.
    expect((await notices(alex)).items).toEqual([]);
  });

  it('a rejection reaches the item owner with the comment; a refused step leaves no notice', async () => {
    const item = (await gate('G1')).items.find((i) => i.ownerId === jonas.id && i.state === 'submitted');
    if (!item) throw new Error('no submitted item');
    const before = await notices(jonas);
    // Li may not review: refused, nothing written, nobody told.
    expect((await step('G1', item.key, 'reject', { comment: 'no' }, li)).statusCode).toBe(403);
    expect((await notices(jonas)).unreadCount).toBe(before.unreadCount);
    const rejected = await step('G1', item.key, 'reject', { comment: 'The signature page is missing.' }, sophie);
    expect(rejected.statusCode, rejected.body).toBe(200);
    const after = await notices(jonas);
    expect(after.unreadCount).toBe(before.unreadCount + 1);
    expect(after.items[0]).toMatchObject({
      kind: 'evidence_rejected',
      actorName: 'Sophie Brandt',
      facts: { itemKey: item.key, comment: 'The signature page is missing.' },
    });
  });

  it('lists by page and unread only; marks one read and all read; someone else’s notice is not found', async () => {
    const all = await notices(cadence);
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    const first = await notices(cadence, '?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await notices(cadence, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.items[0]?.id).toBe(all.items[1]?.id);
    expect(first.items[0]?.id).toBe(all.items[0]?.id);
    expectProblem(await call(t, { method: 'GET', url: '/api/v1/me/notifications?cursor=bm90LW91cnM' }, cadence), 422, 'VALIDATION_FAILED');
    expectProblem(await call(t, { method: 'GET', url: '/api/v1/me/notifications?limit=201' }, cadence), 422, 'VALIDATION_FAILED');

    const target = all.items[0] as Notification;
    // Nobody marks another person's notice: it does not exist for them.
    expectProblem(
      await call(t, { method: 'POST', url: `/api/v1/me/notifications/${target.id}/read` }, sophie),
      404,
      'NOTIFICATION_NOT_FOUND',
    );
    const read = await call(t, { method: 'POST', url: `/api/v1/me/notifications/${target.id}/read` }, cadence);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ unreadCount: all.unreadCount - 1 });
    const unread = await notices(cadence, '?unread=true');
    expect(unread.items.map((n) => n.id)).not.toContain(target.id);
    expect((await notices(cadence)).items.find((n) => n.id === target.id)?.readAt).not.toBeNull();

    const allRead = await call(t, { method: 'POST', url: '/api/v1/me/notifications/read-all' }, cadence);
    expect(allRead.json()).toEqual({ marked: all.unreadCount - 1, unreadCount: 0 });
    expect((await notices(cadence, '?unread=true')).items).toEqual([]);
    // A browser session marks with its CSRF token, like any write.
    const web = await t.session(sophie);
    expectProblem(
      await t.http.inject({ method: 'POST', url: '/api/v1/me/notifications/read-all', headers: { cookie: web.headers.cookie as string } }),
      403,
      'CSRF_FAILED',
    );
    expect((await t.http.inject({ method: 'POST', url: '/api/v1/me/notifications/read-all', headers: web.headers })).statusCode).toBe(200);
    expectProblem(await call(t, { method: 'GET', url: '/api/v1/me/notifications' }, 'anonymous'), 401, 'UNAUTHENTICATED');
  });

  it('a gate turning at risk is told once per spell, even when two instances check at the same moment', async () => {
    const g1 = await gate('G1');
    expect(g1.plannedReviewDate).not.toBeNull();
    // The morning of G1's review: its items were due before it, so every one not accepted is overdue.
    t.setNow(new Date(`${g1.plannedReviewDate}T02:00:00Z`));
    try {
      expect((await gate('G1')).readiness.level).toBe('at_risk');
      // On PostgreSQL two app instances on one database, each with its own connections, check at the same moment,
      // several times. SQLite serves one process (its writers queue on the file, and a second store in this process
      // would wait on the event loop the first one holds), so there the checks queue on the one connection.
      const other = dialect === 'postgres' ? await t.restart() : { deps: t.deps };
      for (let round = 0; round < 3; round++) {
        await Promise.all([sweepGateRisks(t.deps), sweepGateRisks(other.deps), sweepGateRisks(t.deps), sweepGateRisks(other.deps)]);
      }
      const atRisk = async (who: Actor) => (await notices(who)).items.filter((n) => n.kind === 'gate_at_risk' && n.facts.gateKey === 'G1');
      const dana = await atRisk(cadence);
      expect(dana).toHaveLength(1);
      expect(dana[0]).toMatchObject({ actorId: null, link: '/programs/KHG-KW500/gates/G1', facts: { gateKey: 'G1' } });
      const named = dana[0]?.kind === 'gate_at_risk' ? dana[0].facts.items.map((i) => i.key) : [];
      expect(named.length).toBeGreaterThan(0);
      // The owners of the items off course hear of it once too.
      for (const who of [jonas, sophie, li]) {
        const owns = (await gate('G1')).items.some((i) => i.ownerId === who.id && named.includes(i.key));
        expect(await atRisk(who), who.name).toHaveLength(owns ? 1 : 0);
      }
    } finally {
      t.setNow(now);
    }
  });

  describe('live updates over HTTP', () => {
    let live: FastifyInstance;
    let url: string;
    const open = (headers: Headers, extra: Headers = {}) =>
      fetch(`${url}/api/v1/events`, { headers: { accept: 'text/event-stream', ...headers, ...extra } });

    beforeAll(async () => {
      live = await t.build({ events: { pollMs: 50, streams: 3, streamsPerPerson: 2 } });
      await live.listen({ port: 0, host: '127.0.0.1' });
      const a = live.server.address();
      if (!a || typeof a === 'string') throw new Error('no address');
      url = `http://127.0.0.1:${a.port}`;
    });

    it('sends the unread count at once, a notice made by someone else, and the change of a program the person sees', async () => {
      const res = await open(await t.as(jonas));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const events = sseReader(res);
      try {
        const start = (await events.next((e) => e.event === 'notification')).data as { unreadCount: number };
        // Sophie rejects Jonas's evidence (submitted again first) on the other instance's API: the stream tells him.
        const item = (await gate('G1')).items.find((i) => i.ownerId === jonas.id && i.state === 'rejected');
        if (!item) throw new Error('no rejected item');
        expect((await step('G1', item.key, 'submit', { note: 'With the signature page' }, jonas)).statusCode).toBe(200);
        expect((await step('G1', item.key, 'reject', { comment: 'Wrong revision.' }, sophie)).statusCode).toBe(200);
        const told = await events.next(
          (e) => e.event === 'notification' && (e.data as { newest: Notification | null }).newest?.kind === 'evidence_rejected',
        );
        expect(told.data).toMatchObject({
          unreadCount: start.unreadCount + 1,
          newest: { kind: 'evidence_rejected', facts: { itemKey: item.key, comment: 'Wrong revision.' } },
        });
        const changed = await events.next((e) => e.event === 'program');
        expect(changed.data).toEqual({ programId: program.id, code: 'KHG-KW500' });
      } finally {
        await events.close();
      }
    });

    it('a browser session connects with its cookie; a reconnect is told to resync; streams are bounded per person and per instance', async () => {
      expect((await open({})).status).toBe(401);
      const web = await t.session(li);
      const first = await open({ cookie: web.headers.cookie as string }, { 'last-event-id': '7' });
      expect(first.status).toBe(200);
      const a = sseReader(first);
      expect((await a.next((e) => e.event === 'resync')).id).not.toBeNull();
      await a.next((e) => e.event === 'notification');
      const second = sseReader(await open(await t.as(li)));
      await second.next((e) => e.event === 'notification');
      const refused = await open(await t.as(li));
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { code: string }).code).toBe('TOO_MANY_STREAMS');
      const third = sseReader(await open(await t.as(alex)));
      await third.next((e) => e.event === 'notification');
      const full = await open(await t.as(sophie));
      expect(full.status).toBe(503);
      expect(full.headers.get('retry-after')).not.toBeNull();
      expect(((await full.json()) as { code: string }).code).toBe('STREAMS_FULL');
      // A closed stream frees its place (the server notices the client left).
      await a.close();
      const deadline = Date.now() + 15_000;
      let again = await open(await t.as(sophie));
      while (again.status !== 200 && Date.now() < deadline) {
        await again.body?.cancel();
        await new Promise((r) => setImmediate(r));
        again = await open(await t.as(sophie));
      }
      expect(again.status).toBe(200);
      await Promise.all([second.close(), third.close(), again.body?.cancel()]);
    });
  });
});
