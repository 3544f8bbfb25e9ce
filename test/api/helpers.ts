import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { Actor } from '../../src/app/deps.js';
import type { Program } from '../../src/domain/program.js';
import type { Role } from '../../src/domain/roles.js';
import type { Headers, TestApp, TestServer } from '../support/app.js';

/** Who sends a request: a person (through their API token), ready-made headers, or nobody. */
export type Caller = Actor | { readonly headers: Headers } | 'anonymous';

/**
 * Sends a request to the app without listening, as the caller (by default the test app's cadence
 * owner, through an API token); no request in these suites may end in a 5xx.
 */
export async function call(t: TestServer & { readonly actor?: Actor }, opts: InjectOptions, who?: Caller): Promise<LightMyRequestResponse> {
  const caller = who ?? t.actor;
  if (caller === undefined) throw new Error('call() needs a caller on a test server without people');
  const auth = caller === 'anonymous' ? {} : 'headers' in caller ? caller.headers : await t.as(caller);
  const res = await t.http.inject({ ...opts, headers: { ...auth, ...(opts.headers as Headers | undefined) } });
  expect(res.statusCode, `${opts.method ?? 'GET'} ${String(opts.url)} → ${res.statusCode}: ${res.body}`).toBeLessThan(500);
  return res;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: { path: string; message: string }[];
  current?: Record<string, unknown>;
}

/** Asserts an RFC 9457 problem response with the status and stable code, and returns its body. */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string): ProblemBody {
  expect({ status: res.statusCode, body: res.body }, res.body).toMatchObject({ status });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const p = res.json<ProblemBody>();
  expect(p).toMatchObject({ status, code });
  expect(p.detail.length).toBeGreaterThan(0);
  return p;
}

/** The field paths a problem names. */
export const paths = (p: ProblemBody): string[] => (p.errors ?? []).map((e) => e.path);

/** Adds a person (no password) who holds the role on the program, so that they can own its items. */
export async function seedUser(t: TestApp, name: string, email: string, on: { programId: string; role?: Role }): Promise<Actor> {
  return t.addPerson({ email, name, timeZone: 'Asia/Shanghai', roles: [{ programId: on.programId, role: on.role ?? 'contributor' }] });
}

/**
 * A client and an active program at a factory in Ningbo (Asia/Shanghai unless told), created by the
 * admin, owned by the test app's cadence owner, who is given that role on it.
 */
export async function seedProgram(t: TestApp, code: string, over: { toleranceDays?: number; timeZone?: string } = {}): Promise<Program> {
  // Client names are unique: a second program joins the client the first one made.
  const existing = (await t.deps.store.reads.listClients()).find((c) => c.name === 'Keller Haushaltsgeräte GmbH');
  const client = existing ?? unwrap(await createClient(t.deps, { actor: t.admin, name: 'Keller Haushaltsgeräte GmbH', country: 'de' }));
  const program = unwrap(
    await createProgram(t.deps, {
      actor: t.admin,
      code,
      name: `Kettle ${code}`,
      clientId: client.id,
      supplierName: 'Ningbo Lisheng Electric Appliance',
      factoryCity: 'Ningbo',
      factoryCountry: 'cn',
      timeZone: over.timeZone ?? 'Asia/Shanghai',
      ownerId: t.actor.id,
      toleranceDays: over.toleranceDays,
    }),
  );
  await t.grant(t.actor, { programId: program.id, role: 'cadence_owner' });
  return program;
}

export interface ChangeBody {
  id: string;
  at: string;
  actor: { id: string; name: string; email: string };
  entity: string;
  entityId: string;
  entityKey: string | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  correlationId: string;
}

/** The program's change log through the API, newest first (as the cadence owner unless told). */
export async function changes(
  t: TestServer & { readonly actor?: Actor },
  program: string,
  query = '',
  who?: Caller,
): Promise<ChangeBody[]> {
  const res = await call(t, { method: 'GET', url: `/api/v1/programs/${program}/changes${query}` }, who);
  expect(res.statusCode).toBe(200);
  return res.json<{ items: ChangeBody[] }>().items;
}
