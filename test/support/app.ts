import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { principalOf } from '../../src/app/auth/principal.js';
import { hashSecret, newSecret } from '../../src/app/auth/secrets.js';
import { startSession } from '../../src/app/auth/start-session.js';
import { unwrap } from '../../src/app/create-records.js';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import type { Store } from '../../src/app/ports.js';
import { transact } from '../../src/app/transact.js';
import { insertRecord } from '../../src/app/write-record.js';
import type { Role } from '../../src/domain/roles.js';
import { sessionCookie } from '../../src/http/auth.js';
import { type BuildOptions, buildApp } from '../../src/http/build-app.js';
import type { HttpDeps } from '../../src/http/http-deps.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, type DatabaseOptions, type TestDatabase } from './databases.js';
import { testPasswords } from './passwords.js';

/** Request headers that make an inject() request as someone. */
export type Headers = Record<string, string>;

/** A role on every program of a client, or on one program (id or code). */
export interface RoleSpec {
  readonly role: Role;
  readonly programId?: string | undefined;
  readonly clientId?: string | undefined;
}

export interface PersonSpec {
  readonly email: string;
  readonly name?: string | undefined;
  /** Only people who sign in with a password need one: each hash costs ~40 ms of argon2. */
  readonly password?: string | undefined;
  readonly isAdmin?: boolean | undefined;
  readonly timeZone?: string | undefined;
  readonly roles?: readonly RoleSpec[] | undefined;
}

/** A browser session: the cookie's value and the token that writes must echo. */
export interface SignedIn {
  readonly cookie: string;
  readonly csrfToken: string;
  /** cookie + X-CSRF-Token, ready for inject(). */
  readonly headers: Headers;
}

/** A migrated store on a fresh database, with the HTTP app built around it (not listening); no people yet. */
export interface TestServer {
  readonly db: TestDatabase;
  readonly deps: AppDeps;
  readonly http: FastifyInstance;
  /** Sets the clock the use cases (and sign-in, sessions, tokens) see; null goes back to the real time. */
  setNow(d: Date | null): void;
  /** Adds an active person with roles, acting as the first admin (or as nobody, for the first admin itself). */
  addPerson(spec: PersonSpec): Promise<Actor>;
  /** Gives a person a role (as the first admin) and returns them with their roles now. */
  grant(who: Actor | string, role: RoleSpec): Promise<Actor>;
  /** A person as they are now (by id or email), with their roles. */
  person(idOrEmail: string): Promise<Actor>;
  /**
   * Headers acting as the person through a personal API token (no CSRF needed), made once per person
   * and reused. Test tokens never expire, so tests may move the clock freely.
   */
  as(who: Actor | string): Promise<Headers>;
  /** A fresh browser session for the person, opened directly (no password, no argon2): cookie + CSRF headers. */
  session(who: Actor | string): Promise<SignedIn>;
  /** Signs in through POST /api/v1/auth/login, as a browser does. Throws unless it answers 200. */
  login(email: string, password: string, http?: FastifyInstance): Promise<SignedIn & { res: LightMyRequestResponse }>;
  /** Another app over the same store (e.g. with a public URL); closed with the test app. */
  build(over?: Partial<Omit<HttpDeps, 'app'>>, opts?: BuildOptions): Promise<FastifyInstance>;
  /** Like a restart: a new connection to the same database and a new app on it; closed with the test app. */
  restart(): Promise<{ deps: AppDeps; http: FastifyInstance }>;
  close(): Promise<void>;
}

/** A test server with two people: the workspace admin and the cadence owner most requests act as. */
export interface TestApp extends TestServer {
  /** The first admin (as `tollgate user add --admin` makes it): creates clients and programs. */
  readonly admin: Actor;
  /** Dana, who runs the plans: cadence owner on every program seedProgram() makes. Always current. */
  readonly actor: Actor;
}

const leadEmail = 'dana.whitfield@example.test';

/** The first admin of an empty workspace (as `tollgate user add --admin` makes it), as an acting person. */
export async function addFirstAdmin(deps: AppDeps, email = 'admin@example.test', name = 'Morgan Reyes'): Promise<Actor> {
  const user = unwrap(await createPerson(deps, { actor: null, email, name, isAdmin: true }));
  return principalOf(deps.store.reads, user);
}

