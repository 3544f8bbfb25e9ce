import { asUserId } from '../../domain/ids.js';
import { permitAdmin } from '../../domain/policy.js';
import { type Result, refuse } from '../../domain/result.js';
import { checkNewPassword } from '../auth/password-rules.js';
import type { Actor, AppDeps } from '../deps.js';
import type { Tx, User } from '../ports.js';
import { abort } from '../transact.js';
import { workspaceWrite, writeSequence } from '../write-sequence.js';
import { insertPerson, type NewPerson } from './insert-person.js';

export interface CreatePersonInput {
  /** null only to create the first admin of an empty workspace (from the command line). */
  readonly actor: Actor | null;
  readonly email: string;
  readonly name: string;
  readonly password?: string | undefined;
  readonly isAdmin?: boolean | undefined;
  readonly timeZone?: string | undefined;
  readonly locale?: string | undefined;
}

/** Adds an active person directly (admins, or the first admin); most people arrive by invitation. */
export async function createPerson(deps: AppDeps, input: CreatePersonInput): Promise<Result<User>> {
  // Refused before the password is looked at and hashed; the write sequence permits again when it opens.
  if (input.actor) {
    const allowed = permitAdmin(input.actor, 'people.manage');
    if (!allowed.ok) return allowed;
  }
  if (input.password !== undefined) {
    const strong = checkNewPassword(deps, input.password, input.email);
    if (!strong.ok) return strong;
  }
  const passwordHash = input.password !== undefined ? await deps.passwords.hash(input.password) : null;
  const person: NewPerson = {
    email: input.email,
    name: input.name,
    timeZone: input.timeZone,
    locale: input.locale,
    isAdmin: input.isAdmin,
    status: 'active',
    passwordHash,
  };
  if (input.actor) {
    return workspaceWrite(deps, { actor: input.actor, permission: 'people.manage' }, ({ tx, meta }) =>
      insertPerson(deps, tx, { meta }, person),
    );
  }
  if (!input.isAdmin) return refuse('FORBIDDEN', 'Without an admin acting, only the first admin can be created.');
  // Nobody acts yet: the first admin records their own creation, once, whichever instance gets there first.
  const id = asUserId(deps.newId());
  const open = async (tx: Tx) => {
    await tx.lock('first-admin');
    if ((await tx.countAdmins()) > 0)
      abort({ code: 'FORBIDDEN', message: 'The workspace already has an admin; an admin must add people.' });
    return {};
  };
  return writeSequence(
    deps,
    { actorId: id, open },
    ({ tx, meta }) => insertPerson(deps, tx, { meta }, { ...person, id }),
    ({ value }) => value,
  );
}
