import type { Actor, AppDeps } from '../deps.js';
import type { User } from '../ports.js';
import { describeMemberships, type MembershipView } from './membership-views.js';

export interface MeView {
  readonly user: User;
  readonly memberships: readonly MembershipView[];
}

/** Who the signed-in person is and which roles they hold where. */
export async function getMe(deps: AppDeps, input: { actor: Actor }): Promise<MeView> {
  const r = deps.store.reads;
  const user = await r.findUser(input.actor.id);
  if (!user) throw new Error(`signed-in person ${input.actor.id} not found`);
  return { user, memberships: await describeMemberships(r, input.actor.memberships) };
}
