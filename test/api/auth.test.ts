import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSetupLink } from '../../src/app/auth/create-setup-link.js';
import { accountThrottleKey, hashSecret, throttleWindowMs } from '../../src/app/auth/secrets.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import { demoPassword } from '../../src/app/demo/demo-data.js';
import type { Actor } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import { sessionCookie } from '../../src/http/auth.js';
import { createTestApp, createTestServer, type Headers, type SignedIn, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { type Caller, expectProblem, paths, seedProgram } from './helpers.js';

/** Declares nothing: for a test that exists on one dialect only, instead of registering a skipped one. */
const noTest = (() => undefined) as unknown as typeof it;

interface MeBody {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  memberships: { role: string; programCode: string | null; clientName: string | null }[];
  csrfToken: string | null;
  via: 'session' | 'token';
}
interface TokenBody {
  id: string;
  name: string;
  prefix: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const minutes = (n: number) => n * 60_000;
const days = (n: number) => n * 86_400_000;

describe.each(dialects)('sign-in, sessions, tokens and invites on %s', (dialect) => {
  let t: TestApp;
  let a: Program;
  let b: Program;
  let ana: Actor;
  /** Ana's browser session, opened by signing in; most tests reuse it. */
  let anaWeb: SignedIn;
  const anaPassword = 'kettle-ana-2026';

  /** Every response body, so the last test can check that no secret leaked into any of them. */
  const seen: { what: string; body: string }[] = [];
  /** Every secret handed out (passwords, cookies, tokens, links), with where it may legitimately appear. */
  const secrets: { value: string; shownIn?: string }[] = [];

  /** Sends a request as the caller (anonymous unless told) to the app (or another instance); never a 5xx. */
  async function req(opts: InjectOptions, who: Caller = 'anonymous', http: FastifyInstance = t.http): Promise<LightMyRequestResponse> {
    const auth = who === 'anonymous' ? {} : 'headers' in who ? who.headers : await t.as(who);
    const res = await http.inject({ ...opts, headers: { ...auth, ...(opts.headers as Headers | undefined) } });
    const what = `${opts.method ?? 'GET'} ${String(opts.url)} → ${res.statusCode}`;
    expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(500);
    seen.push({ what, body: res.body });
    return res;
  }

  const sessionOf = (cookie: string, csrfToken: string): SignedIn => ({
    cookie,
    csrfToken,
    headers: { cookie: `${sessionCookie}=${cookie}`, 'x-csrf-token': csrfToken },
  });
  /** The cookie alone, without the CSRF header. */
  const cookieOnly = (s: SignedIn) => ({ headers: { cookie: `${sessionCookie}=${s.cookie}` } });

  const loginRes = (email: string, password: string, opts: { remoteAddress?: string; http?: FastifyInstance } = {}) =>
    req(
      { method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: opts.remoteAddress },
      'anonymous',
      opts.http,
    );

  async function login(email: string, password: string, opts: { remoteAddress?: string; http?: FastifyInstance } = {}) {
    const res = await loginRes(email, password, opts);
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === sessionCookie);
    if (!cookie) throw new Error('no session cookie');
    secrets.push({ value: cookie.value });
    return { res, cookie, session: sessionOf(cookie.value, res.json<MeBody>().csrfToken as string) };
  }

  const me = (who: Caller, http?: FastifyInstance) => req({ method: 'GET', url: '/api/v1/me' }, who, http);
  const createToken = (who: Caller, body: Record<string, unknown> = { name: 'ERP export', expiresInDays: 30 }) =>
    req({ method: 'POST', url: '/api/v1/me/tokens', payload: body }, who);
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  const inviteToken = (url: string) => url.split('/invite/')[1] as string;

  /** A milestone on program A owned by the person, created by the cadence owner. */
  async function milestoneOf(owner: Actor, name: string) {
    return unwrap(
      await createMilestone(t.deps, {
        programId: a.id,
        actor: t.actor,
        name,
        phase: 'G2',
        baselineDate: '2027-01-15' as PlainDate,
        ownerId: owner.id,
      }),
    ).milestone;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    a = await seedProgram(t, 'AUTH-A');
    b = await seedProgram(t, 'AUTH-B');
    ana = await t.addPerson({
      email: 'ana.lima@example.test',
      name: 'Ana Lima',
      password: anaPassword,
      roles: [{ programId: a.id, role: 'contributor' }],
    });
    secrets.push({ value: anaPassword });
    anaWeb = (await login(ana.email, anaPassword)).session;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('signing in', () => {
    it('sets an httpOnly, SameSite=Lax session cookie for the whole site, not Secure over plain http', async () => {
      const { res, cookie } = await login(ana.email, anaPassword);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie.secure).toBeFalsy();
      const header = String(res.headers['set-cookie']);
      expect(header).toMatch(/HttpOnly/);
      expect(header).toMatch(/SameSite=Lax/);
      expect(header).not.toMatch(/Secure/);
      // It lives 14 days (Max-Age, so a browser keeps it whatever the server's clock says); the value is the secret.
      expect(header).toMatch(/Max-Age=\d+/);
      expect(header).not.toMatch(/Expires=/);
      const ttl = (cookie.maxAge as number) * 1000;
      expect(ttl).toBeGreaterThan(days(13.9));
      expect(ttl).toBeLessThanOrEqual(days(14));
      expect(res.body).not.toContain(cookie.value);
      expect(res.json<MeBody>()).toMatchObject({ email: ana.email, name: 'Ana Lima', isAdmin: false, via: 'session' });
      // The email is matched in any case.
      await login('ANA.Lima@example.TEST', anaPassword);
    });

    it('makes the cookie Secure when the public URL is https, and links invites to it', async () => {
      const https = await t.build({ publicUrl: 'https://tollgate.example.com' });
      const { res, cookie } = await login(ana.email, anaPassword, { http: https });
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
      expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/);
      const out = await req({ method: 'POST', url: '/api/v1/auth/logout' }, cookieOnly(sessionOf(cookie.value, '')), https);
      expect(out.cookies.find((c) => c.name === sessionCookie)).toMatchObject({ value: '', secure: true });
      const invite = await req(
        { method: 'POST', url: '/api/v1/people/invites', payload: { email: 'https.invitee@example.test', name: 'Hal' } },
        t.admin,
        https,
      );
      expect(invite.statusCode, invite.body).toBe(201);
      const url = invite.json<{ inviteUrl: string }>().inviteUrl;
      expect(url).toMatch(/^https:\/\/tollgate\.example\.com\/invite\/tgi_[\w-]{40,}$/);
      secrets.push({ value: inviteToken(url), shownIn: invite.body });
    });

    it('GET /me says who is signed in, with their roles and the CSRF token; a token caller gets none', async () => {
      const web = (await me(anaWeb)).json<MeBody>();
      expect(web).toMatchObject({ id: ana.id, email: ana.email, via: 'session', csrfToken: anaWeb.csrfToken });
      expect(web.memberships).toEqual([expect.objectContaining({ role: 'contributor', programCode: 'AUTH-A', clientName: null })]);
      const script = (await me(ana)).json<MeBody>();
      expect(script).toMatchObject({ id: ana.id, via: 'token', csrfToken: null });
    });

    it('without a valid session or token every API route is 401 UNAUTHENTICATED', async () => {
      expectProblem(await me('anonymous'), 401, 'UNAUTHENTICATED');
      expectProblem(await me({ headers: { cookie: `${sessionCookie}=tgs_not-a-session` } }), 401, 'UNAUTHENTICATED');
      const p = expectProblem(await me(bearer('tgt_not-a-token')), 401, 'UNAUTHENTICATED');
      expect(p.detail).toMatch(/token/i);
      expectProblem(await req({ method: 'GET', url: '/api/v1/programs' }), 401, 'UNAUTHENTICATED');
    });

    it('logout ends that session at once (its cookie no longer works) and leaves the others', async () => {
      const { session } = await login(ana.email, anaPassword);
      expect((await me(session)).statusCode).toBe(200);
      const out = await req({ method: 'POST', url: '/api/v1/auth/logout' }, session);
      expect(out.statusCode).toBe(200);
      const cleared = out.cookies.find((c) => c.name === sessionCookie);
      expect(cleared?.value).toBe('');
      expect(cleared?.expires?.getTime()).toBeLessThan(Date.now());
      expectProblem(await me(session), 401, 'UNAUTHENTICATED');
      expectProblem(await me(cookieOnly(session)), 401, 'UNAUTHENTICATED');
      expect((await me(anaWeb)).statusCode).toBe(200);
    });

    it('a session survives a restart: a new app on a new connection to the same database knows it', async () => {
      const restarted = await t.restart();
      const res = await me(anaWeb, restarted.http);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<MeBody>()).toMatchObject({ id: ana.id, via: 'session', csrfToken: anaWeb.csrfToken });
    });

    it('a session ends after 14 days without use; a use (at most hourly) extends it, and its cookie with it', async () => {
      const start = Date.now();
      const idle = await t.session(ana);
      const used = await t.session(ana);
      try {
        t.setNow(new Date(start + days(13)));
        const res = await me(used);
        expect(res.statusCode).toBe(200);
        const renewed = res.cookies.find((c) => c.name === sessionCookie);
        expect(renewed).toMatchObject({ value: used.cookie, httpOnly: true, sameSite: 'Lax' });
        // Renewed 13 days in: 14 days from then.
        expect((renewed?.maxAge ?? 0) * 1000).toBeGreaterThan(days(13.9));
        // Within the hour the session is not written again, nor the cookie.
        expect((await me(used)).headers['set-cookie']).toBeUndefined();
        t.setNow(new Date(start + days(14) + minutes(1)));
        expectProblem(await me(idle), 401, 'UNAUTHENTICATED');
        t.setNow(new Date(start + days(20)));
        expect((await me(used)).statusCode).toBe(200);
        t.setNow(new Date(start + days(34) + minutes(1)));
        expectProblem(await me(used), 401, 'UNAUTHENTICATED');
      } finally {
        t.setNow(null);
      }
      secrets.push({ value: idle.cookie }, { value: used.cookie });
    });

    it('a wrong password and an unknown email get the same 401 INVALID_CREDENTIALS answer, and no cookie', async () => {
      const remoteAddress = '192.0.2.10';
      const wrong = await loginRes(ana.email, 'not-anas-password', { remoteAddress });
      const unknown = await loginRes('nobody.here@example.test', 'not-anas-password', { remoteAddress });
      const invited = await req(
        { method: 'POST', url: '/api/v1/people/invites', payload: { email: 'not.yet@example.test', name: 'Nat Yet' } },
        t.admin,
      );
      expect(invited.statusCode).toBe(201);
      const notYetActive = await loginRes('not.yet@example.test', 'whatever-it-is', { remoteAddress });
      const shape = (r: LightMyRequestResponse) => {
        const p = expectProblem(r, 401, 'INVALID_CREDENTIALS');
        return { status: r.statusCode, code: p.code, title: p.title, type: p.type, detail: p.detail, errors: p.errors };
      };
      expect(shape(unknown)).toEqual(shape(wrong));
      expect(shape(notYetActive)).toEqual(shape(wrong));
      for (const r of [wrong, unknown, notYetActive]) expect(r.headers['set-cookie']).toBeUndefined();
      // Sign-in wants a well-formed email and some password.
      expectProblem(await loginRes('not an email', 'x'), 422, 'VALIDATION_FAILED');
    });

    it('the 6th failed sign-in of an account is 429 RATE_LIMITED, even with the right password, until the window ends', async () => {
      const bo = await t.addPerson({ email: 'bo.berg@example.test', name: 'Bo Berg', password: 'bo-password-2026' });
      secrets.push({ value: 'bo-password-2026' });
      // Five failures from five addresses: the limit is per account, not only per address.
      for (let i = 1; i <= 5; i++) {
        expectProblem(await loginRes(bo.email, `guess number ${i}`, { remoteAddress: `198.51.100.${i}` }), 401, 'INVALID_CREDENTIALS');
      }
      const locked = await loginRes(bo.email, 'bo-password-2026', { remoteAddress: '198.51.100.99' });
      expectProblem(locked, 429, 'RATE_LIMITED');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(locked.headers['set-cookie']).toBeUndefined();
      // Another account from the same address is not locked.
      await login(ana.email, anaPassword, { remoteAddress: '198.51.100.99' });
      t.setNow(new Date(Date.now() + minutes(16)));
      try {
        await login(bo.email, 'bo-password-2026', { remoteAddress: '198.51.100.99' });
      } finally {
        t.setNow(null);
      }
    });

    it('20 failures from one address lock that address for every account, the right password included', async () => {
      const remoteAddress = '203.0.113.7';
      for (let i = 1; i <= 20; i++) {
        expectProblem(await loginRes(`stranger${i}@example.test`, 'no such account', { remoteAddress }), 401, 'INVALID_CREDENTIALS');
      }
      expectProblem(await loginRes(ana.email, anaPassword, { remoteAddress }), 429, 'RATE_LIMITED');
      await login(ana.email, anaPassword, { remoteAddress: '203.0.113.8' });
    });

    /**
     * 50 sign-ins of one account at once, each from its own address, spread over the app instances; the
     * right password is the 13th. It is sent once the database shows 5 attempts counted (which attempts
     * a burst gets through first is up to the connection pool), while the first 12 are still in flight.
     */
    async function burst(email: string, password: string, https: FastifyInstance[]) {
      const guesses = Array.from({ length: 50 }, (_, i) => (i === 12 ? password : `burst guess ${i + 1}`));
      const send = (i: number) =>
        loginRes(email, guesses[i] as string, {
          remoteAddress: `198.18.${https.length}.${i + 1}`,
          http: https[i % https.length] as FastifyInstance,
        });
      const first = guesses.slice(0, 12).map((_, i) => send(i));
      const key = accountThrottleKey(email);
      const deadline = Date.now() + 20_000;
      while ((await t.deps.store.reads.failuresFor(key, new Date().toISOString(), throttleWindowMs)) < 5) {
        if (Date.now() > deadline) throw new Error('the first 12 attempts were never counted');
        await new Promise((r) => setTimeout(r, 2));
      }
      const rest = guesses.slice(12).map((_, i) => send(i + 12));
      const res = await Promise.all([...first, ...rest]);
      return { res, statuses: res.map((r) => r.statusCode) };
    }

    it('a burst of 50 parallel sign-ins checks at most 5 passwords: the right one as the 13th guess is 429, no session', async () => {
      const gil = await t.addPerson({ email: 'gil.grant@example.test', name: 'Gil Grant', password: 'gil-password-2026' });
      secrets.push({ value: 'gil-password-2026' });
      const { res, statuses } = await burst(gil.email, 'gil-password-2026', [t.http]);
      // Every attempt is counted before its password is checked: exactly 5 are checked, the rest refused.
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(45);
      expectProblem(res[12] as LightMyRequestResponse, 429, 'RATE_LIMITED');
      for (const r of res) expect(r.headers['set-cookie']).toBeUndefined();
      expectProblem(await loginRes(gil.email, 'gil-password-2026', { remoteAddress: '198.18.9.1' }), 429, 'RATE_LIMITED');
    });

    // Registered on PostgreSQL only (two instances share one server there); nothing is skipped on SQLite.
    (dialect === 'postgres' ? it : noTest)(
      'the burst split over two app instances on one database still checks at most 5 passwords',
      async () => {
        const hana = await t.addPerson({ email: 'hana.holm@example.test', name: 'Hana Holm', password: 'hana-password-2026' });
        secrets.push({ value: 'hana-password-2026' });
        const second = await t.restart();
        const { res, statuses } = await burst(hana.email, 'hana-password-2026', [t.http, second.http]);
        expect(statuses.filter((s) => s !== 429)).toHaveLength(5);
        expect(statuses.filter((s) => s === 401)).toHaveLength(5);
        expectProblem(res[12] as LightMyRequestResponse, 429, 'RATE_LIMITED');
        expectProblem(
          await loginRes(hana.email, 'hana-password-2026', { http: second.http, remoteAddress: '198.18.9.2' }),
          429,
          'RATE_LIMITED',
        );
      },
    );

    it('a successful sign-in takes back the attempt it counted: successes never use up an address', async () => {
      const remoteAddress = '203.0.113.60';
      for (let i = 1; i <= 19; i++) {
        expectProblem(await loginRes(`visitor${i}@example.test`, 'no such account', { remoteAddress }), 401, 'INVALID_CREDENTIALS');
      }
      // Each success is counted up front (20 of 20, allowed) and taken back afterwards.
      for (let i = 0; i < 3; i++) await login(ana.email, anaPassword, { remoteAddress });
      expectProblem(await loginRes('visitor20@example.test', 'no such account', { remoteAddress }), 401, 'INVALID_CREDENTIALS');
      expectProblem(await loginRes(ana.email, anaPassword, { remoteAddress }), 429, 'RATE_LIMITED');
    });

    it('behind one proxy (TOLLGATE_TRUST_PROXY=1) a spoofed X-Forwarded-For entry does not change the address that is limited', async () => {
      const proxied = await t.build({}, { trustProxy: 1 });
      const proxy = '10.0.0.2';
      const through = (email: string, password: string, forwardedFor: string) =>
        req(
          {
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email, password },
            remoteAddress: proxy,
            headers: { 'x-forwarded-for': forwardedFor },
          },
          'anonymous',
          proxied,
        );
      // The proxy appends the address it saw (198.51.100.77); the client writes anything before it.
      for (let i = 1; i <= 20; i++) {
        const res = await through(`spoofer${i}@example.test`, 'no such account', `192.0.2.${i}, 198.51.100.77`);
        expectProblem(res, 401, 'INVALID_CREDENTIALS');
      }
      expectProblem(await through(ana.email, anaPassword, '192.0.2.200, 198.51.100.77'), 429, 'RATE_LIMITED');
      expectProblem(await through(ana.email, anaPassword, '198.51.100.77'), 429, 'RATE_LIMITED');
      // Another client behind the same proxy is not limited, whatever it claims to be.
      expect((await through(ana.email, anaPassword, '198.51.100.77, 198.51.100.78')).statusCode).toBe(200);
    });

    it('trusting only listed proxies, a client that connects directly is limited by its own address, not its X-Forwarded-For', async () => {
      const listed = await t.build({}, { trustProxy: ['10.0.0.0/8'] });
      const direct = (email: string, password: string, forwardedFor: string) =>
        req(
          {
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email, password },
            remoteAddress: '198.51.100.90',
            headers: { 'x-forwarded-for': forwardedFor },
          },
          'anonymous',
          listed,
        );
      for (let i = 1; i <= 20; i++) {
        expectProblem(await direct(`direct${i}@example.test`, 'no such account', `10.1.2.${i}`), 401, 'INVALID_CREDENTIALS');
      }
      expectProblem(await direct(ana.email, anaPassword, '10.1.2.99'), 429, 'RATE_LIMITED');
    });
  });

  describe('CSRF', () => {
    it('a cookie write without the X-CSRF-Token header, or with a wrong one, is 403 CSRF_FAILED and writes nothing', async () => {
      const before = (await req({ method: 'GET', url: '/api/v1/me/tokens' }, anaWeb)).json<{ items: TokenBody[] }>().items;
      expectProblem(await createToken(cookieOnly(anaWeb)), 403, 'CSRF_FAILED');
      expectProblem(await createToken({ headers: { ...anaWeb.headers, 'x-csrf-token': `${anaWeb.csrfToken}x` } }), 403, 'CSRF_FAILED');
      const other = (await t.session(t.actor)).csrfToken;
      expectProblem(await createToken({ headers: { ...anaWeb.headers, 'x-csrf-token': other } }), 403, 'CSRF_FAILED');
      // Reads need no token.
      const after = await req({ method: 'GET', url: '/api/v1/me/tokens' }, cookieOnly(anaWeb));
      expect(after.json<{ items: TokenBody[] }>().items).toEqual(before);
      const ok = await createToken(anaWeb, { name: 'With the header', expiresInDays: 5 });
      expect(ok.statusCode, ok.body).toBe(201);
      secrets.push({ value: ok.json<{ token: string }>().token, shownIn: ok.body });
    });

    it('guards milestone writes the same way; a bearer-token write needs no CSRF header', async () => {
      const m = await milestoneOf(ana, 'Pilot run report');
      const url = `/api/v1/programs/AUTH-A/milestones/${m.key}/move`;
      const body = (version: number, forecastDate: string) => ({ version, forecastDate, reason: 'Pilot line busy' });
      expectProblem(await req({ method: 'POST', url, payload: body(1, '2027-01-18') }, cookieOnly(anaWeb)), 403, 'CSRF_FAILED');
      const viaCookie = await req({ method: 'POST', url, payload: body(1, '2027-01-18') }, anaWeb);
      expect(viaCookie.statusCode, viaCookie.body).toBe(200);
      const viaToken = await req({ method: 'POST', url, payload: body(2, '2027-01-19') }, ana);
      expect(viaToken.statusCode, viaToken.body).toBe(200);
      expect(viaToken.json()).toMatchObject({ forecastDate: '2027-01-19', version: 3 });
    });
  });

  describe('personal API tokens', () => {
    it('are shown once; the list shows the prefix only; they act as their owner until revoked', async () => {
      const created = await createToken(anaWeb, { name: '  ERP export ', expiresInDays: 30 });
      expect(created.statusCode, created.body).toBe(201);
      const { token, item } = created.json<{ token: string; item: TokenBody }>();
      secrets.push({ value: token, shownIn: created.body });
      expect(token).toMatch(/^tgt_[\w-]{40,}$/);
      expect(item).toMatchObject({ name: 'ERP export', prefix: token.slice(0, 10), revokedAt: null, lastUsedAt: null });
      expect(Date.parse(item.expiresAt) - Date.now()).toBeGreaterThan(days(29.9));

      const asToken = await me(bearer(token));
      expect(asToken.json<MeBody>()).toMatchObject({ id: ana.id, via: 'token', csrfToken: null });

      const listed = await req({ method: 'GET', url: '/api/v1/me/tokens' }, anaWeb);
      expect(listed.body).not.toContain(token);
      expect(listed.body).not.toContain(hashSecret(token));
      const entry = listed.json<{ items: (TokenBody & Record<string, unknown>)[] }>().items.find((x) => x.id === item.id);
      expect(Object.keys(entry ?? {}).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt']);
      expect(entry?.prefix).toBe(token.slice(0, 10));
      expect(entry?.lastUsedAt).not.toBeNull();
      // The change log records the token's creation by its owner, its hash only as "set".
      const logged = await t.db.rows(`select field, old_value, new_value, actor_id from changes where entity_id = '${item.id}'`);
      expect(logged.find((r) => r.field === 'tokenHash')).toMatchObject({ old_value: null, new_value: 'set', actor_id: ana.id });
      expect(JSON.stringify(logged)).not.toContain(token);
      expect(JSON.stringify(logged)).not.toContain(hashSecret(token));

      // Someone else cannot revoke it: to them it does not exist.
      expectProblem(await req({ method: 'DELETE', url: `/api/v1/me/tokens/${item.id}` }, t.actor), 404, 'TOKEN_NOT_FOUND');
      expect((await me(bearer(token))).statusCode).toBe(200);

      const revoked = await req({ method: 'DELETE', url: `/api/v1/me/tokens/${item.id}` }, anaWeb);
      expect(revoked.statusCode, revoked.body).toBe(200);
      expectProblem(await me(bearer(token)), 401, 'UNAUTHENTICATED');
      expectProblem(await req({ method: 'GET', url: '/api/v1/programs' }, bearer(token)), 401, 'UNAUTHENTICATED');
      const after = (await req({ method: 'GET', url: '/api/v1/me/tokens' }, anaWeb)).json<{ items: TokenBody[] }>().items;
      expect(after.find((x) => x.id === item.id)?.revokedAt).not.toBeNull();
    });

    it('stop working once expired', async () => {
      const created = await createToken(ana, { name: 'One day', expiresInDays: 1 });
      expect(created.statusCode, created.body).toBe(201);
      const { token } = created.json<{ token: string }>();
      secrets.push({ value: token, shownIn: created.body });
      expect((await me(bearer(token))).statusCode).toBe(200);
      t.setNow(new Date(Date.now() + days(1) + minutes(1)));
      try {
        expectProblem(await me(bearer(token)), 401, 'UNAUTHENTICATED');
      } finally {
        t.setNow(null);
      }
    });

    it('live 1 to 366 days', async () => {
      for (const expiresInDays of [0, 367, 1.5]) {
        expectProblem(await createToken(ana, { name: 'Bad', expiresInDays }), 422, 'VALIDATION_FAILED');
      }
    });
  });

  describe('invites', () => {
    it('an admin invites a person with a program role; the link works once; they then sign in and see exactly that program', async () => {
      const res = await req(
        {
          method: 'POST',
          url: '/api/v1/people/invites',
          payload: { email: 'Ivy.Stone@Example.test', name: 'Ivy Stone', roles: [{ programId: 'AUTH-B', role: 'observer' }] },
        },
        t.admin,
      );
      expect(res.statusCode, res.body).toBe(201);
      const invitation = res.json<{ userId: string; inviteUrl: string; expiresAt: string }>();
      const token = inviteToken(invitation.inviteUrl);
      secrets.push({ value: token, shownIn: res.body });
      expect(token).toMatch(/^tgi_/);
      expect(Date.parse(invitation.expiresAt) - Date.now()).toBeGreaterThan(days(6.9));

      const info = await req({ method: 'GET', url: `/api/v1/invites/${token}` });
      expect(info.json()).toMatchObject({ purpose: 'invite', email: 'ivy.stone@example.test', name: 'Ivy Stone' });
      // Until accepted, the account cannot sign in.
      expectProblem(await loginRes('ivy.stone@example.test', 'ivy-password-2026'), 401, 'INVALID_CREDENTIALS');

      const accept = (password: string) => req({ method: 'POST', url: `/api/v1/invites/${token}/accept`, payload: { password } });
      const weak = expectProblem(await accept('short'), 422, 'PASSWORD_TOO_WEAK');
      expect(paths(weak)).toEqual(['password']);
      expectProblem(await accept('ivy.stone@example.test'), 422, 'PASSWORD_TOO_WEAK');
      expect((await req({ method: 'GET', url: `/api/v1/invites/${token}` })).statusCode).toBe(200);

      secrets.push({ value: 'ivy-password-2026' });
      const accepted = await accept('ivy-password-2026');
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json<MeBody>()).toMatchObject({ id: invitation.userId, email: 'ivy.stone@example.test', via: 'session' });
      const cookie = accepted.cookies.find((c) => c.name === sessionCookie);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      secrets.push({ value: cookie?.value as string });

      expectProblem(await accept('ivy-password-2027'), 410, 'INVITE_INVALID');
      expectProblem(await req({ method: 'GET', url: `/api/v1/invites/${token}` }), 410, 'INVITE_INVALID');

      const { session } = await login('ivy.stone@example.test', 'ivy-password-2026');
      const programs = (await req({ method: 'GET', url: '/api/v1/programs' }, session)).json<{
        items: { code: string; myRoles: string[] }[];
      }>();
      expect(programs.items.map((p) => [p.code, p.myRoles])).toEqual([['AUTH-B', ['observer']]]);
      expectProblem(await req({ method: 'GET', url: '/api/v1/programs/AUTH-A' }, session), 404, 'PROGRAM_NOT_FOUND');
    });

    it('an expired link is 410 INVITE_INVALID, and the person still cannot sign in', async () => {
      const res = await req(
        {
          method: 'POST',
          url: '/api/v1/people/invites',
          payload: { email: 'late.larry@example.test', name: 'Larry', roles: [{ programId: b.id, role: 'observer' }] },
        },
        t.admin,
      );
      const token = inviteToken(res.json<{ inviteUrl: string }>().inviteUrl);
      secrets.push({ value: token, shownIn: res.body });
      t.setNow(new Date(Date.now() + days(7) + minutes(1)));
      try {
        expectProblem(await req({ method: 'GET', url: `/api/v1/invites/${token}` }), 410, 'INVITE_INVALID');
        expectProblem(
          await req({ method: 'POST', url: `/api/v1/invites/${token}/accept`, payload: { password: 'larry-password-1' } }),
          410,
          'INVITE_INVALID',
        );
      } finally {
        t.setNow(null);
      }
      expectProblem(await loginRes('late.larry@example.test', 'larry-password-1'), 401, 'INVALID_CREDENTIALS');
      expectProblem(await req({ method: 'GET', url: '/api/v1/invites/tgi_no-such-invite-token' }), 410, 'INVITE_INVALID');
    });
  });

  describe('roles', () => {
    it('an invite naming an unknown program invites nobody', async () => {
      const bad = await req(
        {
          method: 'POST',
          url: '/api/v1/people/invites',
          payload: { email: 'ghost.invitee@example.test', name: 'Gus Ghost', roles: [{ programId: 'NO-SUCH', role: 'observer' }] },
        },
        t.admin,
      );
      expectProblem(bad, 404, 'PROGRAM_NOT_FOUND');
      expect((await req({ method: 'GET', url: '/api/v1/people' }, t.admin)).body).not.toContain('ghost.invitee@example.test');
    });

    it('a role given or taken away counts from the next request of an open session', async () => {
      const eve = await t.addPerson({ email: 'eve.evans@example.test', name: 'Eve Evans' });
      const web = await t.session(eve);
      secrets.push({ value: web.cookie });
      const program = () => req({ method: 'GET', url: '/api/v1/programs/AUTH-B' }, web);
      expectProblem(await program(), 404, 'PROGRAM_NOT_FOUND');
      const granted = await req(
        { method: 'POST', url: `/api/v1/people/${eve.id}/roles`, payload: { role: 'observer', programId: 'AUTH-B' } },
        t.admin,
      );
      expect(granted.statusCode, granted.body).toBe(201);
      expect((await program()).json()).toMatchObject({ code: 'AUTH-B', myRoles: ['observer'] });
      const revoked = await req({ method: 'DELETE', url: `/api/v1/roles/${granted.json<{ id: string }>().id}` }, t.admin);
      expect(revoked.statusCode, revoked.body).toBe(200);
      expectProblem(await program(), 404, 'PROGRAM_NOT_FOUND');
    });
  });

  describe('the setup link', () => {
    it('on an empty database creates the first admin once, and is refused once an admin exists', async () => {
      const empty = await createTestServer(dialect);
      try {
        const link = await createSetupLink(empty.deps);
        const spare = await createSetupLink(empty.deps);
        const stale = await createSetupLink(empty.deps);
        if (!link || !spare || !stale) throw new Error('an empty workspace must get a setup link');
        secrets.push({ value: link.token }, { value: spare.token }, { value: stale.token });
        const at = (token: string, http = empty.http) => ({
          info: () => req({ method: 'GET', url: `/api/v1/invites/${token}` }, 'anonymous', http),
          accept: (body: Record<string, unknown>) =>
            req({ method: 'POST', url: `/api/v1/invites/${token}/accept`, payload: body }, 'anonymous', http),
        });
        expect((await at(link.token).info()).json()).toMatchObject({ purpose: 'setup', email: null, name: null });

        // It lasts 24 hours.
        empty.setNow(new Date(Date.now() + days(1) + minutes(1)));
        expectProblem(await at(stale.token).info(), 410, 'INVITE_INVALID');
        empty.setNow(null);

        expectProblem(await at(link.token).accept({ password: 'first-admin-pw' }), 422, 'VALIDATION_FAILED');
        expectProblem(
          await at(link.token).accept({ password: 'short', email: 'root@example.test', name: 'Rosa Root' }),
          422,
          'PASSWORD_TOO_WEAK',
        );
        secrets.push({ value: 'first-admin-pw' });
        const created = await at(link.token).accept({ password: 'first-admin-pw', email: 'root@example.test', name: 'Rosa Root' });
        expect(created.statusCode, created.body).toBe(200);
        expect(created.json<MeBody>()).toMatchObject({ email: 'root@example.test', name: 'Rosa Root', isAdmin: true, via: 'session' });
        const cookie = created.cookies.find((c) => c.name === sessionCookie)?.value as string;
        secrets.push({ value: cookie });
        const root = sessionOf(cookie, created.json<MeBody>().csrfToken as string);
        expect((await req({ method: 'GET', url: '/api/v1/people' }, root, empty.http)).statusCode).toBe(200);

        const again = { password: 'second-admin-pw', email: 'eve@example.test', name: 'Eve' };
        expectProblem(await at(link.token).accept(again), 410, 'INVITE_INVALID');
        // A second link made while there was no admin yet no longer works either.
        expectProblem(await at(spare.token).info(), 410, 'INVITE_INVALID');
        expectProblem(await at(spare.token).accept(again), 410, 'INVITE_INVALID');
        expect(await createSetupLink(empty.deps)).toBeNull();
        expect((await empty.deps.store.reads.listUsers()).map((u) => u.email)).toEqual(['root@example.test']);
        const hashes = await empty.db.rows('select password_hash from users');
        const all = await empty.db.rows('select * from changes');
        expect(JSON.stringify(all)).not.toContain(String(hashes[0]?.password_hash));
        for (const s of [link, spare, stale]) expect(JSON.stringify(all)).not.toContain(hashSecret(s.token));
      } finally {
        await empty.close();
      }
    });
  });

  describe('changing one’s password', () => {
    it('needs the current password and a strong new one; success ends the other sessions and keeps this one', async () => {
      const cy = await t.addPerson({ email: 'cy.park@example.test', name: 'Cy Park', password: 'cy-password-2026' });
      secrets.push({ value: 'cy-password-2026' }, { value: 'cy-new-password-2026' });
      const current = (await login(cy.email, 'cy-password-2026')).session;
      const laptop = await t.session(cy);
      const change = (body: Record<string, unknown>, who: Caller = current) =>
        req({ method: 'POST', url: '/api/v1/me/password', payload: body }, who);

      const wrong = expectProblem(
        await change({ currentPassword: 'not-my-password', newPassword: 'cy-new-password-2026' }),
        422,
        'CURRENT_PASSWORD_WRONG',
      );
      expect(paths(wrong)).toEqual(['currentPassword']);
      const weak = expectProblem(await change({ currentPassword: 'cy-password-2026', newPassword: 'short' }), 422, 'PASSWORD_TOO_WEAK');
      expect(paths(weak)).toEqual(['newPassword']);
      expectProblem(await change({ currentPassword: 'cy-password-2026', newPassword: 'aaaaaaaaaaaa' }), 422, 'PASSWORD_TOO_WEAK');
      expectProblem(
        await change({ currentPassword: 'cy-password-2026', newPassword: 'cy-new-password-2026' }, cookieOnly(current)),
        403,
        'CSRF_FAILED',
      );
      // None of the refusals ended a session.
      expect((await me(laptop)).statusCode).toBe(200);

      const done = await change({ currentPassword: 'cy-password-2026', newPassword: 'cy-new-password-2026' });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toEqual({ revokedTokens: 0, endedSessions: 1 });
      expectProblem(await me(laptop), 401, 'UNAUTHENTICATED');
      expect((await me(current)).statusCode).toBe(200);
      expectProblem(await loginRes(cy.email, 'cy-password-2026'), 401, 'INVALID_CREDENTIALS');
      await login(cy.email, 'cy-new-password-2026');

      // The change log records that the password changed, and who changed it, never the hash.
      const logged = await t.db.rows(
        `select old_value, new_value, actor_id from changes where entity_id = '${cy.id}' and field = 'passwordHash' order by at, id`,
      );
      expect(logged.map((r) => [r.old_value, r.new_value, r.actor_id])).toEqual([
        [null, 'set', t.admin.id],
        ['set', 'set', cy.id],
      ]);
    });
  });

  describe('changing one’s password: limits, policy and tokens', () => {
    const changeAs = (who: Caller, currentPassword: string, newPassword: string) =>
      req({ method: 'POST', url: '/api/v1/me/password', payload: { currentPassword, newPassword } }, who);

    it('wrong current passwords count against the account’s limit: 30 wrong, then the right one is 429 until the window ends', async () => {
      const fay = await t.addPerson({ email: 'fay.fox@example.test', name: 'Fay Fox', password: 'fay-password-2026' });
      secrets.push({ value: 'fay-password-2026' }, { value: 'fay-new-password-2026' });
      const web = await t.session(fay);
      secrets.push({ value: web.cookie });
      const statuses: number[] = [];
      for (let i = 1; i <= 30; i++) statuses.push((await changeAs(web, `fay guess ${i}`, 'fay-new-password-2026')).statusCode);
      expect(statuses).toEqual([...Array(5).fill(422), ...Array(25).fill(429)]);
      const right = await changeAs(web, 'fay-password-2026', 'fay-new-password-2026');
      expectProblem(right, 429, 'RATE_LIMITED');
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
      // It is the sign-in counter: signing in is locked too, from anywhere.
      expectProblem(await loginRes(fay.email, 'fay-password-2026', { remoteAddress: '198.51.100.150' }), 429, 'RATE_LIMITED');
      // Guesses at once are counted before they are checked as well.
      t.setNow(new Date(Date.now() + minutes(16)));
      try {
        const parallel = await Promise.all(
          Array.from({ length: 12 }, (_, i) => changeAs(web, `fay parallel ${i}`, 'fay-new-password-2026')),
        );
        expect(parallel.filter((r) => r.statusCode === 422)).toHaveLength(5);
        expect(parallel.filter((r) => r.statusCode === 429)).toHaveLength(7);
        t.setNow(new Date(Date.now() + minutes(32)));
        const done = await changeAs(web, 'fay-password-2026', 'fay-new-password-2026');
        expect(done.statusCode, done.body).toBe(200);
      } finally {
        t.setNow(null);
      }
    });

    it('refuses a common password (from the package list) and, outside the demo, the published demo password', async () => {
      const hal = await t.addPerson({ email: 'hal.hart@example.test', name: 'Hal Hart', password: 'hal-password-2026' });
      secrets.push({ value: 'hal-password-2026' });
      const web = await t.session(hal);
      secrets.push({ value: web.cookie });
      for (const weak of ['password12', 'qwertyuiop', 'passwordpassword', 'Password2026!', 'tollgate-demo']) {
        const p = expectProblem(await changeAs(web, 'hal-password-2026', weak), 422, 'PASSWORD_TOO_WEAK');
        expect(paths(p), weak).toEqual(['newPassword']);
      }
      // Proving the current password each time is no failure: the account is not locked.
      await login(hal.email, 'hal-password-2026', { remoteAddress: '198.51.100.151' });
      // An admin cannot give it either; in demo mode (the demo loader, serve --demo) it is the published password.
      const refused = await createPerson(t.deps, {
        actor: t.admin,
        email: 'dem.one@example.test',
        name: 'Dem One',
        password: demoPassword,
      });
      expect(refused.ok ? null : refused.error.code).toBe('PASSWORD_TOO_WEAK');
      const inDemo = await createPerson(
        { ...t.deps, demo: true },
        { actor: t.admin, email: 'dem.two@example.test', name: 'Dem Two', password: demoPassword },
      );
      expect(inDemo.ok).toBe(true);
    });

    it('a change revokes every working API token of the person, each through the change log, and says how many ended', async () => {
      const gus = await t.addPerson({ email: 'gus.gray@example.test', name: 'Gus Gray', password: 'gus-password-2026' });
      secrets.push({ value: 'gus-password-2026' }, { value: 'gus-new-password-2026' });
      const web = (await login(gus.email, 'gus-password-2026', { remoteAddress: '198.51.100.152' })).session;
      const phone = await t.session(gus);
      const tablet = await t.session(gus);
      secrets.push({ value: phone.cookie }, { value: tablet.cookie });
      const made = [];
      for (const name of ['ERP export', 'Nightly report', 'Old script']) {
        const res = await createToken(web, { name, expiresInDays: 30 });
        expect(res.statusCode, res.body).toBe(201);
        secrets.push({ value: res.json<{ token: string }>().token, shownIn: res.body });
        made.push(res.json<{ token: string; item: TokenBody }>());
      }
      const [erp, nightly, old] = made as [(typeof made)[number], (typeof made)[number], (typeof made)[number]];
      expect((await req({ method: 'DELETE', url: `/api/v1/me/tokens/${old.item.id}` }, web)).statusCode).toBe(200);
      const script = await t.as(gus);
      expect((await me({ headers: script })).statusCode).toBe(200);

      const done = await changeAs(web, 'gus-password-2026', 'gus-new-password-2026');
      expect(done.statusCode, done.body).toBe(200);
      // The two working tokens made here and the test's own; the one revoked before is not counted again.
      expect(done.json()).toEqual({ revokedTokens: 3, endedSessions: 2 });
      for (const token of [erp.token, nightly.token, old.token]) expectProblem(await me(bearer(token)), 401, 'UNAUTHENTICATED');
      expectProblem(await me({ headers: script }), 401, 'UNAUTHENTICATED');
      for (const s of [phone, tablet]) expectProblem(await me(s), 401, 'UNAUTHENTICATED');
      expect((await me(web)).statusCode).toBe(200);
      const listed = (await req({ method: 'GET', url: '/api/v1/me/tokens' }, web)).json<{ items: TokenBody[] }>().items;
      expect(listed).toHaveLength(4);
      expect(listed.filter((x) => x.revokedAt === null)).toEqual([]);

      // Each revocation is a change of that token, by Gus, with the reason.
      const logged = await t.db.rows(
        `select entity_id, old_value, new_value, actor_id, reason from changes where entity = 'api_token' and field = 'revokedAt' and reason = 'Revoked when the password changed.'`,
      );
      const ids = listed.filter((x) => x.id !== old.item.id).map((x) => x.id);
      expect(logged.map((r) => r.entity_id).sort()).toEqual([...ids].sort());
      for (const r of logged) expect(r).toMatchObject({ old_value: null, actor_id: gus.id });
    });
  });

  describe('removing a person', () => {
    it('ends their sessions and API tokens at once', async () => {
      const dee = await t.addPerson({
        email: 'dee.dunn@example.test',
        name: 'Dee Dunn',
        roles: [{ programId: a.id, role: 'quality_owner' }],
      });
      const web = await t.session(dee);
      const created = await createToken(web);
      const { token } = created.json<{ token: string }>();
      secrets.push({ value: token, shownIn: created.body }, { value: web.cookie });
      expect((await me(web)).statusCode).toBe(200);
      expect((await me(bearer(token))).statusCode).toBe(200);

      const removed = await req({ method: 'DELETE', url: `/api/v1/people/${dee.id}`, payload: { reason: 'Left the company' } }, t.admin);
      expect(removed.statusCode, removed.body).toBe(200);
      expectProblem(await me(web), 401, 'UNAUTHENTICATED');
      expectProblem(await me(bearer(token)), 401, 'UNAUTHENTICATED');
      expectProblem(await req({ method: 'GET', url: '/api/v1/programs/AUTH-A' }, bearer(token)), 401, 'UNAUTHENTICATED');
      const people = (await req({ method: 'GET', url: '/api/v1/programs/AUTH-A/people' }, t.actor)).json<{ items: { id: string }[] }>();
      expect(people.items.map((p) => p.id)).not.toContain(dee.id);
      expectProblem(await req({ method: 'DELETE', url: `/api/v1/people/${dee.id}` }, t.admin), 422, 'USER_NOT_FOUND');
    });

    it('refuses to remove the last admin with 409 LAST_ADMIN', async () => {
      expectProblem(await req({ method: 'DELETE', url: `/api/v1/people/${t.admin.id}` }, t.admin), 409, 'LAST_ADMIN');
      expect((await me(t.admin)).json<MeBody>()).toMatchObject({ id: t.admin.id, isAdmin: true });
      const second = await t.addPerson({ email: 'second.admin@example.test', name: 'Sam Second', isAdmin: true });
      const out = await req({ method: 'DELETE', url: `/api/v1/people/${second.id}` }, t.admin);
      expect(out.statusCode, out.body).toBe(200);
      expectProblem(await req({ method: 'DELETE', url: `/api/v1/people/${t.admin.id}` }, t.admin), 409, 'LAST_ADMIN');
    });
  });

  describe('the change log', () => {
    it('names the real person behind each write: the signed-in person, or the owner of the API token used', async () => {
      const m = await milestoneOf(ana, 'Safety certificate issued');
      const url = `/api/v1/programs/AUTH-A/milestones/${m.key}/move`;
      const script = await createToken(anaWeb, { name: 'Planning script', expiresInDays: 2 });
      const scriptToken = script.json<{ token: string }>().token;
      secrets.push({ value: scriptToken, shownIn: script.body });
      const moves: [Caller, string][] = [
        [anaWeb, '2027-01-20'],
        [bearer(scriptToken), '2027-01-21'],
        [t.actor, '2027-01-22'],
      ];
      for (const [i, [who, forecastDate]] of moves.entries()) {
        const res = await req({ method: 'POST', url, payload: { version: i + 1, forecastDate, reason: `Move ${i + 1}` } }, who);
        expect(res.statusCode, res.body).toBe(200);
      }
      const log = (await req({ method: 'GET', url: '/api/v1/programs/AUTH-A/changes' }, t.actor)).json<{
        items: { entityId: string; field: string; oldValue: string | null; reason: string | null; actor: { id: string; name: string } }[];
      }>().items;
      const moved = log.filter((c) => c.entityId === m.id && c.field === 'forecastDate' && c.oldValue !== null).reverse();
      expect(moved.map((c) => [c.reason, c.actor.id])).toEqual([
        ['Move 1', ana.id],
        ['Move 2', ana.id],
        ['Move 3', t.actor.id],
      ]);
      expect(moved[0]?.actor.name).toBe('Ana Lima');

      // Tokens, invites and role changes are written by whoever made them.
      const res = await createToken(anaWeb, { name: 'Named', expiresInDays: 2 });
      const created = res.json<{ token: string; item: TokenBody }>();
      secrets.push({ value: created.token, shownIn: res.body });
      const tokenRows = await t.db.rows(`select actor_id from changes where entity_id = '${created.item.id}'`);
      expect(tokenRows.length).toBeGreaterThan(0);
      expect(new Set(tokenRows.map((r) => r.actor_id))).toEqual(new Set([ana.id]));
      const removal = await t.db.rows(`select actor_id, reason from changes where entity = 'user' and reason = 'Left the company'`);
      expect(removal.map((r) => r.actor_id)).toEqual([t.admin.id]);
    });
  });

  it('never writes a secret to the request log: invite and setup links are logged without their token', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => void lines.push(line) };
    const logged = await t.build({}, { logger: { level: 'info', stream } });
    const invited = await req(
      { method: 'POST', url: '/api/v1/people/invites', payload: { email: 'logged.lou@example.test', name: 'Lou' } },
      t.admin,
      logged,
    );
    const token = inviteToken(invited.json<{ inviteUrl: string }>().inviteUrl);
    secrets.push({ value: token, shownIn: invited.body });
    expect((await req({ method: 'GET', url: `/api/v1/invites/${token}` }, 'anonymous', logged)).statusCode).toBe(200);
    const weak = expectProblem(
      await req({ method: 'POST', url: `/api/v1/invites/${token}/accept`, payload: { password: 'short' } }, 'anonymous', logged),
      422,
      'PASSWORD_TOO_WEAK',
    );
    // The problem names the request without the link's secret too.
    expect(weak.instance).toBe('/api/v1/invites/[redacted]/accept');
    await req({ method: 'GET', url: `/invite/${token}`, headers: { accept: 'text/html' } }, 'anonymous', logged);
    await login(ana.email, anaPassword, { http: logged });
    expect((await me(anaWeb, logged)).statusCode).toBe(200);
    expect((await me(ana, logged)).statusCode).toBe(200);

    const text = lines.join('');
    expect(text).toContain('/api/v1/invites/[redacted]/accept');
    expect(text).toContain('/invite/[redacted]');
    // One line per request, when answered, naming the request (its URL redacted): seven requests above.
    expect(lines.filter((l) => l.includes('"msg":"request completed"') && l.includes('"url":"')).length).toBeGreaterThanOrEqual(7);
    const leaked = secrets.filter((s) => text.includes(s.value) || text.includes(hashSecret(s.value)));
    expect(leaked.map((s) => `${s.value.slice(0, 6)}…`)).toEqual([]);
    expect(text).not.toContain(String((await t.as(ana)).authorization).slice('Bearer '.length));
  });

  it('no secret ever reaches a change row or an API response: no password, hash, cookie, token or link', async () => {
    const stored = [
      ...(await t.db.rows('select password_hash as v from users where password_hash is not null')),
      ...(await t.db.rows('select token_hash as v from api_tokens')),
      ...(await t.db.rows('select token_hash as v from invites')),
      ...(await t.db.rows('select id as v from sessions')),
    ].map((r) => String(r.v));
    expect(stored.length).toBeGreaterThan(10);
    const hashes = [...stored, ...secrets.map((s) => hashSecret(s.value))];
    const changeRows = (await t.db.rows('select * from changes')).map((r) => JSON.stringify(r));
    expect(changeRows.length).toBeGreaterThan(50);

    const leaks: string[] = [];
    for (const row of changeRows) {
      if (row.includes('$argon2')) leaks.push(`change row holds a password hash: ${row}`);
      for (const h of hashes) if (row.includes(h)) leaks.push(`change row holds a stored secret hash: ${row}`);
      for (const s of secrets) if (row.includes(s.value)) leaks.push(`change row holds a secret: ${row}`);
    }
    expect(seen.length).toBeGreaterThan(100);
    for (const r of seen) {
      if (r.body.includes('$argon2')) leaks.push(`${r.what} shows a password hash`);
      for (const h of hashes) if (r.body.includes(h)) leaks.push(`${r.what} shows a stored secret hash`);
      for (const s of secrets) if (r.body.includes(s.value) && r.body !== s.shownIn) leaks.push(`${r.what} shows a secret`);
    }
    expect(leaks).toEqual([]);
  });
});
