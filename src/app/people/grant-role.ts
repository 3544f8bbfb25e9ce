import { asClientId, asProgramId } from '../../domain/ids.js';
import type { Result } from '../../domain/result.js';
import type { Membership, Role } from '../../domain/roles.js';
import type { Actor, AppDeps } from '../deps.js';
import type { Tx } from '../ports.js';
import { abort } from '../transact.js';
import { insertRecord, type Stamp } from '../write-record.js';
import { workspaceWrite } from '../write-sequence.js';

export interface RoleGrant {
  readonly userId: string;
  /** Exactly one of clientId (every program of the client) or programId. */
  readonly clientId?: string | undefined;
  readonly programId?: string | undefined;
  readonly role: Role;
}

/** Inside a transaction: gives a person a role on a client's programs or on one program, stamped `by`. */
export async function insertGrant(deps: AppDeps, tx: Tx, by: Stamp, g: RoleGrant): Promise<Membership> {
  if ((g.clientId === undefined) === (g.programId === undefined)) {
    abort({
      code: 'VALIDATION_FAILED',
      message: 'Give either a client or a program, not both.',
      fields: [{ path: 'clientId', message: 'Give clientId or programId.' }],
    });
  }
  const user = await tx.findUser(g.userId);
  if (!user || user.status === 'removed')
    abort({ code: 'USER_NOT_FOUND', message: `No person "${g.userId}".`, fields: [{ path: 'userId', message: 'Unknown person.' }] });
  const program = g.programId ? await tx.findProgram(g.programId) : null;
  if (g.programId && !program)
    abort({
      code: 'PROGRAM_NOT_FOUND',
      message: `No program "${g.programId}".`,
      fields: [{ path: 'programId', message: 'Unknown program.' }],
    });
  if (g.clientId && !(await tx.findClient(g.clientId))) {
    abort({ code: 'VALIDATION_FAILED', message: `No client "${g.clientId}".`, fields: [{ path: 'clientId', message: 'Unknown client.' }] });
  }
  const clientId = g.clientId ? asClientId(g.clientId) : null;
  const programId = program ? program.id : null;
  const existing = (await tx.listMemberships(user?.id)).find(
    (m) => m.role === g.role && m.clientId === clientId && m.programId === programId,
  );
  if (existing) return existing;
  const id = deps.newId();
  const m: Membership = {
    id,
    userId: (user as NonNullable<typeof user>).id,
    clientId,
    programId: programId ? asProgramId(programId) : null,
    role: g.role,
    version: 1,
  };
  const { id: _i, version: _v, ...values } = m;
  await insertRecord(deps, tx, { entity: 'membership', id, programId: m.programId, ...by }, values);
  return m;
}

/** Gives a person a role (admins only). Granting a role they already hold changes nothing. */
export function grantRole(deps: AppDeps, input: RoleGrant & { actor: Actor }): Promise<Result<Membership>> {
  return workspaceWrite(deps, { actor: input.actor, permission: 'people.manage' }, ({ tx, meta }) =>
    insertGrant(deps, tx, { meta }, input),
  );
}
