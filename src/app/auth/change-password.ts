import { type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { abort, transact } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { checkNewPassword } from './password-rules.js';
import { accountThrottleKey, maxAccountFailures, throttleWindowMs } from './secrets.js';

export interface ChangePasswordInput {
  readonly actor: Actor;
  readonly currentPassword: string;
  readonly newPassword: string;
  /** The session making the change stays signed in; every other session of the person ends. */
  readonly keepSessionId: string | null;
}

export interface PasswordChanged {
  /** API tokens of the person that worked until now and are revoked. */
  readonly revokedTokens: number;
  /** Sessions of the person other than the one making the change. */
  readonly endedSessions: number;
}

/**
 * Changes one's own password after proving the current one. Wrong current passwords count against
 * the same per-account limit as sign-in (counted before the check, so parallel guesses cannot pass
 * it). A change ends the person's other sessions and revokes their API tokens, each revocation
 * through the one write path.
 */
export async function changePassword(deps: AppDeps, input: ChangePasswordInput): Promise<Result<PasswordChanged>> {
  const key = accountThrottleKey(input.actor.email);
  const counted = await transact(deps.store, (tx) => tx.recordFailure(key, deps.clock.now().toISOString(), throttleWindowMs));
  if (!counted.ok) return counted;
  if (counted.value > maxAccountFailures) {
    return refuse('RATE_LIMITED', 'Too many wrong passwords. Wait 15 minutes and try again.');
  }
  const hash = await deps.store.reads.findPasswordHash(input.actor.id);
  if (!hash || !(await deps.passwords.verify(hash, input.currentPassword))) {
    return refuse('CURRENT_PASSWORD_WRONG', 'The current password is not right.', [
      { path: 'currentPassword', message: 'Not your current password.' },
    ]);
  }
  // The current password is proven: the attempt was no guess.
  await transact(deps.store, (tx) => tx.clearFailures(key));
  const strong = checkNewPassword(deps, input.newPassword, input.actor.email);
  if (!strong.ok)
    return {
      ok: false,
      error: { ...strong.error, fields: [{ path: 'newPassword', message: strong.error.fields?.[0]?.message ?? strong.error.message }] },
    };
  const newHash = await deps.passwords.hash(input.newPassword);
  return transact(deps.store, async (tx) => {
    const user = await tx.findUser(input.actor.id);
    if (!user) return abort({ code: 'UNAUTHENTICATED', message: 'Sign in again.' });
    await updateRecord(
      deps,
      tx,
      { entity: 'user', id: user.id, programId: null, actorId: user.id, secret: ['passwordHash'], reason: 'Changed their password.' },
      { passwordHash: hash, version: user.version },
      { passwordHash: newHash },
    );
    const endedSessions = await tx.deleteSessions({ userId: user.id, exceptId: input.keepSessionId ?? undefined });
    const now = deps.clock.now().toISOString();
    const live = (await tx.listApiTokens(user.id)).filter((t) => t.revokedAt === null && t.expiresAt > now);
    for (const t of live) {
      await updateRecord(
        deps,
        tx,
        { entity: 'api_token', id: t.id, programId: null, actorId: user.id, reason: 'Revoked when the password changed.' },
        { revokedAt: null, version: t.version },
        { revokedAt: now },
      );
    }
    return { revokedTokens: live.length, endedSessions };
  });
}
