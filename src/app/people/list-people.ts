import { permitAdmin } from '../../domain/policy.js';
import { ok, type Result } from '../../domain/result.js';
import type { Membership } from '../../domain/roles.js';
import type { Actor, AppDeps } from '../deps.js';
import { isSystemActor } from '../escalations/system-actor.js';
import type { User } from '../ports.js';

export interface PersonView {
  readonly user: User;
  readonly memberships: readonly Membership[];
}

/** Everyone in the workspace with their roles (admins only); Tollgate's system actors are not people. */
export async function listPeople(deps: AppDeps, input: { actor: Actor }): Promise<Result<PersonView[]>> {
  const allowed = permitAdmin(input.actor, 'people.manage');
  if (!allowed.ok) return allowed;
  const r = deps.store.reads;
  const [users, memberships] = await Promise.all([r.listUsers(), r.listMemberships()]);
  return ok(
    users.filter((u) => !isSystemActor(u.id)).map((user) => ({ user, memberships: memberships.filter((m) => m.userId === user.id) })),
  );
}
