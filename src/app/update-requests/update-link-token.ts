import { createHmac } from 'node:crypto';
import type { Refusal, Result } from '../../domain/result.js';
import { signatureMatches } from '../signature.js';

// The signed link of an update request, for a person without an account: which request it opens, signed with
// HMAC-SHA256 (cut to 128 bits, so the token fits one path segment of the router's 100 characters) under a key
// derived from the workspace's link key (migration 0021), so any instance checks what another signed. The request
// row is the authority on the rest: the link is refused once the row is revoked or past its expiry.

/** A token longer than this is refused unread. */
export const maxUpdateTokenChars = 100;

const macBytes = 16;

/** The key update links are signed with: the workspace's link key, bound to this one use. */
const linkKey = (workspaceKey: string) => createHmac('sha256', workspaceKey).update('update-request-link').digest();
const mac = (workspaceKey: string, payload: string) =>
  createHmac('sha256', linkKey(workspaceKey)).update(payload).digest().subarray(0, macBytes);

/** A signed token naming the request (URL-safe, at most 100 characters for an id of up to 56). */
export function signUpdateLink(workspaceKey: string, requestId: string): string {
  const payload = Buffer.from(requestId, 'utf8').toString('base64url');
  return `${payload}.${mac(workspaceKey, payload).toString('base64url')}`;
}

export const invalidUpdateLink: Refusal = {
  code: 'UPDATE_LINK_INVALID',
  message: 'This link is not one Tollgate made (it is incomplete or was changed); open the link of the newest update request e-mail.',
};

/** The request id of a token whose signature holds (its expiry and revocation are the request row's to check). */
export function verifyUpdateLink(workspaceKey: string, token: string): Result<string> {
  const [payload, signature, ...rest] = token.length <= maxUpdateTokenChars ? token.split('.') : [];
  if (!payload || !signature || rest.length > 0) return { ok: false, error: invalidUpdateLink };
  if (!signatureMatches(signature, mac(workspaceKey, payload))) return { ok: false, error: invalidUpdateLink };
  const requestId = Buffer.from(payload, 'base64url').toString('utf8');
  return requestId.length > 0 ? { ok: true, value: requestId } : { ok: false, error: invalidUpdateLink };
}
