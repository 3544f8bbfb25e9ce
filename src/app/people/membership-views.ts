import type { Membership } from '../../domain/roles.js';
import type { Reads } from '../ports.js';

export interface MembershipView {
  readonly membership: Membership;
  readonly clientName: string | null;
  readonly programCode: string | null;
}

/** Memberships with the names people read (client name, program code). */
export async function describeMemberships(reads: Reads, memberships: readonly Membership[]): Promise<MembershipView[]> {
  if (memberships.length === 0) return [];
  const [clients, programs] = await Promise.all([reads.listClients(), reads.listPrograms()]);
  return memberships.map((membership) => ({
    membership,
    clientName: membership.clientId ? (clients.find((c) => c.id === membership.clientId)?.name ?? null) : null,
    programCode: membership.programId ? (programs.find((p) => p.id === membership.programId)?.code ?? null) : null,
  }));
}
