import type { PersonRef } from '../../../src/contract/common.js';
import { asClientId, asProgramId, asUserId, type UserId } from '../../../src/domain/ids.js';
import { accessProgram, grantFor, type ProgramAccess, programActions } from '../../../src/domain/policy.js';
import type { Role } from '../../../src/domain/roles.js';
import type { Can } from './permissions.js';

/**
 * For tests only (nothing the app imports): one person holding one role on a program, as the server
 * sees them (the access its policy checks) and as the page does (the `can` the server sends), so a
 * test can hold what a page offers to what the server would accept.
 */
export interface RoleAccess {
  readonly role: Role;
  readonly access: ProgramAccess;
  readonly can: Can;
}

const program = { id: asProgramId('p-1'), clientId: asClientId('c-1'), code: 'KHG-KW500' };

/** The people the tests name: the signed-in person, someone else on the program. */
export const me: PersonRef & { id: UserId } = { id: asUserId('u-me'), name: 'Mei Lin', email: 'mei@example.test' };
export const other: PersonRef & { id: UserId } = { id: asUserId('u-other'), name: 'Otto Berg', email: 'otto@example.test' };

/** `me` holding `role` on the program. */
export function roleAccess(role: Role): RoleAccess {
  const principal = {
    ...me,
    isAdmin: false,
    memberships: [{ id: 'm-1', userId: me.id, clientId: null, programId: program.id, role, version: 1 }],
  };
  const granted = accessProgram(principal, program);
  if (!granted.ok) throw new Error(`${role} does not see the program`);
  const access = granted.value;
  return { role, access, can: Object.fromEntries(programActions.map((a) => [a, grantFor(access, a)])) as Can };
}
