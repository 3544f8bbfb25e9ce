import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Refusal, Result } from '../../domain/result.js';

// The signed link of an update request, for a person without an account: which request it opens and until
// when, signed with HMAC-SHA256 under a key derived from the workspace's link key (migration 0021), so any
// instance checks what another signed. The request row is the authority: the link is refused once the row is
// revoked or past its expiry, and its expiry must be the row's (a token cannot outlive a shortened link).

/** A token longer than this is refused unread. */
export const maxUpdateTokenChars = 400;

export interface UpdateLinkClaim {
  readonly requestId: string;
  readonly expiresAt: string;
}

/** The key update links are signed with: the workspace's link key, bound to this one use. */
const linkKey = (workspaceKey: string) => createHmac('sha256', workspaceKey).update('update-request-link').digest();
const mac = (workspaceKey: string, payload: string) => createHmac('sha256', linkKey(workspaceKey)).update(payload).digest();

/** A signed token for the claim (URL-safe). */
export function signUpdateLink(workspaceKey: string, claim: UpdateLinkClaim): string {
  const payload = Buffer.from(JSON.stringify({ r: claim.requestId, e: claim.expiresAt })).toString('base64url');
  return `${payload}.${mac(workspaceKey, payload).toString('base64url')}`;
}

export const invalidUpdateLink: Refusal = {
  code: 'UPDATE_LINK_INVALID',
  message: 'This link is not one Tollgate made (it is incomplete or was changed); open the link of the newest update request e-mail.',
};

/** The claim of a token whose signature holds (its expiry and revocation are the request row's to check). */
export function verifyUpdateLink(workspaceKey: string, token: string): Result<UpdateLinkClaim> {
  const [payload, signature, ...rest] = token.length <= maxUpdateTokenChars ? token.split('.') : [];
  if (!payload || !signature || rest.length > 0) return { ok: false, error: invalidUpdateLink };
  const expected = mac(workspaceKey, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, error: invalidUpdateLink };
  let claim: { r?: unknown; e?: unknown };
  try {
    claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, error: invalidUpdateLink };
  }
  if (typeof claim.r !== 'string' || typeof claim.e !== 'string') return { ok: false, error: invalidUpdateLink };
  return { ok: true, value: { requestId: claim.r, expiresAt: claim.e } };
}
