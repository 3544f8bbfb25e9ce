import type { AppDeps } from '../deps.js';
import type { Mailer } from '../ports.js';

/** Waits before the next attempt after 1, 2, 3 … failures: 1 min, 5, 25, 125, then 6 hours at most. */
export const retryDelaysMs: readonly number[] = [60_000, 300_000, 1_500_000, 7_500_000, 21_600_000];
/** After this many failed attempts a message is failed for good (its last error kept). */
export const maxMailAttempts = 8;
/** How long a claim holds a message for its worker; an expired one (a worker that died) is claimed again. */
export const mailLeaseMs = 120_000;
/** Messages claimed at once. */
export const mailBatch = 20;

/** When a message that failed its `attempts`th attempt is due again, or null: failed for good. */
export function retryAt(now: Date, attempts: number): string | null {
  if (attempts >= maxMailAttempts) return null;
  const delay = retryDelaysMs[Math.min(attempts, retryDelaysMs.length) - 1] ?? retryDelaysMs[0] ?? 60_000;
  return new Date(now.getTime() + delay).toISOString();
}

export interface DeliveryRound {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: readonly { readonly id: string; readonly error: string }[];
  /** Messages claimed (a full batch means more may be due). */
  readonly claimed: number;
}

/**
 * One round of the delivery worker: claims due messages with a lease, sends each, marks it sent; a refused
 * or failed send is retried with backoff, and after maxMailAttempts kept as failed with its last error.
 * A crash after sending but before marking sent sends the message again once its lease expires: at least
 * once at that edge, with the outbox id as Message-ID so receivers can drop the copy.
 */
export async function deliverOutbox(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  mailer: Mailer,
  workerId: string,
  opts: { readonly leaseMs?: number; readonly limit?: number } = {},
): Promise<DeliveryRound> {
  const claimed = await deps.store.outbox.claim(
    workerId,
    deps.clock.now().toISOString(),
    opts.leaseMs ?? mailLeaseMs,
    opts.limit ?? mailBatch,
  );
  let sent = 0;
  let retrying = 0;
  const failed: { id: string; error: string }[] = [];
  for (const m of claimed) {
    try {
      await mailer.send({
        id: m.id,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        unsubscribeUrl: m.unsubscribeUrl,
        attachment: m.attachment,
      });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const now = deps.clock.now();
      const at = retryAt(now, m.attempts + 1);
      await deps.store.outbox.markAttemptFailed(m.id, workerId, error, at, now.toISOString());
      if (at === null) failed.push({ id: m.id, error });
      else retrying++;
      continue;
    }
    if (await deps.store.outbox.markSent(m.id, workerId, deps.clock.now().toISOString())) sent++;
  }
  return { sent, retrying, failed, claimed: claimed.length };
}
