import { type TriggerKind, triggerKinds } from '../../domain/escalations/triggers.js';
import { asUserId, type UserId } from '../../domain/ids.js';
import type { AppDeps } from '../deps.js';
import { insertPerson } from '../people/insert-person.js';
import type { Tx } from '../ports.js';

/**
 * Tollgate acts as itself: what a trigger raises, and what an expiry changes, is change-logged under that
 * trigger's system actor — a reserved people row per trigger kind (id `system:trigger/<kind>`, named
 * "Tollgate (… trigger)"), so changes.actor_id keeps naming a row of users and every read of the change
 * log names it like a person. It is kept `removed` (never signs in, holds no role, is never offered as an
 * owner) with an address under .invalid that can belong to nobody; the policy grants it escalation.raise
 * only (domain/policy.ts systemAccess). Made on first use, recording its own creation.
 */
export const systemActorId = (kind: TriggerKind): UserId => asUserId(`system:trigger/${kind}`);
export const systemActorName = (kind: TriggerKind): string => `Tollgate (${kind.replaceAll('_', ' ')} trigger)`;
const systemActorEmail = (kind: TriggerKind): string => `${kind.replaceAll('_', '-')}.trigger@tollgate.invalid`;

/** Whether an actor id is one of Tollgate's own. */
export const isSystemActor = (id: string): boolean => id.startsWith('system:');

/** The system actors of every trigger kind, made when missing (one read when all exist; the lock when one is made). */
export async function ensureSystemActors(deps: AppDeps, tx: Tx): Promise<void> {
  const ids = triggerKinds.map(systemActorId);
  const found = new Set((await tx.findUsers(ids)).map((u) => u.id as string));
  if (found.size === ids.length) return;
  await tx.lock('system-actors');
  const again = new Set((await tx.findUsers(ids)).map((u) => u.id as string));
  for (const kind of triggerKinds) {
    if (again.has(systemActorId(kind))) continue;
    await insertPerson(deps, tx, null, {
      id: systemActorId(kind),
      email: systemActorEmail(kind),
      name: systemActorName(kind),
      status: 'removed',
    });
  }
}
