import { noticeMailKinds } from '../../domain/mail/notice-mail.js';
import { isNotificationMode, type NotificationMode } from '../../domain/notification-settings.js';
import type { NoticeKind } from '../../domain/notifications.js';
import { ok, type Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { abort, transact } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { writeNotificationModes } from './notification-settings.js';
import { type OneClickKind, verifyOneClick } from './one-click-token.js';

/** How a kind is e-mailed: a notice's mode, or the leadership view's 'weekly' (subscribed) or 'off'. */
export type OneClickMode = NotificationMode | 'weekly';

/** Whether `mode` is one `kind` can have (the undo form's fields come from the page, but are checked all the same). */
export const isOneClickMode = (kind: OneClickKind, mode: unknown): mode is OneClickMode =>
  kind === 'leadership_view' ? mode === 'weekly' || mode === 'off' : isNotificationMode(mode);

/** What a one-click link changed: per kind, its mode before and after. */
export interface OneClickView {
  readonly email: string;
  readonly changes: readonly {
    readonly kind: OneClickKind;
    readonly name: string;
    readonly before: OneClickMode;
    readonly after: OneClickMode;
  }[];
}

const leadershipName = 'The weekly leadership view';

/**
 * The one-click link of an e-mail (RFC 8058): turns the kinds its signed token names off for the person it
 * was sent to (the e-mails of kinds of notice, or the subscription to the weekly leadership view), or
 * (`restore`, the undo) sets them back to the modes given. No session is needed: the token, signed with the
 * workspace's key and expiring, is the proof. Logged under the person, like their own change.
 */
export async function applyOneClick(
  deps: AppDeps,
  input: { readonly token: string; readonly restore?: Readonly<Partial<Record<OneClickKind, OneClickMode>>> | undefined },
): Promise<Result<OneClickView>> {
  const key = await deps.store.reads.mailLinkKey();
  const claim = verifyOneClick(key, input.token, deps.clock.now());
  if (!claim.ok) return claim;
  const { userId, kinds } = claim.value;
  const wanted: Partial<Record<NoticeKind, NotificationMode>> = {};
  for (const k of kinds) {
    if (k === 'leadership_view') continue;
    const mode = input.restore ? input.restore[k] : 'off';
    if (isNotificationMode(mode)) wanted[k] = mode;
  }
  return transact(deps.store, async (tx) => {
    const user = await tx.findUser(userId);
    if (!user || user.status === 'removed') {
      return abort({ code: 'MAIL_LINK_INVALID', message: 'The person this link was sent to no longer has an account here.' });
    }
    const reason = input.restore ? 'Undone on the one-click page of an e-mail.' : 'Turned off with the one-click link of an e-mail.';
    const before = await writeNotificationModes(deps, tx, { actorId: user.id, reason }, user.id, wanted);
    const subscribed: OneClickMode = user.hasLeadershipMail ? 'weekly' : 'off';
    const leadership = input.restore ? (input.restore.leadership_view ?? subscribed) : 'off';
    if (kinds.includes('leadership_view')) {
      await updateRecord(deps, tx, { entity: 'user', id: user.id, programId: null, actorId: user.id, reason }, user, {
        hasLeadershipMail: leadership === 'weekly',
      });
    }
    return ok({
      email: user.email,
      changes: kinds.map((kind) =>
        kind === 'leadership_view'
          ? { kind, name: leadershipName, before: subscribed, after: leadership }
          : { kind, name: noticeMailKinds[kind].name, before: before[kind], after: wanted[kind] ?? before[kind] },
      ),
    });
  }).then((r) => (r.ok ? r.value : r));
}
