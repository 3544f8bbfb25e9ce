import { createUser, unwrap } from './create-records.js';
import type { Actor, AppDeps } from './deps.js';

export const localUserEmail = 'local@tollgate.invalid';

/**
 * The actor of every write until sign-in exists: one local person, created on first use.
 * Sign-in will replace where the actor comes from, not how use cases receive it.
 */
export async function ensureLocalUser(deps: AppDeps): Promise<Actor> {
  const existing = await deps.store.reads.findUserByEmail(localUserEmail);
  if (existing) return { id: existing.id, name: existing.name };
  const u = unwrap(await createUser(deps, { actor: null, email: localUserEmail, name: 'Local user' }));
  return { id: u.id, name: u.name };
}
