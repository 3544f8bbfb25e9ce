import { ok, type Result, refuse } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { transact } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { type StartedSession, startSession } from './start-session.js';

/**
 * Signs in a person whom the identity provider vouches for. Only a verified email that belongs to
 * an invited or active account gets in; the first such sign-in activates an invited account.
 */
export async function signInOidc(
  deps: AppDeps,
  input: { email: string; emailVerified: boolean },
): Promise<Result<StartedSession & { userId: string }>> {
  if (!input.emailVerified) return refuse('OIDC_FAILED', 'The identity provider did not confirm that this email address is verified.');
  const user = await deps.store.reads.findUserByEmail(input.email.trim().toLowerCase());
  if (!user || user.status === 'removed')
    return refuse('NOT_INVITED', `No account is invited for ${input.email}. Ask an admin to invite you.`);
  return transact(deps.store, async (tx) => {
    if (user.status === 'invited') {
      await updateRecord(
        deps,
        tx,
        { entity: 'user', id: user.id, programId: null, actorId: user.id, reason: 'First sign-in through the identity provider.' },
        { status: user.status, version: user.version },
        { status: 'active' },
      );
      const now = deps.clock.now().toISOString();
      for (const inv of await tx.listInvites(user.id)) {
        if (inv.usedAt === null) {
          await updateRecord(
            deps,
            tx,
            { entity: 'invite', id: inv.id, programId: null, actorId: user.id },
            { usedAt: null, version: inv.version },
            { usedAt: now },
          );
        }
      }
    }
    return { ...(await startSession(deps, tx, user.id, 'oidc')), userId: user.id };
  }).then((r) => (r.ok ? ok(r.value) : r));
}
