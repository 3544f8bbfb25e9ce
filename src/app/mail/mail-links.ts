import type { UserId } from '../../domain/ids.js';
import type { MailSetup } from '../deps.js';
import { type OneClickKind, oneClickTtlMs, signOneClick } from './one-click-token.js';

/** The path of the one-click page (GET shows it done, POST does it: RFC 8058), served by http/routes/one-click.ts. */
export const oneClickPath = '/notification-settings/one-click';
/** Where a person changes all their notification settings in the web app. */
export const settingsPath = '/account#notifications';

/** The links every e-mail to a person carries: their settings, and the signed one-click link that turns these kinds (or the leadership view) off. */
export function personMailLinks(
  mail: MailSetup,
  key: string,
  userId: UserId,
  kinds: readonly OneClickKind[],
  at: string,
): { readonly off: string; readonly settings: string } {
  const token = signOneClick(key, { userId, kinds, expiresAt: new Date(Date.parse(at) + oneClickTtlMs).toISOString() });
  return { off: `${mail.publicUrl}${oneClickPath}?token=${encodeURIComponent(token)}`, settings: `${mail.publicUrl}${settingsPath}` };
}
