import type { Principal } from '../../domain/roles.js';
import type { Reads, User } from '../ports.js';

/** The acting person with everything the policy needs (their memberships). */
export async function principalOf(reads: Reads, user: User): Promise<Principal> {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    memberships: await reads.listMemberships(user.id),
  };
}
