import type { AppDeps } from '../deps.js';
import { insertPerson } from '../people/insert-person.js';
import type { Tx, User } from '../ports.js';

/**
 * The intake person: whom the change log names for submissions through a client's link, whose submitter
 * has no account (every change row names a person: changes.actor_id references users). Made on the first
 * such submission, recording its own creation. It is kept `removed`, so it never signs in, is never
 * offered as an owner and holds no role; the reason of each write names the link and the first contact.
 * An address under .invalid (RFC 2606) can belong to nobody.
 */
export const intakePersonEmail = 'intake@tollgate.invalid';
export const intakePersonName = 'Intake form';

export async function intakePerson(deps: AppDeps, tx: Tx): Promise<User> {
  await tx.lock('intake');
  const found = await tx.findUserByEmail(intakePersonEmail);
  if (found) return found;
  return insertPerson(deps, tx, null, { email: intakePersonEmail, name: intakePersonName, status: 'removed' });
}
