import type { Principal } from '../../domain/roles.js';
import type { AppDeps } from '../deps.js';
import { principalOf } from './principal.js';
import { hashSecret, plusMs, sessionTouchMs, sessionTtlMs } from './secrets.js';

export interface Authenticated {
  readonly principal: Principal;
  /**
   * Present for a browser session: the token that state-changing requests must echo, and whether this
   * request extended the session (so that the cookie's expiry is extended with it).
   */
  readonly session: { readonly id: string; readonly csrfToken: string; readonly expiresAt: string; readonly renewed: boolean } | null;
  readonly tokenId: string | null;
}

/** Who a session cookie belongs to, or null when it is unknown, expired, or its person was removed. */
export async function authenticateSession(deps: AppDeps, cookie: string): Promise<Authenticated | null> {
  const r = deps.store.reads;
  const s = await r.findSession(hashSecret(cookie));
  const now = deps.clock.now();
  if (!s || s.expiresAt <= now.toISOString()) return null;
  const user = await r.findUser(s.userId);
  if (user?.status !== 'active') return null;
  let expiresAt = s.expiresAt;
  const renewed = now.getTime() - Date.parse(s.lastSeenAt) > sessionTouchMs;
  if (renewed) {
    expiresAt = plusMs(now, sessionTtlMs);
    await deps.store.transaction((tx) => tx.touchSession(s.id, now.toISOString(), expiresAt));
  }
  return { principal: await principalOf(r, user), session: { id: s.id, csrfToken: s.csrfToken, expiresAt, renewed }, tokenId: null };
}

/** Who a personal API token belongs to, or null when it is unknown, revoked or expired. */
export async function authenticateToken(deps: AppDeps, bearer: string): Promise<Authenticated | null> {
  const r = deps.store.reads;
  const t = await r.findApiTokenByHash(hashSecret(bearer));
  const now = deps.clock.now().toISOString();
  if (!t || t.revokedAt !== null || t.expiresAt <= now) return null;
  const user = await r.findUser(t.userId);
  if (user?.status !== 'active') return null;
  if (!t.lastUsedAt || Date.parse(now) - Date.parse(t.lastUsedAt) > sessionTouchMs) {
    await deps.store.transaction((tx) => tx.touchApiToken(t.id, now));
  }
  return { principal: await principalOf(r, user), session: null, tokenId: t.id };
}
