import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { signInOidc } from '../app/auth/sign-in-oidc.js';
import { oidcStateTtlMs, safeReturnTo, startOidc, takeOidcRoundTrip } from '../app/auth/start-oidc.js';
import type { OidcConfig } from '../config/config.js';
import type { ErrorCode } from '../domain/errors.js';
import { setSessionCookie } from './auth.js';
import type { HttpDeps } from './http-deps.js';
import { sendProblem } from './problem.js';

export const oidcStartPath = '/auth/oidc/start';
export const oidcCallbackPath = '/auth/oidc/callback';
/** Binds a started sign-in to the browser that started it, so nobody can finish it in someone else's. */
const stateCookie = 'tollgate_oidc_state';
const stateCookiePath = '/auth/oidc/';
const scope = 'openid email profile';
/** The codes the sign-in page shows a message for (`/signin?error=<code>`). */
type SignInError = Extract<ErrorCode, 'NOT_INVITED' | 'OIDC_FAILED'>;

/**
 * Sign-in through an OpenID provider: authorization code flow with PKCE (S256), state and nonce.
 * Browser navigations outside /api and hidden from OpenAPI. Codes, tokens and the client secret are
 * never logged: the callback's request log carries its path only.
 */
export const oidcRoutes =
  (deps: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    const oidc = deps.oidc;
    const discovered = oidc ? discoverOnce(oidc) : null;
    if (oidc && new URL(oidc.issuer).protocol === 'http:') {
      app.log.warn(
        { issuer: oidc.issuer },
        'TOLLGATE_OIDC_ISSUER is plain http: codes, tokens and the client secret travel unencrypted; use https outside development',
      );
    }

    const redirectUri = (req: FastifyRequest) => `${deps.publicUrl ?? `${req.protocol}://${req.host}`}${oidcCallbackPath}`;
    const stateCookieOptions = (req: FastifyRequest) => ({
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: req.protocol === 'https' || (deps.publicUrl?.startsWith('https:') ?? false),
      path: stateCookiePath,
    });

    app.get(
      oidcStartPath,
      { schema: { hide: true }, logSerializers: pathOnly, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
      async (req, res) => {
        if (!oidc || !discovered) return notConfigured(res);
        res.header('cache-control', 'no-store');
        const returnTo = safeReturnTo(queryOf(req).returnTo);
        let config: client.Configuration;
        try {
          config = await discovered();
        } catch (e) {
          req.log.error(
            { issuer: oidc.issuer, err: describeError(e) },
            'OIDC discovery failed: the identity provider cannot be reached or answers wrongly',
          );
          // A person clicked "Sign in with …": send them back to the sign-in page, which explains.
          if ((req.headers.accept ?? '').includes('text/html')) return toSignIn(res, 'OIDC_FAILED', returnTo);
          return sendProblem(res, {
            code: 'OIDC_FAILED',
            message: 'The identity provider cannot be reached right now; try again later or sign in with your password.',
          });
        }
        const round = await startOidc(deps.app, { returnTo });
        const url = client.buildAuthorizationUrl(config, {
          redirect_uri: redirectUri(req),
          scope,
          state: round.state,
          nonce: round.nonce,
          code_challenge: await client.calculatePKCECodeChallenge(round.codeVerifier),
          code_challenge_method: 'S256',
        });
        res.setCookie(stateCookie, round.state, { ...stateCookieOptions(req), maxAge: oidcStateTtlMs / 1000 });
        return res.redirect(url.href, 303);
      },
    );

    app.get(oidcCallbackPath, { schema: { hide: true }, logSerializers: pathOnly }, async (req, res) => {
      if (!oidc || !discovered) return notConfigured(res);
      res.header('cache-control', 'no-store');
      const q = queryOf(req);
      const state = typeof q.state === 'string' ? q.state : '';
      const browserState = req.cookies[stateCookie];
      res.clearCookie(stateCookie, stateCookieOptions(req));
      if (!state || browserState !== state) {
        req.log.warn('OIDC callback refused: no sign-in was started in this browser with that state');
        return toSignIn(res, 'OIDC_FAILED');
      }
      const round = await takeOidcRoundTrip(deps.app, { state });
      if (!round.ok) {
        req.log.warn('OIDC callback refused: the state is unknown, already used or expired');
        return toSignIn(res, 'OIDC_FAILED');
      }
      const { returnTo } = round.value;

      let identity: { email: string; emailVerified: boolean } | null;
      try {
        const config = await discovered();
        // The token request must name the redirect_uri sent at the start: rebuild it, keep the response's query.
        const current = new URL(redirectUri(req));
        const at = req.url.indexOf('?');
        current.search = at >= 0 ? req.url.slice(at) : '';
        const tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: round.value.codeVerifier,
          expectedState: state,
          expectedNonce: round.value.nonce,
          idTokenExpected: true,
        });
        identity = await identityOf(config, tokens);
      } catch (e) {
        req.log.warn({ err: describeError(e) }, 'OIDC sign-in failed at the identity provider');
        return toSignIn(res, 'OIDC_FAILED', returnTo);
      }
      if (!identity) {
        req.log.warn('OIDC sign-in refused: the identity provider gave no email address');
        return toSignIn(res, 'OIDC_FAILED', returnTo);
      }

      const r = await signInOidc(deps.app, identity);
      if (!r.ok) {
        req.log.info({ code: r.error.code }, 'OIDC sign-in refused');
        return toSignIn(res, r.error.code === 'NOT_INVITED' ? 'NOT_INVITED' : 'OIDC_FAILED', returnTo);
      }
      req.log.info({ userId: r.value.userId }, 'signed in through the identity provider');
      setSessionCookie(req, res, r.value, deps);
      return res.redirect(returnTo, 303);
    });
  };

