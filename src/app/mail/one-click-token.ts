import { createHmac } from 'node:crypto';
import type { UserId } from '../../domain/ids.js';
import { type NoticeKind, noticeKinds } from '../../domain/notifications.js';
import type { Refusal, Result } from '../../domain/result.js';
import { signatureMatches } from '../signature.js';

// The one-click link in every e-mail: who it is for, which kinds it turns off, until when it works; signed with
// HMAC-SHA256 under the workspace's key (migration 0021), so any instance checks what another signed.

/** How long a one-click link works after its e-mail was written. */
export const oneClickTtlMs = 90 * 24 * 3600_000;
/** A token longer than this is refused unread. */
export const maxOneClickTokenChars = 1000;

/** What a one-click link turns off: the e-mails of a kind of notice, or the weekly leadership view. */
export type OneClickKind = NoticeKind | 'leadership_view';
export const oneClickKinds: readonly OneClickKind[] = [...noticeKinds, 'leadership_view'];

export interface OneClickClaim {
  readonly userId: UserId;
  readonly kinds: readonly OneClickKind[];
  /** ISO instant after which the link is refused. */
  readonly expiresAt: string;
}

const mac = (key: string, payload: string) => createHmac('sha256', key).update(payload).digest();

/** A signed token for the claim. */
export function signOneClick(key: string, claim: OneClickClaim): string {
  const payload = Buffer.from(JSON.stringify({ u: claim.userId, k: claim.kinds, e: claim.expiresAt })).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

const invalid: Refusal = {
  code: 'MAIL_LINK_INVALID',
  message: 'This link is not one Tollgate made (it is incomplete or was changed); open the newest e-mail or your settings.',
};

/** The claim of a token whose signature holds and which has not expired at `now`. */
export function verifyOneClick(key: string, token: string, now: Date): Result<OneClickClaim> {
  const [payload, signature, ...rest] = token.length <= maxOneClickTokenChars ? token.split('.') : [];
  if (!payload || !signature || rest.length > 0) return { ok: false, error: invalid };
  if (!signatureMatches(signature, mac(key, payload))) return { ok: false, error: invalid };
  let claim: { u?: unknown; k?: unknown; e?: unknown };
  try {
    claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, error: invalid };
  }
  const kinds = Array.isArray(claim.k) ? claim.k.filter((k): k is OneClickKind => oneClickKinds.includes(k)) : [];
  if (typeof claim.u !== 'string' || typeof claim.e !== 'string' || kinds.length === 0) return { ok: false, error: invalid };
  if (!(Date.parse(claim.e) > now.getTime())) {
    return {
      ok: false,
      error: { code: 'MAIL_LINK_EXPIRED', message: 'This link has expired; change what you are e-mailed in your notification settings.' },
    };
  }
  return { ok: true, value: { userId: claim.u as UserId, kinds, expiresAt: claim.e } };
}
