import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvite } from '../../src/app/auth/accept-invite.js';
import { createSetupLink } from '../../src/app/auth/create-setup-link.js';
import { safeReturnTo } from '../../src/app/auth/start-oidc.js';
import { loadConfig } from '../../src/config/config.js';
import { buildApp } from '../../src/http/build-app.js';
import { type Composed, compose } from '../../src/main/compose.js';
import { type RunningServer, startServer } from '../../src/main/server.js';
import { launchChromium } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { demoInstant } from '../support/demo-template.js';

// A real OpenID provider (oidc-provider, its development login and consent pages) and the real
// Tollgate server, both over http on loopback, driven in Chromium.

const clientId = 'tollgate';
const clientSecret = 'oidc-test-client-secret-5d1c9e';

/** The provider's people, by what one types into its login form. */
const accounts: Record<string, { email: string; email_verified: boolean; name: string }> = {
  // Tollgate matches emails case-insensitively.
  dana: { email: 'Lead@Demo.test', email_verified: true, name: 'Dana Whitfield' },
  nia: { email: 'nia.okafor@demo.test', email_verified: true, name: 'Nia Okafor' },
  stranger: { email: 'stranger@elsewhere.test', email_verified: true, name: 'A Stranger' },
  'dana-unverified': { email: 'lead@demo.test', email_verified: false, name: 'Dana Whitfield' },
  ida: { email: 'ida@log.test', email_verified: true, name: 'Ida Larsen' },
};

const listen = (server: { listen(port: number, host: string, cb: () => void): unknown; address(): unknown }) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

async function closedPort(): Promise<number> {
  const s = createTcpServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

/** Admin calls to Tollgate's API with a password session, as the web app makes them. */
async function apiSession(base: string, email: string, password: string) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  return {
    post: (path: string, body: unknown) => call('POST', path, body),
    get: (path: string) => call('GET', path),
  };
}

