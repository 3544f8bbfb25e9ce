import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Authenticated, authenticateSession, authenticateToken } from '../app/auth/authenticate.js';
import type { StartedSession } from '../app/auth/start-session.js';
import type { Actor } from '../app/deps.js';
import type { HttpDeps } from './http-deps.js';
import { RefusalError } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking, resolved once per API request from the session cookie or the bearer token. */
    auth: Authenticated | null;
  }
}

export const sessionCookie = 'tollgate_session';

/** Compares a presented secret with the expected one in constant time. */
function sameSecret(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Requests that create a session cannot carry a session's CSRF token yet.
// The intake link's form acts as nobody's session (a link's submission is the intake person's), so a
// signed-in browser that opens a client's link submits it like anyone else.
const csrfExempt = [
  /^\/api\/v1\/auth\/login$/,
  /^\/api\/v1\/auth\/logout$/,
  /^\/api\/v1\/invites\/[^/]+\/accept$/,
  /^\/api\/v1\/intake\/[^/]+$/,
  // An update link's token is its credential (in the path, never a cookie): what it changes is the link's person's.
  /^\/api\/v1\/update-links\/[^/]+\//,
];

/** Resolves the caller on every API request and guards cookie-authenticated writes against CSRF. */
export async function registerAuth(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req, res) => {
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/auth/')) return;
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      req.auth = m ? await authenticateToken(deps.app, m[1] as string) : null;
      return;
    }
    const value = req.cookies[sessionCookie];
    if (!value) return;
    req.auth = await authenticateSession(deps.app, value);
    // The session slid forward: so does the cookie, or the browser would drop it 14 days after sign-in.
    if (req.auth?.session?.renewed) {
      setSessionCookie(req, res, { token: value, csrfToken: req.auth.session.csrfToken, expiresAt: req.auth.session.expiresAt }, deps);
    }
    const path = req.url.split('?')[0] ?? '';
    if (req.auth?.session && unsafe.has(req.method) && !csrfExempt.some((re) => re.test(path))) {
      if (!sameSecret(req.headers['x-csrf-token'], req.auth.session.csrfToken)) {
        throw new RefusalError({ code: 'CSRF_FAILED', message: 'Missing or wrong X-CSRF-Token header; reload the page and try again.' });
      }
    }
  });
}

/** The signed-in person, or a 401 refusal. Routes call this; nothing else decides who acts. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.auth) {
    const why = req.headers.authorization ? 'The API token is unknown, revoked or expired.' : 'Sign in first.';
    throw new RefusalError({ code: 'UNAUTHENTICATED', message: why });
  }
  return req.auth.principal;
}

const isSecure = (req: FastifyRequest, publicUrl: string | undefined) =>
  req.protocol === 'https' || (publicUrl?.startsWith('https:') ?? false);

/**
 * The session cookie lives as long as the session: Max-Age from the server's clock, not an Expires
 * date, so a server whose clock is set elsewhere (TOLLGATE_NOW) still gives browsers a live cookie.
 */
export function setSessionCookie(
  req: FastifyRequest,
  res: FastifyReply,
  s: StartedSession,
  deps: Pick<HttpDeps, 'app' | 'publicUrl'>,
): void {
  const seconds = Math.max(0, Math.floor((Date.parse(s.expiresAt) - deps.app.clock.now().getTime()) / 1000));
  res.setCookie(sessionCookie, s.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(req, deps.publicUrl),
    path: '/',
    maxAge: seconds,
  });
}

export function clearSessionCookie(req: FastifyRequest, res: FastifyReply, publicUrl: string | undefined): void {
  res.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'lax', secure: isSecure(req, publicUrl), path: '/' });
}
