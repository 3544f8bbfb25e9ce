import { permitAdmin } from '../../domain/policy.js';
import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { Client } from '../ports.js';

/** Every client organisation (admins, who assign roles on them). */
export async function listClients(deps: AppDeps, input: { actor: Actor }): Promise<Result<Client[]>> {
  const allowed = permitAdmin(input.actor, 'people.manage');
  return allowed.ok ? ok(await deps.store.reads.listClients()) : allowed;
}
