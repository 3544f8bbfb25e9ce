import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { abort } from '../transact.js';
import { deleteRecord, updateRecord } from '../write-record.js';
import { workspaceWrite } from '../write-sequence.js';

/**
 * Removes a person's access (admins only): their roles, sessions and API tokens end at once. The
 * account stays, marked removed, so the change log keeps naming them.
 */
export function removePerson(deps: AppDeps, input: { actor: Actor; userId: string; reason?: string | undefined }): Promise<Result<true>> {
  // Two admins removing each other at once on two instances: the second waits, then sees one admin left.
  const target = { actor: input.actor, permission: 'people.manage', lock: 'admins', reason: input.reason } as const;
  return workspaceWrite(deps, target, async ({ tx, meta, metaForAnother }) => {
    const user = await tx.findUser(input.userId);
    if (!user || user.status === 'removed') return abort({ code: 'USER_NOT_FOUND', message: `No person "${input.userId}".` });
    if (user.isAdmin && (await tx.countAdmins()) <= 1)
      return abort({ code: 'LAST_ADMIN', message: 'The workspace must keep at least one admin.' });
    // Each record its own write: roles with the reason, tokens revoked without one, then the person.
    for (const m of await tx.listMemberships(user.id)) {
      const { id, version, ...fields } = m;
      await deleteRecord(deps, tx, { entity: 'membership', id, programId: m.programId, meta: metaForAnother() }, { ...fields, version });
    }
    for (const t of await tx.listApiTokens(user.id)) {
      if (t.revokedAt === null)
        await updateRecord(
          deps,
          tx,
          { entity: 'api_token', id: t.id, programId: null, meta: metaForAnother(null) },
          { revokedAt: t.revokedAt, version: t.version },
          { revokedAt: meta.at },
        );
    }
    await updateRecord(
      deps,
      tx,
      { entity: 'user', id: user.id, programId: null, meta },
      { status: user.status, isAdmin: user.isAdmin, version: user.version },
      { status: 'removed', isAdmin: false },
    );
    await tx.deleteSessions({ userId: user.id });
    return true as const;
  });
}
