import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createClient, createProgram, createUser, unwrap } from '../../src/app/create-records.js';
import type { Actor } from '../../src/app/deps.js';
import type { Program } from '../../src/domain/program.js';
import type { TestApp } from '../support/app.js';

/** Sends a request to the app without listening; no request in these suites may end in a 5xx. */
export async function call(t: TestApp, opts: InjectOptions): Promise<LightMyRequestResponse> {
  const res = await t.http.inject(opts);
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
  expect({ status: res.statusCode, body: res.body }).toMatchObject({ status });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const p = res.json<ProblemBody>();
  expect(p).toMatchObject({ status, code });
  expect(p.detail.length).toBeGreaterThan(0);
  return p;
}

/** The field paths a problem names. */
export const paths = (p: ProblemBody): string[] => (p.errors ?? []).map((e) => e.path);

/** Adds a person through the use case. */
export async function seedUser(t: TestApp, name: string, email: string): Promise<Actor> {
  const u = unwrap(await createUser(t.deps, { actor: t.actor, email, name, timeZone: 'Asia/Shanghai' }));
  return { id: u.id, name: u.name };
}

/** A client and an active program at a factory in Ningbo (Asia/Shanghai unless told), owned by the local user. */
export async function seedProgram(t: TestApp, code: string, over: { toleranceDays?: number; timeZone?: string } = {}): Promise<Program> {
  const client = unwrap(await createClient(t.deps, { actor: t.actor, name: 'Keller Haushaltsgeräte GmbH', country: 'de' }));
  return unwrap(
    await createProgram(t.deps, {
      actor: t.actor,
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

/** The program's change log through the API, newest first. */
export async function changes(t: TestApp, program: string, query = ''): Promise<ChangeBody[]> {
  const res = await call(t, { method: 'GET', url: `/api/v1/programs/${program}/changes${query}` });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: ChangeBody[] }>().items;
}
