import type { UserId } from '../../domain/ids.js';
import { boundedFacts, type NoticeBody, noticeLink, noticeRecipients } from '../../domain/notifications.js';
import type { AppDeps } from '../deps.js';
import type { NewNotice, Tx } from '../ports.js';

/** One notice to send: what it tells, about which program, to whom (absent people and the actor are left out). */
export type NoticeRequest = NoticeBody & {
  readonly programId: string | null;
  readonly recipients: readonly (UserId | null | undefined)[];
  /** Sent once per recipient and key (e.g. a gate at risk, per spell): a second one is skipped, also when two arrive at once. */
  readonly dedupeKey?: string | undefined;
};

/** Who made the change, and when: the actor is never told of their own change; null when Tollgate found it itself. */
export interface NoticeContext {
  readonly actorId: UserId | null;
  readonly at: string;
}

/**
 * Keeps the notices of a change in the change's own transaction: a refused or failed write leaves none,
 * and a later e-mail delivery reads the same rows. Features call it inside their write; answers how many were kept.
 */
export async function notify(
  deps: Pick<AppDeps, 'newId'>,
  tx: Tx,
  ctx: NoticeContext,
  requests: readonly NoticeRequest[],
): Promise<number> {
  const rows: NewNotice[] = [];
  for (const { programId, recipients, dedupeKey, ...body } of requests) {
    const bounded = boundedFacts(body as NoticeBody);
    const link = noticeLink(bounded);
    for (const recipientId of noticeRecipients(recipients, ctx.actorId)) {
      rows.push({
        ...bounded,
        id: deps.newId(),
        recipientId,
        programId,
        link,
        actorId: ctx.actorId,
        createdAt: ctx.at,
        dedupeKey: dedupeKey ?? null,
      });
    }
  }
  return rows.length === 0 ? 0 : tx.insertNotices(rows);
}

/** A new action's owner is told it is theirs (unless they opened it themselves). */
export function noticeActionAssigned(
  deps: Pick<AppDeps, 'newId'>,
  tx: Tx,
  ctx: NoticeContext,
  program: { readonly id: string; readonly code: string },
  action: { readonly key: string; readonly title: string; readonly ownerId: UserId | null },
): Promise<number> {
  return notify(deps, tx, ctx, [
    {
      kind: 'action_assigned',
      programId: program.id,
      recipients: [action.ownerId],
      facts: { programCode: program.code, actionKey: action.key, title: action.title },
    },
  ]);
}
