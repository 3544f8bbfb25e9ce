import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Me } from '../lib/api.js';
import { queryKeys } from '../lib/queries.js';

/** The signed-in person, provided by RequireSession to every page behind sign-in. */
export const MeContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser is used outside RequireSession');
  return me;
}

/** Cached answers that are the same whoever asks; everything else belongs to one person. */
const sharedKeys: readonly unknown[] = [queryKeys.authConfig[0], 'invite'];

/** A new person is signed in: nothing cached for the previous one may show. */
export function startSession(client: QueryClient, me: Me): void {
  client.removeQueries({ predicate: (q) => !sharedKeys.includes(q.queryKey[0]) });
  client.setQueryData(queryKeys.me, me);
}

/** Only a path on this site is a place to return to after signing in, never another origin. */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/^\/(signin|invite|setup)(\/|$|\?)/.test(next) || isPublicPath(next.split('?')[0] ?? next)) return '/';
  return next;
}

/** The sign-in page's address, remembering where to come back to. */
export function signInPath(from: string): string {
  const next = safeNext(from);
  return next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`;
}

/** Pages anyone may open without signing in. */
export const isPublicPath = (pathname: string): boolean =>
  /^\/(signin|invite\/|setup\/|update\/)/.test(pathname) || (/^\/intake\/[^/]+$/.test(pathname) && pathname !== '/intake/links');
