import type { AppDeps } from '../app/deps.js';
import { type DeliveryRound, deliverOutbox, mailBatch } from '../app/mail/deliver-outbox.js';
import { sendDigests } from '../app/mail/send-digests.js';
import type { Mailer } from '../app/ports.js';

/** How often the worker looks for people whose daily digest is due. */
const digestEveryMs = 60_000;

export interface OutboxDelivery {
  /** Looks for due mail now (after a commit that queued some) instead of at the next poll. */
  nudge(): void;
  /** Ends the worker after the round in progress; a message it claimed but did not send is sent again once its lease expires. */
  stop(): Promise<void>;
}

export interface OutboxDeliveryOptions {
  readonly deps: AppDeps;
  readonly mailer: Mailer;
  /** Names this worker's claims (unique per instance). */
  readonly workerId: string;
  /** How often it looks when not nudged (TOLLGATE_OUTBOX_POLL_MS). */
  readonly pollMs: number;
  readonly leaseMs?: number | undefined;
  readonly onRound?: ((r: DeliveryRound) => void) | undefined;
  readonly onDigests?: ((queued: number) => void) | undefined;
  readonly onError: (err: unknown) => void;
}

/**
 * The e-mail delivery worker of one instance: one round at a time, right after a commit that queued mail
 * (the store's nudge) and every `pollMs`; each round claims due messages with a lease, so several instances
 * on one PostgreSQL each send a message once. Also queues the daily digests that are due, once a minute.
 */
export function startOutboxDelivery(o: OutboxDeliveryOptions): OutboxDelivery {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let isStopped = false;
  let isNudged = false;
  let lastDigests = 0;
  const schedule = (ms: number) => {
    if (isStopped || timer) return;
    timer = setTimeout(run, ms);
    timer.unref();
  };
  const round = async (): Promise<boolean> => {
    const now = o.deps.clock.now();
    if (now.getTime() - lastDigests >= digestEveryMs) {
      lastDigests = now.getTime();
      const queued = await sendDigests(o.deps, now);
      if (queued > 0) o.onDigests?.(queued);
    }
    const r = await deliverOutbox(o.deps, o.mailer, o.workerId, { leaseMs: o.leaseMs });
    if (r.claimed > 0) o.onRound?.(r);
    return r.claimed >= mailBatch;
  };
  const run = () => {
    timer = null;
    isNudged = false;
    running = round()
      .then(
        (hasMore) => (hasMore ? 0 : o.pollMs),
        (err) => {
          o.onError(err);
          return o.pollMs;
        },
      )
      .then((next) => {
        running = null;
        schedule(isNudged ? 0 : next);
      });
  };
  const unlisten = o.deps.store.onMailQueued(() => nudge());
  const nudge = () => {
    if (isStopped) return;
    if (running) {
      isNudged = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    schedule(0);
  };
  schedule(0);
  return {
    nudge,
    async stop() {
      isStopped = true;
      unlisten();
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