/** Discovers the issuer lazily on first use and keeps it; a failed discovery is tried again next time. */
function discoverOnce(oidc: OidcConfig): () => Promise<client.Configuration> {
  const server = new URL(oidc.issuer);
  let pending: Promise<client.Configuration> | null = null;
  return () => {
    pending ??= client
      .discovery(
        server,
        oidc.clientId,
        oidc.clientSecret ? { client_secret: oidc.clientSecret } : undefined,
        oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None(),
        // Plain http only when the operator configured an http issuer (development, tests).
        { timeout: 10, execute: server.protocol === 'http:' ? [client.allowInsecureRequests] : [] },
      )
      .catch((e: unknown) => {
        pending = null;
        throw e;
      });
    return pending;
  };
}

type Tokens = Awaited<ReturnType<typeof client.authorizationCodeGrant>>;

/** The email and whether the provider verified it: from the ID token, else from the userinfo endpoint. */
async function identityOf(config: client.Configuration, tokens: Tokens): Promise<{ email: string; emailVerified: boolean } | null> {
  const claims = tokens.claims();
  if (!claims) throw new Error('The token response carries no ID token.');
  let email: unknown = claims.email;
  let verified: unknown = claims.email_verified;
  if (typeof email !== 'string' || verified === undefined) {
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    email = info.email;
    verified = info.email_verified;
  }
  if (typeof email !== 'string' || email.trim() === '') return null;
  // Some providers send the flag as a string.
  return { email, emailVerified: verified === true || verified === 'true' };
}

const queryOf = (req: FastifyRequest) => (req.query ?? {}) as Record<string, unknown>;

/** The request log of these routes: no query string (it holds the authorization code and state). */
const pathOnly = {
  req: (req: FastifyRequest) => ({ method: req.method, url: req.url.split('?')[0], host: req.host, remoteAddress: req.ip }),
};

/** What may be logged of a failure: never the error's cause or response, which can hold tokens or claims. */
function describeError(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: String(e) };
  const x = e as Error & { code?: unknown; error?: unknown; error_description?: unknown; status?: unknown };
  return {
    type: e.name,
    message: e.message,
    code: typeof x.code === 'string' ? x.code : undefined,
    error: typeof x.error === 'string' ? x.error : undefined,
    errorDescription: typeof x.error_description === 'string' ? x.error_description : undefined,
    status: typeof x.status === 'number' ? x.status : undefined,
    cause: e.cause instanceof Error ? `${e.cause.name}: ${e.cause.message}` : undefined,
  };
}

function toSignIn(res: FastifyReply, error: SignInError, returnTo = '/') {
  const q = new URLSearchParams({ error });
  if (returnTo !== '/') q.set('returnTo', returnTo);
  return res.redirect(`/signin?${q}`, 303);
}

const notConfigured = (res: FastifyReply) =>
  sendProblem(res, {
    code: 'OIDC_NOT_CONFIGURED',
    message: 'Sign-in with an identity provider is not set up on this server (TOLLGATE_OIDC_ISSUER).',
  });
