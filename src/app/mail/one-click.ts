import { noticeMailKinds } from '../../domain/mail/notice-mail.js';
import type { NotificationMode } from '../../domain/notification-settings.js';
import type { NoticeKind } from '../../domain/notifications.js';
import { ok, type Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { abort, transact } from '../transact.js';
import { writeNotificationModes } from './notification-settings.js';
import { verifyOneClick } from './one-click-token.js';

/** What a one-click link changed: per kind, its mode before and after. */
export interface OneClickView {
  readonly email: string;
  readonly changes: readonly {
    readonly kind: NoticeKind;
    readonly name: string;
    readonly before: NotificationMode;
    readonly after: NotificationMode;
  }[];
}

/**
 * The one-click link of an e-mail (RFC 8058): turns the kinds its signed token names off for the person it
 * was sent to, or (`restore`, the undo) sets them back to the modes given. No session is needed: the token,
 * signed with the workspace's key and expiring, is the proof. Logged under the person, like their own change.
 */
export async function applyOneClick(
  deps: AppDeps,
  input: { readonly token: string; readonly restore?: Readonly<Partial<Record<NoticeKind, NotificationMode>>> | undefined },
): Promise<Result<OneClickView>> {
  const key = await deps.store.reads.mailLinkKey();
  const claim = verifyOneClick(key, input.token, deps.clock.now());
  if (!claim.ok) return claim;
  const { userId, kinds } = claim.value;
  const wanted: Partial<Record<NoticeKind, NotificationMode>> = {};
  for (const k of kinds) wanted[k] = input.restore ? input.restore[k] : 'off';
  return transact(deps.store, async (tx) => {
    const user = await tx.findUser(userId);
    if (!user || user.status === 'removed') {
      return abort({ code: 'MAIL_LINK_INVALID', message: 'The person this link was sent to no longer has an account here.' });
    }
    const reason = input.restore ? 'Undone on the one-click page of an e-mail.' : 'Turned off with the one-click link of an e-mail.';
    const before = await writeNotificationModes(deps, tx, { actorId: user.id, reason }, user.id, wanted);
    return ok({
      email: user.email,
      changes: kinds.map((kind) => ({ kind, name: noticeMailKinds[kind].name, before: before[kind], after: wanted[kind] ?? before[kind] })),
    });
  }).then((r) => (r.ok ? r.value : r));
}
