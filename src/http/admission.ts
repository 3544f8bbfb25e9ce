import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.js';

/** How much API work an instance takes on at once (TOLLGATE_MAX_ACTIVE_REQUESTS and friends in README). */
export interface AdmissionLimits {
  /** Requests worked on at the same time. */
  readonly active: number;
  /** Requests waiting for a turn, in arrival order; one more is refused at once. */
  readonly queued: number;
  /** The longest a request waits for its turn before it is refused (ms). */
  readonly waitMs: number;
}

export const defaultAdmission: AdmissionLimits = { active: 16, queued: 500, waitMs: 3_000 };

/** The longest closing waits for running work (ms). */
const closeWaitMs = 30_000;

/** Seconds a refused client is told to wait (Retry-After). */
const retryAfterSeconds = 2;

/** One API request's place: waiting in line, then worked on until its answer is ready. */
interface Slot {
  /** When it joined the line (ms), for its wait limit. */
  readonly since: number;
  /** When it got its turn (ms), to learn how long a turn takes; undefined while it waits. */
  startedAt?: number;
  /** Its turn is over (answered, refused, or its client left while it waited). */
  done: boolean;
  /** Ends its wait: true when it gets its turn, false when it is refused. */
  settle?: (admitted: boolean) => void;
}

/**
 * How long a newcomer would wait for its turn: the requests ahead of it, served `active` at a time,
 * each taking about `turnMs`. A request that would wait longer than the limit is refused at once
 * rather than after waiting for nothing.
 */
export function expectedWaitMs(waiting: number, active: number, turnMs: number): number {
  return Math.ceil((waiting + 1) / active) * turnMs;
}

/** Weight of the latest turn in the running average of turn lengths. */
const turnWeight = 0.1;

/**
 * Admission control for the API (`/api/…`): at most `active` requests are worked on at once, up to
 * `queued` more wait in arrival order, each at most `waitMs`. A burst beyond that is answered at once
 * with 503 BUSY and Retry-After instead of piling up until every client times out, and a request
 * whose client goes away while it waits is dropped without being worked on. Health checks, the
 * OpenAPI document and the web app's files are never held back.
 *
 * It runs on every API request, so it allocates nothing but the request's slot while a turn is free,
 * and keeps one timer for the whole line (the line is in arrival order, so its head expires first).
 */
