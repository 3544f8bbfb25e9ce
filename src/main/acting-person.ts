import { principalOf } from '../app/auth/principal.js';
import type { Actor, AppDeps } from '../app/deps.js';
import { ok, type Result, refuse } from '../domain/result.js';

/**
 * The person a command-line session acts as on the database: the active person with the email
 * given by --as or TOLLGATE_AS, with their roles, so the policy applies to them like to anyone.
 * Nobody named: null (commands that need a person refuse; only the first admin is created without
 * one). An email no active person has: UNAUTHENTICATED, as a sign-in with it would be.
 */
export async function actingPerson(deps: AppDeps, email: string | undefined): Promise<Result<Actor | null>> {
  if (!email) return ok(null);
  const user = await deps.store.reads.findUserByEmail(email.trim().toLowerCase());
  if (user?.status !== 'active') {
    return refuse('UNAUTHENTICATED', `No active person has the email ${email} (given with --as or TOLLGATE_AS).`);
  }
  return ok(await principalOf(deps.store.reads, user));
}
