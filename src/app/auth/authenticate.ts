import { LRUCache } from 'lru-cache';
import type { Principal } from '../../domain/roles.js';
import type { AppDeps } from '../deps.js';
import type { Store } from '../ports.js';
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
  /** The workspace's revision the person's roles were read at (read before them; app/read-stamp.ts may use it). */
  readonly workspace: number;
}

/** People kept per store (an instance's memory bound): each entry is a person and their roles. */
const keptPeople = 10_000;
const people = new WeakMap<Store, LRUCache<string, { readonly workspace: number; readonly principal: Principal | null }>>();

/**
 * The person with this id and their roles, or null when they are not active: kept per workspace
 * revision, which every write of a person or of anyone's role counts up, so a removal or a role taken
 * away is seen by the next request on any instance. The revision is read before the person.
 */
async function activePrincipal(
  store: Store,
  userId: string,
  /** The workspace's revision when read already (with the session). */
  known?: number,
): Promise<{ principal: Principal | null; workspace: number }> {
  let kept = people.get(store);
  if (!kept) {
    kept = new LRUCache({ max: keptPeople });
    people.set(store, kept);
  }
  const workspace = known ?? (await store.reads.workspaceRevision());
  const found = kept.get(userId);
  if (found && found.workspace === workspace) return found;
  const user = await store.reads.findUser(userId);
  const principal = user?.status === 'active' ? await principalOf(store.reads, user) : null;
  const entry = { workspace, principal };
  kept.set(userId, entry);
  return entry;
}

/** Who a session cookie belongs to, or null when it is unknown, expired, or its person was removed. */
export async function authenticateSession(deps: AppDeps, cookie: string): Promise<Authenticated | null> {
  const r = deps.store.reads;
  const found = await r.findSessionAtRevision(hashSecret(cookie));
  const now = deps.clock.now();
  if (!found || found.session.expiresAt <= now.toISOString()) return null;
  const s = found.session;
  const { principal, workspace } = await activePrincipal(deps.store, s.userId, found.workspace);
  if (!principal) return null;
  let expiresAt = s.expiresAt;
  const renewed = now.getTime() - Date.parse(s.lastSeenAt) > sessionTouchMs;
  if (renewed) {
    expiresAt = plusMs(now, sessionTtlMs);
    await deps.store.transaction((tx) => tx.touchSession(s.id, now.toISOString(), expiresAt));
  }
  return { principal, session: { id: s.id, csrfToken: s.csrfToken, expiresAt, renewed }, tokenId: null, workspace };
}

/** Who a personal API token belongs to, or null when it is unknown, revoked or expired. */
export async function authenticateToken(deps: AppDeps, bearer: string): Promise<Authenticated | null> {
  const r = deps.store.reads;
  const t = await r.findApiTokenByHash(hashSecret(bearer));
  const now = deps.clock.now().toISOString();
  if (!t || t.revokedAt !== null || t.expiresAt <= now) return null;
  const { principal, workspace } = await activePrincipal(deps.store, t.userId);
  if (!principal) return null;
  if (!t.lastUsedAt || Date.parse(now) - Date.parse(t.lastUsedAt) > sessionTouchMs) {
    await deps.store.transaction((tx) => tx.touchApiToken(t.id, now));
  }
  return { principal, session: null, tokenId: t.id, workspace };
}
