import type { AppDeps } from '../../src/app/deps.js';
import { ensureRequestActor, requestActorId } from '../../src/app/update-requests/run-update-requests.js';
import { signUpdateLink } from '../../src/app/update-requests/update-link-token.js';
import { insertOf } from '../../src/app/write-record.js';
import type { UserId } from '../../src/domain/ids.js';
import type { AuthorizedProgramId } from '../../src/domain/policy.js';
import { linkExpiryOf, type RequestItem } from '../../src/domain/update-requests/update-request.js';

/**
 * An update request for one person, as the run records it (through the one write path, as Tollgate), with a signed
 * link unless `hasAccount`: for tests that need many requests of one week (the run asks once per program and week).
 * Answers the request's id and its link's token.
 */
export async function seedUpdateRequest(
  deps: AppDeps,
  r: { programId: string; ownerId: string; week: string; items: RequestItem[]; hasAccount?: boolean },
): Promise<{ id: string; token: string }> {
  const id = deps.newId();
  const askedAt = deps.clock.now().toISOString();
  const programId = r.programId as AuthorizedProgramId;
  await deps.store.transaction((tx) => ensureRequestActor(deps, tx));
  await deps.store.transaction((tx) =>
    tx.write(
      insertOf(
        {
          entity: 'update_request',
          id,
          programId,
          entityKey: r.week,
          meta: { actorId: requestActorId, at: askedAt, reason: null, correlationId: deps.newId() },
        },
        {
          programId,
          week: r.week,
          ownerId: r.ownerId as UserId,
          askedAt,
          items: r.items,
          linkExpiresAt: r.hasAccount ? null : linkExpiryOf(askedAt),
          revokedAt: null,
          revokedById: null,
          confirmedItemIds: [],
        },
      ),
    ),
  );
  return { id, token: signUpdateLink(await deps.store.reads.mailLinkKey(), id) };
}
