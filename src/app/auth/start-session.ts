import type { UserId } from '../../domain/ids.js';
import type { AppDeps } from '../deps.js';
import type { SessionRecord, Tx } from '../ports.js';
import { hashSecret, newSecret, plusMs, sessionTtlMs } from './secrets.js';

export interface StartedSession {
  /** The cookie's value; shown once, stored only as a hash. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** Opens a server-side session for a person who has just proved who they are. */
export async function startSession(deps: AppDeps, tx: Tx, userId: UserId, method: SessionRecord['method']): Promise<StartedSession> {
  const now = deps.clock.now();
  const token = newSecret('tgs_');
  const csrfToken = newSecret();
  const expiresAt = plusMs(now, sessionTtlMs);
  await tx.insertSession({
    id: hashSecret(token),
    userId,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt,
    lastSeenAt: now.toISOString(),
    method,
  });
  return { token, csrfToken, expiresAt };
}
