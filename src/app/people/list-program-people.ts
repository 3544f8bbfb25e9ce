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
  const [users, memberships] = await Promise.all([r.listUsers(), r.listMemberships()]);
  return ok(
    users
      .filter((u) => u.status !== 'removed')
      .map((user) => ({ user, roles: rolesOn({ ...user, memberships: memberships.filter((m) => m.userId === user.id) }, program) }))
      .filter((p) => p.roles.length > 0),
  );
}
