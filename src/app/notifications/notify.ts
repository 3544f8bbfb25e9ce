import type { UserId } from '../../domain/ids.js';
import { boundedFacts, type NoticeBody, noticeLink, noticeRecipients } from '../../domain/notifications.js';
import type { AppDeps } from '../deps.js';
import { queueNoticeMails } from '../mail/queue-notice-mails.js';
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
 * Keeps the notices of a change in the change's own transaction, and queues the e-mail of each kept one its
 * recipient wants at once (app/mail/queue-notice-mails.ts): a refused or failed write leaves neither. Features
 * call it inside their write; answers how many notices were kept.
 */
export async function notify(
  deps: Pick<AppDeps, 'newId' | 'mail'>,
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
  if (rows.length === 0) return 0;
  const keptIds = new Set(await tx.insertNotices(rows));
  // Only the notices kept (not skipped by their dedupe key) are e-mailed.
  await queueNoticeMails(
    deps,
    tx,
    rows.filter((r) => keptIds.has(r.id)),
  );
  return keptIds.size;
}

/** A new action's owner is told it is theirs (unless they opened it themselves). */
export function noticeActionAssigned(
  deps: Pick<AppDeps, 'newId' | 'mail'>,
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
