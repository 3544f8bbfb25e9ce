import { permitAdmin } from '../../domain/policy.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { insertGrant, type RoleGrant } from '../people/grant-role.js';
import { insertPerson } from '../people/insert-person.js';
import type { Tx, User } from '../ports.js';
import { must, transact } from '../transact.js';
import { insertRecord, updateRecord } from '../write-record.js';
import { hashSecret, inviteTtlMs, newSecret, plusMs } from './secrets.js';

export interface InvitePersonInput {
  readonly actor: Actor;
  readonly email: string;
  readonly name: string;
  readonly isAdmin?: boolean | undefined;
  readonly timeZone?: string | undefined;
  readonly roles: readonly Omit<RoleGrant, 'userId'>[];
}

export interface Invitation {
  readonly user: User;
  /** The secret of the invite link; shown once, stored only as a hash. */
  readonly token: string;
  readonly expiresAt: string;
}

/**
 * Invites a person (admins only): their account exists at once with its roles, so items can be
 * assigned to them; they sign in after setting a password through the link, or through the
 * identity provider with the same verified email.
 */
export function invitePerson(deps: AppDeps, input: InvitePersonInput): Promise<Result<Invitation>> {
  return transact(deps.store, async (tx) => {
    must(permitAdmin(input.actor, 'people.manage'));
    const former = await tx.findUserByEmail(input.email.trim().toLowerCase());
    // Someone whose access was removed can be invited back: same account, so the change log stays one story.
    const user =
      former?.status === 'removed'
        ? await reinvite(deps, tx, input, former)
        : await insertPerson(
            deps,
            tx,
            { actorId: input.actor.id },
            {
              email: input.email,
              name: input.name,
              timeZone: input.timeZone,
              isAdmin: input.isAdmin,
              status: 'invited',
            },
          );
    for (const g of input.roles) await insertGrant(deps, tx, { actorId: input.actor.id }, { ...g, userId: user.id });
    const token = newSecret('tgi_');
    const expiresAt = plusMs(deps.clock.now(), inviteTtlMs);
    await insertRecord(
      deps,
      tx,
      { entity: 'invite', id: deps.newId(), programId: null, actorId: input.actor.id, secret: ['tokenHash'] },
      {
        tokenHash: hashSecret(token),
        purpose: 'invite',
        userId: user.id,
        expiresAt,
        usedAt: null,
      },
    );
    return { user, token, expiresAt };
  });
}

async function reinvite(deps: AppDeps, tx: Tx, input: InvitePersonInput, former: User): Promise<User> {
  const oldHash = await tx.findPasswordHash(former.id);
  const set = { status: 'invited' as const, name: input.name.trim(), isAdmin: input.isAdmin ?? false, passwordHash: null };
  await updateRecord(
    deps,
    tx,
    { entity: 'user', id: former.id, programId: null, actorId: input.actor.id, secret: ['passwordHash'], reason: 'Invited again.' },
    { status: former.status, name: former.name, isAdmin: former.isAdmin, passwordHash: oldHash, version: former.version },
    set,
  );
  return { ...former, status: 'invited', name: set.name, isAdmin: set.isAdmin, version: former.version + 1 };
}
