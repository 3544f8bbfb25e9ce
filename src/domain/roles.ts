import type { ClientId, ProgramId, UserId } from './ids.js';

export const roles = ['decision_owner', 'cadence_owner', 'quality_owner', 'contributor', 'observer'] as const;
export type Role = (typeof roles)[number];

/** A role held on one program, or on every program of one client. */
export interface Membership {
  readonly id: string;
  readonly userId: UserId;
  readonly clientId: ClientId | null;
  readonly programId: ProgramId | null;
  readonly role: Role;
  readonly version: number;
}

/** Who is acting, with what they hold: everything the policy needs to decide. */
export interface Principal {
  readonly id: UserId;
  readonly name: string;
  readonly email: string;
  readonly isAdmin: boolean;
  readonly memberships: readonly Membership[];
}

/** The roles a person holds on a program: its own memberships and those on its client. */
export function rolesOn(p: Principal, program: { readonly id: ProgramId; readonly clientId: ClientId }): Role[] {
  const held = new Set<Role>();
  for (const m of p.memberships) {
    if (m.programId === program.id || (m.clientId !== null && m.clientId === program.clientId)) held.add(m.role);
  }
  return [...held];
}
