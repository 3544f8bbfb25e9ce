import { isTimeZone } from '../../domain/plain-date.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { insertPerson } from '../people/insert-person.js';
import { abort, must, transact } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { checkNewPassword } from './password-rules.js';
import { findOpenInvite } from './show-invite.js';
import { type StartedSession, startSession } from './start-session.js';

export interface AcceptInviteInput {
  readonly token: string;
  readonly password: string;
  /** Required for the setup link (the first admin names themselves); an invite already names the person. */
  readonly email?: string | undefined;
  readonly name?: string | undefined;
  readonly timeZone?: string | undefined;
}

/** Uses an invite (or the setup link): sets the password, activates the account and signs in. */
export async function acceptInvite(deps: AppDeps, input: AcceptInviteInput): Promise<Result<StartedSession & { userId: string }>> {
  const open = await findOpenInvite(deps.store.reads, input.token, deps.clock.now());
  if (!open.ok) return open;
  const email = open.value.user?.email ?? input.email ?? '';
  const strong = checkNewPassword(deps, input.password, email);
  if (!strong.ok) return strong;
  const passwordHash = await deps.passwords.hash(input.password);
  return transact(deps.store, async (tx) => {
    // Re-checked inside the transaction, after the lock: two tabs must not both use one link, and two
    // setup links accepted at once on two instances must not both create a first admin.
    await tx.lock('first-admin');
    const { invite, user } = must(await findOpenInvite(tx, input.token, deps.clock.now()));
    let userId = user?.id;
    if (!user) {
      if (!input.email || !input.name) {
        abort({
          code: 'VALIDATION_FAILED',
          message: 'The first admin needs an email and a name.',
          fields: [{ path: input.email ? 'name' : 'email', message: 'Required.' }],
        });
      }
      const admin = await insertPerson(deps, tx, null, {
        email: input.email as string,
        name: input.name as string,
        timeZone: input.timeZone,
        isAdmin: true,
        status: 'active',
        passwordHash,
      });
      userId = admin.id;
    } else {
      const name = input.name?.trim() || user.name;
      // Unless the admin chose a zone, the browser's is a better guess than the UTC an invite starts with.
      const timeZone = user.timeZone === 'UTC' && input.timeZone && isTimeZone(input.timeZone) ? input.timeZone : user.timeZone;
      await updateRecord(
        deps,
        tx,
        { entity: 'user', id: user.id, programId: null, actorId: user.id, secret: ['passwordHash'], reason: 'Accepted the invitation.' },
        { status: user.status, name: user.name, timeZone: user.timeZone, passwordHash: null, version: user.version },
        { status: 'active', name, timeZone, passwordHash },
      );
    }
    const actorId = userId as NonNullable<typeof userId>;
    await updateRecord(
      deps,
      tx,
      { entity: 'invite', id: invite.id, programId: null, actorId },
      { usedAt: null, version: invite.version },
      { usedAt: deps.clock.now().toISOString() },
    );
    const session = await startSession(deps, tx, actorId, 'invite');
    return { ...session, userId: actorId };
  });
}
