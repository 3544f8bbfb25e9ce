import { ok, type Result } from '../../domain/result.js';
import { type Role, rolesOn } from '../../domain/roles.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import type { User } from '../ports.js';

export interface ProgramPerson {
  readonly user: User;
  readonly roles: readonly Role[];
}

/** The people who hold a role on a program: who can own its items. */
export async function listProgramPeople(deps: AppDeps, input: { actor: Actor; programId: string }): Promise<Result<ProgramPerson[]>> {
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const program = found.value.program;
  // Only the memberships on this program or its client, and only their people: not the workspace's.
  const memberships = await r.listMembershipsOn(program);
  const users = await r.findUsers(memberships.map((m) => m.userId));
  const byUser = new Map<string, typeof memberships>();
  for (const m of memberships) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
  return ok(
    users
      .filter((u) => u.status !== 'removed')
      .map((user) => ({ user, roles: rolesOn({ ...user, memberships: byUser.get(user.id) ?? [] }, program) }))
      .filter((p) => p.roles.length > 0),
  );
}
