import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import PQueue from 'p-queue';
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

interface Slot {
  readonly gone: AbortController;
  release?: () => void;
  /** When the request got its turn (ms), to learn how long a turn takes. */
  startedAt?: number;
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
 */
export function registerAdmission(app: FastifyInstance, limits: AdmissionLimits): void {
  const queue = new PQueue({ concurrency: limits.active });
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
  // Admitted requests whose work has not ended yet (a request whose client left may still be stopping).
  const working = new Set<Slot>();
  const release = (req: FastifyRequest) => {
    const slot = slots.get(req);
    slots.delete(req);
    if (slot) working.delete(slot);
    if (slot?.startedAt !== undefined) {
      const took = Date.now() - slot.startedAt;
      turnMs = turnMs === 0 ? took : turnMs + turnWeight * (took - turnMs);
    }
    slot?.gone.abort();
    slot?.release?.();
  };

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/openapi.json') || req.url.startsWith('/api/docs')) return;
    if (queue.size >= limits.queued) return refuse(reply);
    // All turns taken and the line ahead longer than the wait allowed: say so now, not after waiting.
    if (queue.pending >= limits.active && expectedWaitMs(queue.size, limits.active, turnMs) > limits.waitMs) return refuse(reply);
    const slot: Slot = { gone: new AbortController() };
    slots.set(req, slot);
    const held = new Promise<void>((resolve) => {
      slot.release = resolve;
    });
    // Gives up waiting after waitMs, or when the client leaves (onRequestAbort): the queue then skips
    // the entry when its turn comes (p-queue checks the signal before it starts a task).
    const timer = setTimeout(() => slot.gone.abort(), limits.waitMs);
    try {
      await new Promise<void>((admitted, refused) => {
        slot.gone.signal.addEventListener('abort', () => refused(new Error('not admitted')), { once: true });
        queue
          .add(
            () => {
              if (slot.gone.signal.aborted) return Promise.resolve();
              slot.startedAt = Date.now();
              working.add(slot);
              admitted();
              return held;
            },
            { signal: slot.gone.signal },
          )
          .catch(() => {});
      });
    } catch {
      // Waited too long, or the client left while waiting (then the answer goes nowhere): never worked on.
      slots.delete(req);
      return refuse(reply);
    } finally {
      clearTimeout(timer);
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
    while (working.size > 0 && Date.now() < until) await sleep(20);
  });
}
