import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { abort } from '../transact.js';
import { deleteRecord } from '../write-record.js';
import { workspaceWrite } from '../write-sequence.js';

/** Takes a role away from a person (admins only); their access ends with their next request. */
export function revokeRole(
  deps: AppDeps,
  input: { actor: Actor; membershipId: string; reason?: string | undefined },
): Promise<Result<true>> {
  return workspaceWrite(deps, { actor: input.actor, permission: 'people.manage', reason: input.reason }, async ({ tx, meta }) => {
    const m = await tx.findMembership(input.membershipId);
    if (!m) return abort({ code: 'MEMBERSHIP_NOT_FOUND', message: `No role assignment "${input.membershipId}".` });
    const { id, version, ...fields } = m;
    await deleteRecord(deps, tx, { entity: 'membership', id, programId: m.programId, meta }, { ...fields, version });
    return true as const;
  });
}