export function registerAdmission(app: FastifyInstance, limits: AdmissionLimits): void {
  const slots = new WeakMap<FastifyRequest, Slot>();
  const refuse = (reply: FastifyReply) => {
    reply.header('Retry-After', String(retryAfterSeconds));
    return sendProblem(reply, {
      code: 'BUSY',
      message: `The server has more requests than it can work on now; nothing was done. Retry in ${retryAfterSeconds} seconds.`,
    });
  };
  // How long a turn takes, on average lately (0 until one has been served).
  let turnMs = 0;
  // Requests being worked on (a request whose client left may still be stopping).
  let working = 0;
  // Waiting requests in arrival order, from `head`; `waiting` counts those still waiting.
  let line: Slot[] = [];
  let head = 0;
  let waiting = 0;
  let expiry: NodeJS.Timeout | null = null;

  const start = (slot: Slot) => {
    slot.startedAt = Date.now();
    working++;
  };
  const settle = (slot: Slot, admitted: boolean) => {
    waiting--;
    if (admitted) start(slot);
    else slot.done = true;
    slot.settle?.(admitted);
  };
  /** The first slot still waiting, the line's spent head dropped. */
  const first = (): Slot | undefined => {
    while (head < line.length && (line[head] as Slot).done) head++;
    if (head === line.length) {
      line = [];
      head = 0;
    } else if (head > 1024 && head * 2 > line.length) {
      line = line.slice(head);
      head = 0;
    }
    return line[head];
  };
  /** Refuses the waiting requests past their limit (from the head: the oldest), then waits for the next one's. */
  const expire = () => {
    expiry = null;
    const now = Date.now();
    for (let s = first(); s && now - s.since >= limits.waitMs; s = first()) {
      head++;
      settle(s, false);
    }
    schedule();
  };
  const schedule = () => {
    const s = first();
    if (s && !expiry) {
      expiry = setTimeout(expire, Math.max(0, s.since + limits.waitMs - Date.now()));
      expiry.unref();
    }
  };
  // Turns given since the event loop last came round (see admitNext).
  let givenThisRound = 0;
  let round: NodeJS.Immediate | null = null;
  const nextRound = () => {
    round = null;
    givenThisRound = 0;
    admitNext();
  };
  /**
   * Gives turns to the waiting while turns are free, at most `active` of them before the event loop
   * comes round again. A turn often ends without waiting for I/O (SQLite answers at once, an answer
   * kept is sent at once), and each ending hands the next turn on: unbounded, a long line would be
   * worked through in one go while the loop neither reads sockets nor accepts connections. Node
   * accepts one new connection per round of the loop (libuv since 1.45), so in a burst the
   * connections not yet accepted would wait in the kernel for seconds.
   */
  const admitNext = () => {
    for (let s = first(); s && working < limits.active; s = first()) {
      round ??= setImmediate(nextRound);
      if (givenThisRound >= limits.active) return;
      givenThisRound++;
      head++;
      settle(s, true);
    }
  };
  const release = (req: FastifyRequest) => {
    const slot = slots.get(req);
    if (!slot) return;
    slots.delete(req);
    if (slot.startedAt !== undefined && !slot.done) {
      slot.done = true;
      working--;
      const took = Date.now() - slot.startedAt;
      turnMs = turnMs === 0 ? took : turnMs + turnWeight * (took - turnMs);
      admitNext();
    } else if (!slot.done) {
      // Still waiting: its place is given up (it is skipped when the line reaches it).
      settle(slot, false);
    }
  };

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/openapi.json') || req.url.startsWith('/api/docs')) return;
    // A live-update stream stays open for as long as the page: it is bounded by its own limits (http/events/), not by turns.
    if (req.url === '/api/v1/events' || req.url.startsWith('/api/v1/events?')) return;
    const slot: Slot = { since: Date.now(), done: false };
    if (working + waiting < limits.active) {
      // A free turn is taken at once, but no more than `active` of them per round of the loop: a kept
      // answer or a SQLite read ends its turn before the next socket is read, so otherwise every request
      // read in one round would be worked on in it, the rounds would grow with the connections, and
      // connections waiting to be accepted (one per round) would wait seconds. Past that, a request
      // that has a turn free waits for the next round: it is not refused, whatever the line's bound.
      round ??= setImmediate(nextRound);
      if (waiting === 0 && givenThisRound < limits.active) {
        givenThisRound++;
        slots.set(req, slot);
        start(slot);
        return;
      }
    } else {
      // Beyond the free turns: refused when the line is full …
      if (working + waiting - limits.active >= limits.queued) return refuse(reply);
      // … or when the line ahead is longer than the wait allowed: say so now, not after waiting.
      if (expectedWaitMs(waiting, limits.active, turnMs) > limits.waitMs) return refuse(reply);
    }
    slots.set(req, slot);
    const admitted = new Promise<boolean>((resolve) => {
      slot.settle = resolve;
    });
    line.push(slot);
    waiting++;
    schedule();
    // Waited too long, or the client left while waiting (then the answer goes nowhere): never worked on.
    if (!(await admitted)) {
      slots.delete(req);
      return refuse(reply);
    }
  });
  // The work ends when its answer is ready (onSend: sent, refused or failed), whether or not anyone is still there to read it.
  app.addHook('onSend', async (req) => release(req));
  app.addHook('onResponse', async (req) => release(req));
  // A client that leaves while waiting gives up its place; one that leaves while worked on keeps its
  // turn until the work, told through request.signal, has stopped.
  app.addHook('onRequestAbort', async (req) => {
    if (slots.get(req)?.startedAt === undefined) release(req);
  });
  // Closing waits for the work still running (requests whose clients left included) before the
  // database is closed under it; bounded, so that a stuck request cannot hold a shutdown forever.
  app.addHook('onClose', async () => {
    const until = Date.now() + closeWaitMs;
    while (working > 0 && Date.now() < until) await sleep(20);
    if (expiry) clearTimeout(expiry);
    if (round) clearImmediate(round);
  });
}
