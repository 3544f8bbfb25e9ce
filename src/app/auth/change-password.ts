import { checkPassword } from '../../domain/password-policy.js';
import { type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { abort, transact } from '../transact.js';
import { updateRecord } from '../write-record.js';

export interface ChangePasswordInput {
  readonly actor: Actor;
  readonly currentPassword: string;
  readonly newPassword: string;
  /** The session making the change stays signed in; every other session of the person ends. */
  readonly keepSessionId: string | null;
}

/** Changes one's own password after proving the current one. */
export async function changePassword(deps: AppDeps, input: ChangePasswordInput): Promise<Result<true>> {
  const r = deps.store.reads;
  const hash = await r.findPasswordHash(input.actor.id);
  if (!hash || !(await deps.passwords.verify(hash, input.currentPassword))) {
    return refuse('CURRENT_PASSWORD_WRONG', 'The current password is not right.', [
      { path: 'currentPassword', message: 'Not your current password.' },
    ]);
  }
  const strong = checkPassword(input.newPassword, input.actor.email);
  if (!strong.ok)
    return {
      ok: false,
      error: { ...strong.error, fields: [{ path: 'newPassword', message: strong.error.fields?.[0]?.message ?? strong.error.message }] },
    };
  const newHash = await deps.passwords.hash(input.newPassword);
  return transact(deps.store, async (tx) => {
    const user = await tx.findUser(input.actor.id);
    if (!user) return abort({ code: 'UNAUTHENTICATED', message: 'Sign in again.' });
    await updateRecord<{ passwordHash: string | null }>(
      deps,
      tx,
      { entity: 'user', id: user.id, programId: null, actorId: user.id, secret: ['passwordHash'], reason: 'Changed their password.' },
      { passwordHash: hash, version: user.version },
      { passwordHash: newHash },
    );
    await tx.deleteSessions({ userId: user.id, exceptId: input.keepSessionId ?? undefined });
    return true as const;
  });
}