describe('sign-in through an OpenID provider', () => {
  const dataDir = demoDataDir('tollgate-oidc-');
  const otherDataDir = mkdtempSync(join(tmpdir(), 'tollgate-oidc-logs-'));
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const idp = createServer((req, res) => {
    if (handle) return handle(req, res);
    res.statusCode = 503;
    res.end();
  });
  let issuer: string;
  let server: RunningServer;
  let base: string;
  // A second Tollgate (own database) whose log we read.
  let other: Composed;
  let logged: FastifyInstance;
  let loggedBase: string;
  const logs: string[] = [];
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;

  beforeAll(async () => {
    // The provider's address must be known to Tollgate, and Tollgate's callback to the provider:
    // listen first, hand requests to the provider once it exists.
    issuer = `http://127.0.0.1:${await listen(idp)}`;
    const oidcEnv = { TOLLGATE_OIDC_ISSUER: issuer, TOLLGATE_OIDC_CLIENT_ID: clientId, TOLLGATE_OIDC_CLIENT_SECRET: clientSecret };

    const config = loadConfig({ TOLLGATE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', TOLLGATE_NOW: demoInstant, ...oidcEnv });
    server = await startServer({ ...config, port: 0 }, { demo: true, warmHolidays: false, jobs: false });
    base = server.url;

    const otherConfig = loadConfig({ TOLLGATE_DATA_DIR: otherDataDir, LOG_LEVEL: 'silent', ...oidcEnv });
    other = await compose(otherConfig);
    const setup = await createSetupLink(other.deps);
    if (!setup) throw new Error('expected a setup link in an empty database');
    const admin = await acceptInvite(other.deps, {
      token: setup.token,
      email: 'ida@log.test',
      name: 'Ida Larsen',
      password: 'a long enough passphrase 42',
    });
    expect(admin.ok).toBe(true);
    logged = await buildApp(
      { app: other.deps, oidc: otherConfig.oidc, version: 'test' },
      { logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } } },
    );
    await logged.listen({ port: 0, host: '127.0.0.1' });
    loggedBase = `http://127.0.0.1:${(logged.server.address() as AddressInfo).port}`;

    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [`${base}/auth/oidc/callback`, `${loggedBase}/auth/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      pkce: { required: () => true },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: (_ctx, id) => {
        const account = accounts[id];
        return account && { accountId: id, claims: () => ({ sub: id, ...account }) };
      },
      cookies: { keys: ['oidc-test-cookie-key'] },
      jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }] },
      features: { devInteractions: { enabled: true } },
      ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    });
    provider.on('server_error', (_ctx, err) => console.error('oidc-provider server_error', err));
    handle = provider.callback();

    chromium = await launchChromium();
    browser = chromium.browser;
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
    await logged?.close();
    await other?.close();
    idp.closeAllConnections();
    await new Promise((r) => idp.close(r));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(otherDataDir, { recursive: true, force: true });
  });

  /** The one browser page of the sign-ins, kept from test to test (a new page costs Chromium a renderer process). */
  let kept: { context: BrowserContext; page: Page } | undefined;

  /**
   * The browser of someone who has signed in nowhere yet: the kept page, with no cookie of Tollgate's or of
   * the provider's (so no session with either, nor a sign-in begun) and nothing in the storage of the origin
   * it was left on.
   */
  async function freshBrowser(): Promise<{ context: BrowserContext; page: Page }> {
    if (!kept) {
      const context = await browser.newContext();
      // Only loopback: the provider's pages link a web font.
      await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
      kept = { context, page: await context.newPage() };
      return kept;
    }
    if (kept.page.url().startsWith('http')) await kept.page.evaluate('localStorage.clear(); sessionStorage.clear()');
    await kept.context.clearCookies();
    return kept;
  }

  /** In a fresh browser, starts at Tollgate, signs in at the provider's login form, consents; returns Tollgate's callback answer. */
  async function signInThrough(login: string, opts: { at?: string; returnTo?: string } = {}) {
    const at = opts.at ?? base;
    const { context, page } = await freshBrowser();
    await page.goto(`${at}/auth/oidc/start?returnTo=${encodeURIComponent(opts.returnTo ?? '/')}`);
    expect(new URL(page.url()).origin).toBe(issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    const answer = page.waitForResponse((r) => r.url().startsWith(`${at}/auth/oidc/callback`));
    await page.getByRole('button', { name: 'Continue' }).click();
    const callback = await answer;
    // Where Tollgate sends the browser is the answer; the page there need not finish loading (each test
    // goes on with its own requests).
    await page.waitForURL((u) => u.origin === at && !u.pathname.startsWith('/auth/'), { waitUntil: 'commit' });
    return { context, page, url: callback.url(), status: callback.status(), location: callback.headers().location ?? '' };
  }

  /** GET /api/v1/me as the browser (its cookies). */
  async function meIn(page: Page, at = base): Promise<{ status: number; email?: string; via?: string }> {
    const res = await page.goto(`${at}/api/v1/me`);
    if (!res) throw new Error('no response');
    const body = (await res.json()) as { email?: string; via?: string };
    return { status: res.status(), email: body.email, via: body.via };
  }

  /** Opens a callback URL in the page and returns where Tollgate sends the browser. */
  async function visitCallback(page: Page, url: string): Promise<string> {
    const answer = page.waitForResponse((r) => r.url() === url);
    await page.goto(url);
    const res = await answer;
    expect(res.status()).toBe(303);
    return res.headers().location ?? '';
  }

  it('starts the authorization code flow with PKCE (S256), state, nonce and a browser-bound state cookie', async () => {
    const r = await fetch(`${base}/auth/oidc/start?returnTo=/programs`, { redirect: 'manual' });
    expect(r.status).toBe(303);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const to = new URL(r.headers.get('location') ?? '');
    expect(`${to.origin}${to.pathname}`).toBe(`${issuer}/auth`);
    const q = Object.fromEntries(to.searchParams);
    expect(q).toMatchObject({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: `${base}/auth/oidc/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(q.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(q.state).toMatch(/^[\w-]{43}$/);
    expect(q.nonce).toMatch(/^[\w-]{43}$/);
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith('tollgate_oidc_state=')) ?? '';
    expect(cookie).toContain(`tollgate_oidc_state=${q.state};`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/auth\/oidc\//);
  });

  it('signs an active person in and lands on the page they asked for', async () => {
    const returnTo = '/programs/KHG-KW500?tab=changes';
    const { context, page, status, location } = await signInThrough('dana', { returnTo });
    expect(status).toBe(303);
    expect(location).toBe(returnTo);
    const session = (await context.cookies(base)).find((c) => c.name === 'tollgate_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await meIn(page)).toEqual({ status: 200, email: 'lead@demo.test', via: 'session' });
  });

  it('activates an invited person on their first sign-in; an unsafe returnTo becomes /', async () => {
    const admin = await apiSession(base, 'admin@demo.test', 'tollgate-demo');
    const invite = await admin.post('/api/v1/people/invites', { email: 'nia.okafor@demo.test', name: 'Nia Okafor', roles: [] });
    expect(invite.status).toBe(201);
    const statusOf = async (email: string) => {
      const people = (await admin.get('/api/v1/people')).body.items as { email: string; status: string }[];
      return people.find((p) => p.email === email)?.status;
    };
    expect(await statusOf('nia.okafor@demo.test')).toBe('invited');

    const { page, location } = await signInThrough('nia', { returnTo: '//evil.example/phish' });
    expect(location).toBe('/');
    expect(await meIn(page)).toMatchObject({ status: 200, email: 'nia.okafor@demo.test' });
    expect(await statusOf('nia.okafor@demo.test')).toBe('active');
  });

  it('refuses a verified email that has no account: /signin?error=NOT_INVITED, no session', async () => {
    const { page, location } = await signInThrough('stranger', { returnTo: '/programs' });
    expect(location).toBe('/signin?error=NOT_INVITED&returnTo=%2Fprograms');
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect((await meIn(page)).status).toBe(401);
  });

  it('refuses an email the provider has not verified, even of an active account', async () => {
    const { page, location } = await signInThrough('dana-unverified');
    expect(location).toBe('/signin?error=OIDC_FAILED');
    expect((await meIn(page)).status).toBe(401);
  });

  it('finishes a sign-in once, and only in the browser that started it', async () => {
    const { context, page } = await freshBrowser();
    await page.goto(`${base}/auth/oidc/start`);
    await page.locator('input[name="login"]').fill('dana');
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    const stateCookie = (await context.cookies(`${base}/auth/oidc/`)).find((c) => c.name === 'tollgate_oidc_state');
    if (!stateCookie) throw new Error('no state cookie after the start');
    const putBack = () => context.addCookies([{ ...stateCookie, expires: -1 }]);

    // The provider's answer arrives in a browser that did not start this sign-in (as when someone
    // sends a victim their own callback link): refused, and the sign-in is not used up by it.
    await context.clearCookies({ name: 'tollgate_oidc_state' });
    const answer = page.waitForResponse((r) => r.url().startsWith(`${base}/auth/oidc/callback`));
    await page.getByRole('button', { name: 'Continue' }).click();
    const foreign = await answer;
    expect(foreign.headers().location).toBe('/signin?error=OIDC_FAILED');
    const callbackUrl = foreign.url();
    expect(new URL(callbackUrl).searchParams.get('code')).toBeTruthy();
    expect((await meIn(page)).status).toBe(401);

    // In the browser that started it: signed in.
    await putBack();
    expect(await visitCallback(page, callbackUrl)).toBe('/');
    expect(await meIn(page)).toMatchObject({ status: 200, email: 'lead@demo.test' });

    // The same callback again, even with the state cookie put back: the state is used up.
    await putBack();
    expect(await visitCallback(page, callbackUrl)).toBe('/signin?error=OIDC_FAILED');
  });

  it('lists both routes in the route registry and keeps them out of the OpenAPI document', async () => {
    const routes = server.app.tollgateRoutes.map((r) => `${r.method} ${r.url}`);
    expect(routes).toEqual(expect.arrayContaining(['GET /auth/oidc/start', 'GET /auth/oidc/callback']));
    const openapi = await (await fetch(`${base}/api/openapi.json`)).text();
    expect(openapi).not.toContain('/auth/oidc');
  });

  it('answers OIDC_NOT_CONFIGURED without an issuer, and OIDC_FAILED (not a 500) when the issuer is unreachable', async () => {
    const plain = await buildApp({ app: other.deps, version: 'test' });
    for (const url of ['/auth/oidc/start?returnTo=/', '/auth/oidc/callback?code=x&state=y']) {
      const r = await plain.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(404);
      expect(r.json()).toMatchObject({ code: 'OIDC_NOT_CONFIGURED' });
    }
    expect(plain.tollgateRoutes.map((r) => r.url)).toEqual(expect.arrayContaining(['/auth/oidc/start', '/auth/oidc/callback']));
    await plain.close();

    const unreachable = await buildApp({
      app: other.deps,
      oidc: { issuer: `http://127.0.0.1:${await closedPort()}`, clientId, clientSecret, name: 'Nowhere' },
      version: 'test',
    });
    const api = await unreachable.inject({ method: 'GET', url: '/auth/oidc/start?returnTo=/programs' });
    expect(api.statusCode).toBe(400);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ code: 'OIDC_FAILED' });
    // A browser navigation goes back to the sign-in page instead.
    const nav = await unreachable.inject({ method: 'GET', url: '/auth/oidc/start?returnTo=/programs', headers: { accept: 'text/html' } });
    expect(nav.statusCode).toBe(303);
    expect(nav.headers.location).toBe('/signin?error=OIDC_FAILED&returnTo=%2Fprograms');
    await unreachable.close();
  });

  it('never logs the authorization code, state, tokens or client secret', async () => {
    const { page, url, location } = await signInThrough('ida', { at: loggedBase });
    expect(location).toBe('/');
    expect(await meIn(page, loggedBase)).toMatchObject({ status: 200, email: 'ida@log.test' });

    const text = logs.join('');
    const callback = new URL(url);
    const code = callback.searchParams.get('code') ?? '';
    const state = callback.searchParams.get('state') ?? '';
    expect(code.length).toBeGreaterThan(10);
    expect(text).toContain('signed in through the identity provider');
    expect(text).toContain('"url":"/auth/oidc/callback"');
    for (const secret of [code, state, clientSecret, 'eyJ', 'tgs_']) expect(text).not.toContain(secret);
  });

  it('accepts only same-site paths as returnTo', () => {
    for (const ok of ['/', '/programs/KHG-KW500', '/programs?tab=log#top']) expect(safeReturnTo(ok)).toBe(ok);
    for (const bad of [
      undefined,
      ['/a'],
      '',
      'programs',
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      '/\t/evil.example',
      `/${'a'.repeat(3000)}`,
    ]) {
      expect(safeReturnTo(bad)).toBe('/');
    }
  });
});
