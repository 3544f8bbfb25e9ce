import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { abort, transact } from '../transact.js';
import { updateRecord } from '../write-record.js';

/** Revokes one of one's own API tokens; it stops working at once. */
export function revokeApiToken(deps: AppDeps, input: { actor: Actor; tokenId: string }): Promise<Result<true>> {
  return transact(deps.store, async (tx) => {
    const t = (await tx.listApiTokens(input.actor.id)).find((x) => x.id === input.tokenId);
    if (!t) return abort({ code: 'TOKEN_NOT_FOUND', message: `You have no API token "${input.tokenId}".` });
    if (t.revokedAt === null) {
      await updateRecord(
        deps,
        tx,
        { entity: 'api_token', id: t.id, programId: null, actorId: input.actor.id },
        { revokedAt: null, version: t.version },
        { revokedAt: deps.clock.now().toISOString() },
      );
    }
    return true as const;
  });
}
