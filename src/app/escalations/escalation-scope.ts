import type { TriggerSetting } from '../../domain/escalations/triggers.js';
import type { UserId } from '../../domain/ids.js';
import { type AuthorizedProgramId, systemAccess } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { Membership, Role } from '../../domain/roles.js';
import type { Reads, User } from '../ports.js';
import { settingsByProgram } from './trigger-settings.js';

/** What raising and climbing need of one program: its triggers, its people by role, its charter's path, the people's zones. */
export interface EscalationScope {
  readonly program: Program;
  /** Tollgate's proof for reading the program's records (policy.systemAccess). */
  readonly programId: AuthorizedProgramId;
  readonly triggers: readonly TriggerSetting[];
  /** The charter's escalation path, first level first. */
  readonly path: readonly UserId[];
  readonly decisionOwnerId: UserId | null;
  /** Active holders of each role on the program: its own roles first, then its client's. */
  readonly holders: Partial<Record<Role, readonly UserId[]>>;
  readonly users: ReadonlyMap<string, User>;
}

/**
 * The scopes of these programs in a constant number of reads whatever their number (triggers, charters,
 * the memberships given, the people named): for the sweep's batches and a floor event's one program.
 */
export async function escalationScopes(
  reads: Reads,
  programs: readonly Program[],
  memberships: readonly Membership[],
): Promise<Map<string, EscalationScope>> {
  if (programs.length === 0) return new Map();
  const ids = programs.map((p) => systemAccess(p).programId);
  const [rows, charters] = await Promise.all([reads.listTriggers(ids), reads.listCharters(ids)]);
  const settings = settingsByProgram(ids, rows);
  const charterOf = new Map(charters.map((c) => [c.programId, c.charter]));
  const named = new Set<string>(memberships.map((m) => m.userId));
  for (const c of charters) for (const id of [...c.charter.escalationPath, c.charter.decisionOwnerId]) if (id) named.add(id);
  for (const r of rows) if (r.ownerUserId) named.add(r.ownerUserId);
  for (const p of programs) if (p.ownerId) named.add(p.ownerId);
  const users = new Map((await reads.findUsers([...named])).map((u) => [u.id as string, u]));
  const out = new Map<string, EscalationScope>();
  for (const p of programs) {
    const holders: Partial<Record<Role, UserId[]>> = {};
    const on = memberships
      .filter((m) => m.programId === p.id || (m.clientId !== null && m.clientId === p.clientId))
      .sort((a, b) => Number(a.programId === null) - Number(b.programId === null));
    for (const m of on) {
      if (users.get(m.userId)?.status !== 'active' && users.get(m.userId)?.status !== 'invited') continue;
      const list = holders[m.role] ?? [];
      if (!list.includes(m.userId)) list.push(m.userId);
      holders[m.role] = list;
    }
    const charter = charterOf.get(p.id);
    out.set(p.id, {
      program: p,
      programId: systemAccess(p).programId,
      triggers: settings.get(p.id) ?? [],
      path: charter?.escalationPath ?? [],
      decisionOwnerId: charter?.decisionOwnerId ?? null,
      holders,
      users,
    });
  }
  return out;
}

/**
 * Whose a raised escalation is: the trigger's person, or the holder of its role (the program's owner when
 * they hold it, else the first named); with nobody in that role, the program's owner, else the first of the path.
 */
export function actionOwnerOf(scope: EscalationScope, t: TriggerSetting): UserId | null {
  if (t.owner.kind === 'person') return t.owner.userId;
  const holders = scope.holders[t.owner.role] ?? [];
  const owner = scope.program.ownerId;
  if (owner && holders.includes(owner)) return owner;
  return holders[0] ?? owner ?? scope.path[0] ?? null;
}

/** The program's cadence owners (told of every raise and climb). */
export const cadenceOwnersOf = (scope: EscalationScope): readonly UserId[] => scope.holders.cadence_owner ?? [];