/** A fresh migrated database of the dialect (empty: nobody exists yet; or a copy of the demo) with the app around it. */
export async function createTestServer(
  dialect: 'sqlite' | 'postgres',
  http: Partial<Omit<HttpDeps, 'app'>> = {},
  opts: DatabaseOptions = {},
): Promise<TestServer> {
  const db = await createTestDatabase(dialect, opts);
  const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  await opened.migrate();
  let fixed: Date | null = null;
  const clock = { now: () => fixed ?? new Date() };
  const deps: AppDeps = { store: opened.store, clock, newId: uuidv7, passwords: testPasswords };
  const apps: FastifyInstance[] = [];
  const stores: Store[] = [opened.store];
  const build = async (over: Partial<Omit<HttpDeps, 'app'>> = {}, opts: BuildOptions = {}, on: AppDeps = deps) => {
    const app = await buildApp({ app: on, version: 'test', ...http, ...over }, opts);
    apps.push(app);
    return app;
  };
  const main = await build();
  const tokens = new Map<string, string>();

  const person = async (idOrEmail: string): Promise<Actor> => {
    const r = deps.store.reads;
    const user = idOrEmail.includes('@') ? await r.findUserByEmail(idOrEmail) : await r.findUser(idOrEmail);
    if (!user) throw new Error(`test person ${idOrEmail} not found`);
    return principalOf(r, user);
  };
  const resolve = (who: Actor | string) => (typeof who === 'string' ? person(who) : Promise.resolve(who));
  const firstAdmin = async (): Promise<Actor | null> => {
    const admin = (await deps.store.reads.listUsers()).find((u) => u.isAdmin && u.status === 'active');
    return admin ? principalOf(deps.store.reads, admin) : null;
  };
  const grant = async (who: Actor | string, role: RoleSpec): Promise<Actor> => {
    const admin = await firstAdmin();
    if (!admin) throw new Error('grant() needs an admin');
    const p = await resolve(who);
    unwrap(await grantRole(deps, { actor: admin, userId: p.id, ...role }));
    return person(p.id);
  };

  return {
    db,
    deps,
    http: main,
    setNow: (d) => {
      fixed = d;
    },
    person,
    grant,
    async addPerson(spec) {
      const user = unwrap(
        await createPerson(deps, {
          actor: await firstAdmin(),
          email: spec.email,
          name: spec.name ?? spec.email.split('@')[0] ?? spec.email,
          password: spec.password,
          isAdmin: spec.isAdmin,
          timeZone: spec.timeZone,
        }),
      );
      for (const role of spec.roles ?? []) await grant(user.id, role);
      return person(user.id);
    },
    async as(who) {
      const p = await resolve(who);
      let token = tokens.get(p.id);
      if (!token) {
        const secret = newSecret('tgt_');
        const id = deps.newId();
        const values = {
          userId: p.id,
          name: 'test token',
          prefix: secret.slice(0, 10),
          expiresAt: '9999-12-31T23:59:59.999Z',
          revokedAt: null,
          lastUsedAt: null,
          tokenHash: hashSecret(secret),
        };
        unwrap(
          await transact(deps.store, (tx) =>
            insertRecord(deps, tx, { entity: 'api_token', id, programId: null, actorId: p.id, secret: ['tokenHash'] }, values),
          ),
        );
        token = secret;
        tokens.set(p.id, token);
      }
      return { authorization: `Bearer ${token}` };
    },
    async session(who) {
      const p = await resolve(who);
      const s = await deps.store.transaction((tx) => startSession(deps, tx, p.id, 'password'));
      return signedIn(s.token, s.csrfToken);
    },
    async login(email, password, on = main) {
      const res = await on.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${email} → ${res.statusCode}: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === sessionCookie)?.value;
      if (!cookie) throw new Error(`sign-in of ${email} set no ${sessionCookie} cookie`);
      return { ...signedIn(cookie, res.json<{ csrfToken: string }>().csrfToken), res };
    },
    build: (over, opts) => build(over, opts),
    async restart() {
      const again = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
      stores.push(again.store);
      const restartedDeps: AppDeps = { ...deps, store: again.store };
      return { deps: restartedDeps, http: await build({}, {}, restartedDeps) };
    },
    async close() {
      for (const app of apps) await app.close();
      for (const s of stores) await s.close();
      await db.drop();
    },
  };
}

const signedIn = (cookie: string, csrfToken: string): SignedIn => ({
  cookie,
  csrfToken,
  headers: { cookie: `${sessionCookie}=${cookie}`, 'x-csrf-token': csrfToken },
});

/**
 * A test server with its first admin and Dana, a cadence owner (see seedProgram in test/api/helpers.ts);
 * neither has a password, so creating them costs no hashing.
 */
export async function createTestApp(dialect: 'sqlite' | 'postgres', http: Partial<Omit<HttpDeps, 'app'>> = {}): Promise<TestApp> {
  const server = await createTestServer(dialect, http);
  try {
    const admin = await server.addPerson({ email: 'admin@example.test', name: 'Morgan Reyes', isAdmin: true });
    let actor = await server.addPerson({ email: leadEmail, name: 'Dana Whitfield', timeZone: 'America/Chicago' });
    return {
      ...server,
      admin,
      get actor() {
        return actor;
      },
      async grant(who, role) {
        const p = await server.grant(who, role);
        if (p.id === actor.id) actor = p;
        return p;
      },
    };
  } catch (e) {
    await server.close();
    throw e;
  }
}
