import type { AppDeps } from '../deps.js';
import { transact } from '../transact.js';
import { hashSecret, newSecret, plusMs, setupTtlMs } from './secrets.js';

/**
 * On first start, while the workspace has no admin: a one-time link that lets whoever holds it
 * create the first admin. Returns null once an admin exists.
 */
export async function createSetupLink(deps: AppDeps): Promise<{ token: string; expiresAt: string } | null> {
  if ((await deps.store.reads.countAdmins()) > 0) return null;
  const token = newSecret('tgu_');
  const expiresAt = plusMs(deps.clock.now(), setupTtlMs);
  const now = deps.clock.now().toISOString();
  // No person exists yet to name in the change log, so the setup invite is written as a plain record.
  const r = await transact(deps.store, (tx) =>
    tx.write({
      op: 'insert',
      entity: 'invite',
      id: deps.newId(),
      programId: null,
      entityKey: null,
      values: { tokenHash: hashSecret(token), purpose: 'setup', userId: null, expiresAt, usedAt: null },
      changes: [],
      meta: { actorId: null as never, at: now, reason: null, correlationId: deps.newId() },
    }),
  );
  if (!r.ok) throw new Error(r.error.message);
  return { token, expiresAt };
}
