import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { type AdmissionLimits, expectedWaitMs, registerAdmission } from '../../src/http/admission.js';

/*
 * Admission control over real HTTP on loopback: a route that holds its turn until the test lets it go
 * stands for slow work, so the tests decide who waits without relying on timing.
 */
interface Held {
  readonly app: FastifyInstance;
  readonly url: string;
  /** Requests the route has started working on, by their `n`. */
  readonly started: string[];
  /** Requests the route finished, by their `n`, with whether request.signal said their client had left. */
  readonly finished: { n: string; clientLeft: boolean }[];
  /** Lets every request the route holds finish. */
  releaseAll(): void;
}

let current: Held | null = null;

async function serve(limits: AdmissionLimits): Promise<Held> {
  const app = Fastify();
  registerAdmission(app, limits);
  const started: string[] = [];
  const finished: { n: string; clientLeft: boolean }[] = [];
  let waiting: (() => void)[] = [];
  app.get('/api/work', async (req) => {
    const n = String((req.query as { n?: string }).n);
    started.push(n);
    const signal = req.signal;
    await new Promise<void>((resolve) => waiting.push(resolve));
    finished.push({ n, clientLeft: signal.aborted });
    return { done: true };
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  current = {
    app,
    url,
    started,
    finished,
    releaseAll: () => {
      const w = waiting;
      waiting = [];
      for (const r of w) r();
    },
  };
  return current;
}

afterEach(async () => {
  current?.releaseAll();
  await current?.app.close();
  current = null;
});

const get = (url: string, signal?: AbortSignal) => fetch(url, { signal });

/** Polls until the condition holds (generous limit: the machine may be busy). */
async function until(what: string, condition: () => boolean, limitMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('API admission control', () => {
  it('works on `active` requests at once, queues `queued` more in order, and refuses the next at once with 503 BUSY and Retry-After', async () => {
    const s = await serve({ active: 1, queued: 1, waitMs: 600_000 });
    const first = get(`${s.url}/api/work?n=1`);
    await until('the first is worked on', () => s.started.length === 1);
    const second = get(`${s.url}/api/work?n=2`);
    // The second waits for its turn; a third finds the queue full and is answered without waiting.
    await new Promise((r) => setTimeout(r, 50));
    let third = await get(`${s.url}/api/work?n=3`);
    for (let i = 0; i < 100 && third.status !== 503; i++) third = await get(`${s.url}/api/work?n=3`);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('2');
    expect(third.headers.get('content-type')).toContain('application/problem+json');
    expect(((await third.json()) as { code: string }).code).toBe('BUSY');
    expect(s.started).toEqual(['1']);
    // Health checks are never held back.
    expect((await get(`${s.url}/healthz`)).status).toBe(200);

    s.releaseAll();
    expect((await first).status).toBe(200);
    await until('the second is worked on', () => s.started.length === 2);
    expect(s.started).toEqual(['1', '2']);
    s.releaseAll();
    expect((await second).status).toBe(200);
  });

  it('refuses a request that waited longer than `waitMs` with 503 BUSY, never working on it', async () => {
    const s = await serve({ active: 1, queued: 10, waitMs: 200 });
    const first = get(`${s.url}/api/work?n=1`);
    await until('the first is worked on', () => s.started.length === 1);
    const waited = await get(`${s.url}/api/work?n=2`);
    expect(waited.status).toBe(503);
    expect(waited.headers.get('retry-after')).toBe('2');
    s.releaseAll();
    expect((await first).status).toBe(200);
    expect(s.started).toEqual(['1']);
  });

  it('drops a waiting request whose client went away: it is never worked on, and the next one gets its turn', async () => {
    const s = await serve({ active: 1, queued: 10, waitMs: 600_000 });
    const first = get(`${s.url}/api/work?n=1`);
    await until('the first is worked on', () => s.started.length === 1);
    // A client that gives up while waiting: its socket closes.
    await new Promise<void>((resolve) => {
      const req = request(`${s.url}/api/work?n=gone`);
      req.on('error', () => resolve());
      req.end();
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 100);
    });
    const third = get(`${s.url}/api/work?n=3`);
    await new Promise((r) => setTimeout(r, 100));
    s.releaseAll();
    expect((await first).status).toBe(200);
    await until('the third is worked on', () => s.started.includes('3'));
    s.releaseAll();
    expect((await third).status).toBe(200);
    expect(s.started).toEqual(['1', '3']);
  });

  it('tells the work of a request whose client left (request.signal), keeps its turn until it stops, and closing waits for it', async () => {
    const s = await serve({ active: 1, queued: 10, waitMs: 600_000 });
    const gone = request(`${s.url}/api/work?n=gone`);
    gone.on('error', () => {});
    gone.end();
    await until('the first is worked on', () => s.started.length === 1);
    gone.destroy();
    const next = get(`${s.url}/api/work?n=next`);
    // The work of the request whose client left still runs: the next one waits for the turn.
    await new Promise((r) => setTimeout(r, 200));
    expect(s.started).toEqual(['gone']);
    s.releaseAll();
    await until('the next is worked on', () => s.started.includes('next'));
    expect(s.finished).toEqual([{ n: 'gone', clientLeft: true }]);
    s.releaseAll();
    expect((await next).status).toBe(200);
    expect(s.finished.at(-1)).toEqual({ n: 'next', clientLeft: false });

    // Closing waits for work still running, even when its client has left.
    const last = request(`${s.url}/api/work?n=last`);
    last.on('error', () => {});
    last.end();
    await until('the last is worked on', () => s.started.includes('last'));
    last.destroy();
    let closed = false;
    const closing = s.app.close().then(() => {
      closed = true;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(closed).toBe(false);
    s.releaseAll();
    await closing;
    expect(s.finished.at(-1)).toEqual({ n: 'last', clientLeft: true });
  });

  it('starts at most `active` requests per round of the event loop, even work that ends at once; the rest of a round wait for the next', async () => {
    // Work that ends before the next socket is read (a kept answer, a SQLite read): unrationed, every
    // request read in one round would be worked on in it, and connections waiting to be accepted wait.
    const app = Fastify();
    registerAdmission(app, { active: 2, queued: 10, waitMs: 600_000 });
    let round = 0;
    let ticker: NodeJS.Immediate | null = null;
    const tick = () => {
      round++;
      ticker = setImmediate(tick);
    };
    const startedIn: number[] = [];
    app.get('/api/now', () => {
      startedIn.push(round);
      return { done: true };
    });
    const url = new URL(await app.listen({ host: '127.0.0.1', port: 0 }));
    const sockets: Socket[] = [];
    try {
      for (let i = 0; i < 7; i++) {
        const socket = connect(Number(url.port), url.hostname);
        await new Promise((resolve) => socket.once('connect', resolve));
        sockets.push(socket);
      }
      tick();
      // Seven requests written at once: the server reads them in one round of its loop.
      const statuses = sockets.map(
        (socket) =>
          new Promise<string>((resolve) => {
            let got = '';
            socket.on('data', (chunk: Buffer) => {
              got += chunk.toString();
              if (got.includes('\r\n\r\n')) resolve(got.slice(9, 12));
            });
          }),
      );
      for (const socket of sockets) socket.write(`GET /api/now HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
      expect(await Promise.all(statuses)).toEqual(Array(7).fill('200'));
      const perRound = new Map<number, number>();
      for (const r of startedIn) perRound.set(r, (perRound.get(r) ?? 0) + 1);
      // Two per admission round; one tick of this ticker may see two of them (the reading round's and the next).
      expect(Math.max(...perRound.values())).toBeLessThanOrEqual(4);
    } finally {
      if (ticker) clearImmediate(ticker);
      for (const socket of sockets) socket.destroy();
      await app.close();
    }
  });

  it('estimates a newcomer’s wait from the line ahead, the turns at once and a turn’s length', () => {
    expect(expectedWaitMs(0, 16, 40)).toBe(40);
    expect(expectedWaitMs(15, 16, 40)).toBe(40);
    expect(expectedWaitMs(16, 16, 40)).toBe(80);
    expect(expectedWaitMs(499, 16, 40)).toBe(1_280);
    // Before any turn has been served nothing is known, so nobody is refused on an estimate.
    expect(expectedWaitMs(10_000, 1, 0)).toBe(0);
  });
});
