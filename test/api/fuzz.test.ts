import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../src/app/create-records.js';
import type { Actor } from '../../src/app/deps.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import type { OperationContract } from '../../src/contract/operation.js';
import { operations as contractOperations, operationNames } from '../../src/contract/operations.js';
import { createTestApp, type Headers, type TestApp } from '../support/app.js';
import { completeCharter } from '../support/charter.js';
import { dialects } from '../support/databases.js';
import {
  encodeSegment,
  hostileStrings,
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiOperation,
  queryText,
  SchemaArbitraries,
  tenThousand,
  toJson,
} from '../support/openapi-arbitraries.js';
import { seedProgram, seedUser } from './helpers.js';

/*
 * Fuzzing every operation of the API's own OpenAPI document. For each path and method it lists, a
 * fixed number of requests is generated with fast-check from the operation's schemas: valid-shaped
 * ones (real ids and keys of a seeded program, values the schemas accept: they reach the use cases
 * and write) and ones with one part broken (unknown or hostile path segments, wrong or hostile query
 * values, bodies of the wrong shape or type, malformed JSON, odd content types, hostile headers and
 * credentials). Routes the document hides (health, OIDC, Swagger UI, the document itself) and routes
 * that do not exist get a few requests too. Callers: the cadence owner, a contributor and an observer
 * (bearer tokens and a browser session), the admin for workspace routes, and nobody.
 *
 * Passes when no answer is a 5xx, every answer that is neither 2xx nor a redirect is
 * application/problem+json with a `code` (and its status), nothing is logged at error level, and afterwards the portfolio and every program, its
 * milestones and its plan still load for the cadence owner.
 *
 * The run is a fixed number of requests (not a time budget). FUZZ_SEED=<n> replays a run (the seed is
 * printed), FUZZ_SEED=random picks a new one; FUZZ_PER_OPERATION=<n> changes how many requests each
 * operation gets (16 by default).
 */

// Wednesday 11 March 2026, noon in Ningbo.
const now = new Date('2026-03-11T04:00:00Z');
const seed = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20260311);
const perOperation = Number(process.env.FUZZ_PER_OPERATION ?? 16);
if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(perOperation) || perOperation < 1)
  throw new Error(`FUZZ_SEED must be an integer or "random", FUZZ_PER_OPERATION a positive integer`);
/** Operations that hash or verify passwords (argon2, ~40 ms) or are rate limited get fewer requests. */
const fewer: Record<string, number> = {
  'POST /api/v1/auth/login': 10,
  'POST /api/v1/auth/logout': 8,
  'POST /api/v1/me/password': 10,
  'POST /api/v1/invites/{token}/accept': 10,
  // A live-update stream stays open as long as its client (inject would wait for ever): it is
  // exercised over real HTTP, its refusals included, in test/api/notifications.test.ts.
  'GET /api/v1/events': 0,
};

type CallerName =
  | 'cadence owner'
  | 'contributor'
  | 'observer'
  | 'admin'
  | 'anonymous'
  | 'session'
  | 'session without CSRF'
  | 'fresh session'
  | 'unknown token'
  | 'password holder';

interface Draft {
  caller: CallerName;
  /** Path parameters; raw ones go into the URL as they are (not percent-encoded). */
  params: Record<string, { value: string; raw?: boolean }>;
  query: [string, string][];
  rawQuery?: string;
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType?: string };
  headers: Headers;
  mutation: string;
  /** Send the record's current version (looked up just before) rather than the generated one. */
  fresh: boolean;
}

interface Planned {
  readonly route: string;
  readonly mutation: string;
  readonly caller: CallerName;
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly payload?: string;
  /** Where the current version of the record the request writes can be read, and the body to put it in. */
  readonly versionOf?: { readonly one: string; readonly list: string; readonly id: string; readonly body: Record<string, unknown> };
}

interface Failure {
  readonly request: Planned;
  readonly status: number | string;
  readonly why: string;
  readonly response: string;
  readonly log: string[];
}

interface World {
  programCodes: string[];
  programIds: string[];
  milestones: string[];
  links: string[];
  decisions: string[];
  actions: string[];
  risks: string[];
  people: string[];
  emails: string[];
  strangers: string[];
  memberships: string[];
  tokens: string[];
  invites: string[];
  clients: string[];
}

const excerpt = (s: string | undefined, n = 300) => {
  if (s === undefined) return '';
  const flat = JSON.stringify(s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);
  return flat.slice(1, -1);
};

const oneMegabyte = `{"name":"${'m'.repeat(1_100_000)}"}`;
const deepJson = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
const rawBodies: readonly { text: string; contentType?: string }[] = [
  { text: '' },
  { text: '{' },
  { text: '{"version":' },
  { text: '[1,2' },
  { text: 'null' },
  { text: 'true' },
  { text: '"text"' },
  { text: '123' },
  { text: '[]' },
  { text: '{}' },
  { text: "{'single':'quotes'}" },
  { text: '{"a":1,"a":2}' },
  { text: '{"__proto__":{"isAdmin":true}}' },
  { text: '{"constructor":{"prototype":{"isAdmin":true}}}' },
  { text: '\ufeff{}' },
  { text: '{"version":1}\u0000' },
  { text: '{"x":"\\ud800"}' },
  { text: '{"x":"\\u0000"}' },
  { text: '{"version":-0,"lagDays":1e400}' },
  { text: deepJson },
  { text: oneMegabyte },
  { text: 'version=1&name=x', contentType: 'application/x-www-form-urlencoded' },
  { text: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', contentType: 'multipart/form-data; boundary=x' },
  { text: '<xml/>', contentType: 'application/xml' },
  { text: '{}', contentType: 'text/plain' },
  { text: '{}', contentType: 'application/json; charset=latin1' },
  { text: '{}', contentType: 'application/json; charset=utf-16' },
  { text: '{}', contentType: 'application/merge-patch+json' },
  { text: '{}', contentType: 'application/problem+json' },
  { text: '{}', contentType: '*/*' },
  { text: '{}', contentType: 'application/json, text/plain' },
  { text: '{}', contentType: 'application' },
  { text: '{}', contentType: `application/json; x=${'y'.repeat(5000)}` },
];
const oddContentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json;charset=ISO-8859-1',
  'application/vnd.api+json',
  'application/octet-stream',
];
const hostileHeaders: readonly Headers[] = [
  { 'x-fuzz': 'a'.repeat(20_000) },
  { accept: 'application/xml' },
  { accept: 'text/html' },
  { accept: 'x'.repeat(9000) },
  { 'accept-version': '999' },
  { 'accept-language': 'zz-ZZ;q=2' },
  { 'accept-encoding': 'br;q=1, gzip;q=0, identity;q=0' },
  { 'x-forwarded-for': '1.2.3.4, ::1, garbage' },
  { 'x-forwarded-proto': 'gopher' },
  { 'x-csrf-token': 'x'.repeat(5000) },
  { 'if-none-match': '*' },
  { range: 'bytes=0-1' },
  { 'content-length': '0' },
  { cookie: `tollgate_session=${'z'.repeat(3000)}` },
  { cookie: 'tollgate_session=; tollgate_session=other' },
  { 'user-agent': '\u00ff'.repeat(100) },
];
const hostileAuth: readonly Headers[] = [
  { authorization: 'Bearer' },
  { authorization: 'Bearer ' },
  { authorization: 'Bearer tgt_' },
  { authorization: `Bearer tgt_${'A'.repeat(5000)}` },
  { authorization: 'Basic YWRtaW46YWRtaW4=' },
  { authorization: 'Bearer a b' },
  { authorization: 'bearer tgt_0000000000' },
  { authorization: 'Bearer \u00e9\u00e9' },
];
const unknownIds = ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'M-999', 'D-999', 'A-999', 'R-999', 'FZ-NOPE', 'me', '0', '1', 'x'];
const rawSegments = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%EF%BF%BD',
  '%F0%9F%98',
  '..',
  '.',
  '%2e%2e',
  '%2F',
  'a%2Fb',
  '%00',
  'x'.repeat(101),
  'y'.repeat(5000),
];
const rawQueries = [
  '%zz=1',
  'year=%E0%A4%A',
  'since=%ED%A0%80',
  'ownerId=%00',
  '=',
  '&&&',
  'a[b]=1',
  `q=${'z'.repeat(9000)}`,
  '__proto__=1',
  'constructor[prototype]=1',
];

/** An official holiday schedule as a government publishes it: dates in its year, labelled. */
const officialSchedule = fc.tuple(fc.constantFrom('CN', 'DE', 'VN'), fc.constantFrom(2026, 2027)).chain(([country, year]) => {
  const day = fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(year, 0, 1 + d)).toISOString().slice(0, 10));
  const label = fc.constantFrom('Spring Festival', 'National Day', 'Tết', 'Betriebsruhe');
  const holidays = fc
    .uniqueArray(day, { maxLength: 5 })
    .chain((dates) => fc.tuple(...dates.map((date) => label.map((l) => ({ date, label: l })))));
  return fc.record({ country: fc.constant(country), year: fc.constant(year), holidays, makeupWorkdays: fc.constant([]) });
});

const passwords = { current: 'Kettle-lid hinge 2026 redesign!', next: 'Toaster spring hinge 2027, take two' };

const roles = ['decision_owner', 'cadence_owner', 'quality_owner', 'contributor', 'observer'] as const;

/** A role on the main program or on a client: one of the two, never both (the schema cannot say so). */
const roleGrant = (w: World) =>
  fc.oneof(
    fc.record({ role: fc.constantFrom(...roles), programId: fc.constantFrom(...w.programCodes.slice(0, 2), ...w.programIds) }),
    fc.record({ role: fc.constantFrom(...roles), clientId: fc.constantFrom(...w.clients) }),
  );

/** Valid-shaped bodies the schema alone cannot make (the schedule route takes any object or text; a grant names a program or a client). */
const extraBodies = (w: World, route: string): fc.Arbitrary<unknown>[] =>
  route === 'POST /api/v1/programs/{programId}/calendar/official-schedules'
    ? [officialSchedule, officialSchedule.map((o) => JSON.stringify(o, null, 2))]
    : route === 'POST /api/v1/people/{userId}/roles'
      ? [roleGrant(w), roleGrant(w)]
      : [];

/** Valid-shaped values by name: the seeded records' ids and keys, people, zones, small versions. */
function hintsFor(w: World, method: string, path: string) {
  const pick = (xs: readonly string[]) => (xs.length ? fc.constantFrom(...xs) : undefined);
  /** Mostly the first few (the main program, the people who may own things), sometimes any. */
  const mostly = (xs: readonly string[], first: number) =>
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...xs.slice(0, first)) }, { weight: 1, arbitrary: fc.constantFrom(...xs) });
  const keys = [...w.milestones, ...w.decisions, ...w.risks, ...w.actions];
  const userPool = method === 'DELETE' ? w.strangers : [...w.strangers, ...w.people.slice(1)];
  return (name: string, schema: JsonSchema, fromSchema: () => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> | undefined => {
    switch (name) {
      case 'programId':
        return mostly([w.programCodes[0] as string, w.programIds[0] as string, ...w.programCodes.slice(1), ...w.programIds.slice(1)], 2);
      case 'milestoneId':
      case 'predecessor':
      case 'successor':
      case 'blocksMilestoneId':
      case '[key]':
        return pick(w.milestones);
      case 'linkId':
        return pick(w.links);
      case 'decisionId':
        return pick(w.decisions);
      case 'actionId':
        return pick(w.actions);
      case 'riskId':
        return pick(w.risks);
      case 'id':
        return pick(keys);
      case 'userId':
        return pick(userPool);
      case 'membershipId':
        return pick(w.memberships);
      case 'tokenId':
        return pick(w.tokens);
      case 'token':
        return pick(w.invites);
      case 'clientId':
        return pick(w.clients);
      case 'ownerId':
        return path.endsWith('decision-queue') || (method === 'GET' && path.endsWith('/actions'))
          ? pick(['me', ...w.people, ...w.emails])
          : mostly(w.people, 4);
      case 'email':
        return path.endsWith('/login') ? mostly(w.emails, 1) : undefined;
      case 'password':
      case 'currentPassword':
        return mostly([passwords.current, passwords.next, 'short', 'password1'], 2);
      case 'newPassword':
        return mostly([passwords.next, 'correct horse battery staple', 'short', 'password1', 'pat.quinn@example.test'], 1);
      case 'roles[]':
        return roleGrant(w);
      case 'timeZone':
        return fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/Chicago', 'UTC', 'Pacific/Kiritimati', 'Mars/Olympus');
      case 'country':
        return fc.constantFrom('CN', 'DE', 'US', 'GB', 'VN', 'ZZ');
      case 'countries':
        return fc.oneof(
          {
            weight: 3,
            arbitrary: fc
              .uniqueArray(fc.constantFrom('CN', 'DE', 'US', 'VN'), { maxLength: 2 })
              .map((cs) => cs.map((country) => ({ country }))),
          },
          { weight: 1, arbitrary: fromSchema() },
        );
      case 'region':
        return fc.constantFrom('BY', 'NW', 'SD', 'XX');
      case 'version':
        return fc.integer({ min: 1, max: 5 });
      case 'actualDate':
        // Completion dates lie in the past: 1 January to 11 March 2026.
        return fc.integer({ min: 0, max: 69 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
      case 'officialSchedules':
        return fc.oneof(
          { weight: 3, arbitrary: fc.constant([]) },
          { weight: 1, arbitrary: fc.array(officialSchedule, { maxLength: 2 }) },
          fromSchema(),
        );
      case 'year':
        return fc.integer({ min: 2025, max: 2027 });
      case 'week':
        // The weeks around "now" (2026-W11): past, running, not begun; and ones that are not weeks.
        return fc.constantFrom('2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W53', '2026-W54', '2026-11');
      case 'revision':
        return fc.constantFrom('1', '2', 'latest', '0');
      case 'baseline':
        return fc.integer({ min: 0, max: 3 });
      case 'lagDays':
        return fc.integer({ min: -5, max: 10 });
      case 'milestones':
        return schema.type === 'string' ? fc.subarray(w.milestones.filter((m) => m.startsWith('M-'))).map((xs) => xs.join(',')) : undefined;
      default:
        return undefined;
    }
  };
}

/** The request arbitrary of one operation: valid-shaped, or valid-shaped with one part broken. */
function operationArbitrary(doc: OpenApiDocument, w: World, method: string, path: string, op: OpenApiOperation): fc.Arbitrary<Planned> {
  const arbs = new SchemaArbitraries(doc, hintsFor(w, method.toUpperCase(), path), 2026);
  const params = op.parameters ?? [];
  const inPath = params.filter((p) => p.in === 'path');
  const inQuery = params.filter((p) => p.in === 'query');
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const route = `${method.toUpperCase()} ${path}`;
  const workspace = /^\/api\/v1\/(people|roles|clients)/.test(path);
  const logout = path.endsWith('/auth/logout');
  const password = path.endsWith('/me/password');

  const caller: fc.Arbitrary<CallerName> = fc.oneof(
    { weight: workspace ? 2 : 9, arbitrary: fc.constant('cadence owner' as const) },
    { weight: workspace ? 2 : 6, arbitrary: fc.constant('contributor' as const) },
    { weight: workspace ? 2 : 4, arbitrary: fc.constant('observer' as const) },
    { weight: workspace ? 12 : 2, arbitrary: fc.constant('admin' as const) },
    { weight: 1, arbitrary: fc.constant('anonymous' as const) },
    { weight: 2, arbitrary: fc.constant(logout ? ('fresh session' as const) : ('session' as const)) },
    { weight: 1, arbitrary: fc.constant(logout ? ('fresh session' as const) : ('session without CSRF' as const)) },
    { weight: 1, arbitrary: fc.constant('unknown token' as const) },
    ...(password ? [{ weight: 30, arbitrary: fc.constant('password holder' as const) }] : []),
  );
  const pathValues = fc.record(
    Object.fromEntries(inPath.map((p) => [p.name, arbs.valid(p.schema, p.name).map((v) => ({ value: String(v) }))])),
  );
  const queryValues = fc.record(Object.fromEntries(inQuery.map((p) => [p.name, arbs.valid(p.schema, p.name)])), {
    requiredKeys: inQuery.filter((p) => p.required).map((p) => p.name),
  });
  const validBody = bodySchema ? fc.oneof(...extraBodies(w, route), arbs.valid(bodySchema)) : fc.constant(undefined);
  const fresh = fc.nat(3).map((n) => n < 3);
  const base: fc.Arbitrary<Draft> = fc.record({ caller, params: pathValues, query: queryValues, body: validBody, fresh }).map((d) => ({
    caller: d.caller,
    params: d.params as Draft['params'],
    query: Object.entries(d.query).flatMap(([k, v]) => queryText(v).map((x): [string, string] => [k, x])),
    body: bodySchema ? { kind: 'json', value: d.body } : { kind: 'none' },
    headers: {},
    mutation: 'valid',
    fresh: d.fresh,
  }));

  const mutations: fc.Arbitrary<Draft>[] = [];
  const mutate = (label: string, tweak: fc.Arbitrary<(d: Draft) => void>) =>
    mutations.push(
      fc.tuple(base, tweak).map(([d, f]) => {
        f(d);
        d.mutation = label;
        return d;
      }),
    );
  if (inPath.length) {
    const name = fc.constantFrom(...inPath.map((p) => p.name));
    mutate(
      'path: unknown id',
      fc.tuple(name, fc.oneof(fc.constantFrom(...unknownIds), fc.uuid())).map(([n, v]) => (d: Draft) => {
        d.params[n] = { value: v };
      }),
    );
    mutate(
      'path: hostile text',
      fc.tuple(name, fc.constantFrom(...hostileStrings.filter((s) => s !== ''))).map(([n, v]) => (d: Draft) => {
        d.params[n] = { value: v };
      }),
    );
    mutate(
      'path: raw segment',
      fc.tuple(name, fc.constantFrom(...rawSegments)).map(([n, v]) => (d: Draft) => {
        d.params[n] = { value: v, raw: true };
      }),
    );
  }
  if (inQuery.length) {
    mutate(
      'query: invalid value',
      fc.oneof(...inQuery.map((p) => fc.tuple(fc.constant(p.name), arbs.invalid(p.schema, p.name)))).map(([n, v]) => (d: Draft) => {
        d.query = [...d.query.filter(([k]) => k !== n), ...queryText(v).map((x): [string, string] => [n, x])];
      }),
    );
    mutate(
      'query: repeated or dropped',
      fc.tuple(fc.constantFrom(...inQuery.map((p) => p.name)), fc.boolean()).map(([n, repeat]) => (d: Draft) => {
        d.query = repeat ? [...d.query, [n, '1'], [n, '2026-03-11']] : d.query.filter(([k]) => k !== n);
      }),
    );
  }
  mutate(
    'query: raw or unknown',
    fc.constantFrom(...rawQueries).map((q) => (d: Draft) => {
      d.rawQuery = q;
    }),
  );
  if (bodySchema) {
    mutate(
      'body: invalid',
      arbs.invalid(bodySchema).map((v) => (d: Draft) => {
        d.body = { kind: 'json', value: v };
      }),
    );
    mutate(
      'body: invalid',
      arbs.invalid(bodySchema).map((v) => (d: Draft) => {
        d.body = { kind: 'json', value: v };
      }),
    );
    mutate(
      'body: odd content-type',
      fc.constantFrom(...oddContentTypes).map((ct) => (d: Draft) => {
        d.body = { kind: 'raw', text: toJson(d.body.kind === 'json' ? d.body.value : {}), contentType: ct };
      }),
    );
    mutate(
      'body: missing',
      fc.boolean().map((withType) => (d: Draft) => {
        d.body = withType ? { kind: 'raw', text: '', contentType: 'application/json' } : { kind: 'none' };
      }),
    );
  } else {
    mutate(
      'body: unexpected',
      fc.constantFrom<unknown>({ version: 1 }, [], 'x', null).map((v) => (d: Draft) => {
        d.body = { kind: 'json', value: v };
      }),
    );
  }
  mutate(
    'body: raw',
    fc.constantFrom(...rawBodies).map((b) => (d: Draft) => {
      d.body = { kind: 'raw', ...b };
    }),
  );
  mutate(
    'headers: hostile',
    fc.constantFrom(...hostileHeaders).map((h) => (d: Draft) => {
      d.headers = { ...d.headers, ...h };
    }),
  );
  mutate(
    'headers: hostile credentials',
    fc.constantFrom(...hostileAuth).map((h) => (d: Draft) => {
      d.headers = { ...d.headers, ...h };
    }),
  );

  return fc.oneof({ weight: 1, arbitrary: base }, { weight: 1, arbitrary: fc.oneof(...mutations) }).map((d) => render(route, path, d));
}

const fill = (template: string, params: Draft['params']) =>
  template.replace(/\{(\w+)\}/g, (_m, n: string) => {
    const v = params[n];
    if (!v) throw new Error(`no value for path parameter ${n}`);
    return v.raw ? v.value : encodeSegment(v.value);
  });

function render(route: string, path: string, d: Draft): Planned {
  const p = fill(path, d.params);
  const q = [...d.query.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`), ...(d.rawQuery ? [d.rawQuery] : [])].join('&');
  const headers = { ...d.headers };
  let payload: string | undefined;
  if (d.body.kind === 'json') {
    payload = toJson(d.body.value);
    headers['content-type'] ??= 'application/json';
  } else if (d.body.kind === 'raw') {
    payload = d.body.text;
    headers['content-type'] ??= d.body.contentType ?? 'application/json';
  }
  const body = d.body.kind === 'json' ? d.body.value : undefined;
  let versionOf: Planned['versionOf'];
  if (d.mutation === 'valid' && d.fresh && typeof body === 'object' && body !== null && 'version' in body) {
    const last = [...path.matchAll(/\{(\w+)\}/g)].at(-1);
    if (last?.index !== undefined) {
      const one = fill(path.slice(0, last.index + last[0].length), d.params);
      versionOf = {
        one,
        list: one.replace(/\/[^/]+$/, ''),
        id: d.params[last[1] as string]?.value ?? '',
        body: body as Record<string, unknown>,
      };
    }
  }
  return {
    route,
    mutation: d.mutation,
    ...(versionOf ? { versionOf } : {}),
    caller: d.caller,
    method: route.split(' ')[0] as string,
    url: q ? `${p}?${q}` : p,
    headers,
    ...(payload === undefined ? {} : { payload }),
  };
}

/** A few requests for routes the document does not list (health, OIDC, Swagger UI, the document) and for no route at all. */
function otherRequests(routes: readonly { method: string; url: string }[]): Planned[] {
  const out: Planned[] = [];
  const callers: CallerName[] = ['cadence owner', 'anonymous', 'observer', 'session'];
  for (const r of routes) {
    const paths = r.url.includes('*')
      ? ['index.html', 'swagger-ui.css', 'nope.js', '../package.json', '..%2F..%2Fpackage.json', '%2e%2e/%2e%2e/etc/passwd'].map((x) =>
          r.url.replace('*', x),
        )
      : r.url.includes(':')
        ? [r.url.replace(/:\w+/g, 'x'), r.url.replace(/:\w+/g, '%E0%A4%A')]
        : [
            r.url,
            `${r.url}?code=x&state=${encodeSegment('\ud800')}`,
            `${r.url}?returnTo=${encodeSegment('https://evil.example/')}&${rawQueries[0]}`,
          ];
    paths.forEach((url, i) => {
      out.push({
        route: `${r.method} ${r.url}`,
        mutation: i ? 'hostile' : 'plain',
        caller: callers[i % callers.length] as CallerName,
        method: r.method,
        url,
        headers: {},
      });
    });
    out.push({
      route: `${r.method} ${r.url}`,
      mutation: 'headers: hostile',
      caller: 'contributor',
      method: r.method,
      url: paths[0] as string,
      headers: hostileHeaders[0] as Headers,
    });
  }
  const nowhere: [string, string][] = [
    ['GET', '/api/v1/nope'],
    ['POST', '/api/v1/programs'],
    ['PUT', '/api/v1/programs/FZ-KETTLE'],
    ['GET', '/api/v2/programs'],
    ['DELETE', '/api/openapi.json'],
    ['GET', '/api/v1/programs/FZ-KETTLE/milestones/M-1/unknown'],
    ['OPTIONS', '/api/v1/programs'],
    ['GET', '/api//v1//programs'],
    ['GET', '/api/v1/programs/%E0%A4%A'],
    ['GET', `/api/v1/programs/${'x'.repeat(150)}`],
    ['GET', `/${tenThousand}`],
    ['PATCH', '/healthz'],
    // Swagger UI (registered before the route list is kept, so not in app.tollgateRoutes).
    ['GET', '/api/docs'],
    ['GET', '/api/docs/'],
    ['GET', '/api/docs/json'],
    ['GET', '/api/docs/yaml'],
    ['GET', '/api/docs/static/index.html'],
    ['GET', '/api/docs/static/swagger-ui.css'],
    ['GET', '/api/docs/static/nope.js'],
    ['GET', '/api/docs/static/../../package.json'],
    ['GET', '/api/docs/static/%2e%2e/%2e%2e/package.json'],
    ['GET', '/api/docs/static/..%2F..%2Fpackage.json'],
    ['POST', '/api/docs/json'],
  ];
  for (const [method, url] of nowhere)
    out.push({ route: `${method} ${url.slice(0, 60)}`, mutation: 'fixed', caller: 'cadence owner', method, url, headers: {} });
  return out;
}

/** Why an answer fails the criteria, or null. */
function verdict(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `${res.statusCode}`;
  if (res.statusCode >= 200 && res.statusCode < 300) return null;
  // A redirect is an answer, not a refusal (Swagger UI sends /api/docs/static/index.html to /api/docs/).
  if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) return null;
  // Not Modified: a conditional read (If-None-Match, even `*`) of an answer that carries an ETag.
  if (res.statusCode === 304 && res.headers.etag) return null;
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) return `refusal is ${type || 'untyped'}, not application/problem+json`;
  try {
    const p = res.json<{ code?: unknown; status?: unknown }>();
    if (typeof p.code !== 'string' || p.code === '') return 'problem without a code';
    if (p.status !== res.statusCode) return `problem status ${String(p.status)} ≠ ${res.statusCode}`;
  } catch {
    return 'problem body is not JSON';
  }
  return null;
}

describe.each(dialects)('fuzzing the OpenAPI operations on %s', (dialect) => {
  let t: TestApp;
  let app: FastifyInstance;
  const logLines: string[] = [];
  let doc: OpenApiDocument;
  const w: World = {
    programCodes: [],
    programIds: [],
    milestones: [],
    links: [],
    decisions: [],
    actions: [],
    risks: [],
    people: [],
    emails: [],
    strangers: [],
    memberships: [],
    tokens: [],
    invites: [],
    clients: [],
  };
  const heads = new Map<CallerName, Headers>();
  let dana: Actor;

  /** Sends as the person (API token) and insists on a 2xx: seeding goes through the API like a client would. */
  const send = async (who: Actor, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const res = await app.inject({ method, url, payload, headers: await t.as(who) });
    if (res.statusCode >= 300) throw new Error(`seeding ${method} ${url} → ${res.statusCode}: ${res.body}`);
    return res.json<Record<string, unknown>>();
  };
  const items = async (who: Actor, url: string) => (await send(who, 'GET', url)).items as Record<string, unknown>[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    // The app under test logs warnings and errors into memory: a 5xx comes with its stack.
    app = await t.build({}, { logger: { level: 'warn', stream: { write: (line: string) => logLines.push(line) } } });
    dana = t.actor;
    const main = await seedProgram(t, 'FZ-KETTLE');
    const second = await seedProgram(t, 'FZ-TOASTER');
    const other = await seedProgram(t, 'FZ-OTHER');
    const chen = await seedUser(t, 'Chen Wei', 'chen.wei@example.test', { programId: main.id, role: 'contributor' });
    await t.grant(chen, { programId: second.id, role: 'contributor' });
    const olivia = await seedUser(t, 'Olivia Park', 'olivia.park@example.test', { programId: main.id, role: 'observer' });
    await t.grant(olivia, { programId: second.id, role: 'observer' });
    // A decision owner decides; a contributor with a password signs in and changes it.
    const dee = await seedUser(t, 'Dee Osei', 'dee.osei@example.test', { programId: main.id, role: 'decision_owner' });
    const pat = await t.addPerson({
      email: 'pat.quinn@example.test',
      name: 'Pat Quinn',
      password: passwords.current,
      roles: [{ programId: main.id, role: 'contributor' }],
    });
    dana = t.actor;

    const ms = `/api/v1/programs/${main.code}`;
    const plan: [string, string, string, boolean, Actor][] = [
      ['Design freeze', 'G1', '2026-03-06', true, dana],
      ['Tool T1 released', 'G2', '2026-03-20', true, chen],
      ['T1 trial run', 'G2', '2026-03-27', false, chen],
      ['Golden sample approved', 'G3', '2026-04-17', true, dana],
      ['Pilot run', 'G3', '2026-05-08', false, chen],
      ['Drop and transit tests', 'G3', '2026-05-22', false, dana],
      ['PPAP submitted', 'G4', '2026-06-12', true, dana],
      ['Mass production release', 'G4', '2026-07-03', true, dana],
    ];
    for (const [name, phase, baselineDate, isCritical, owner] of plan)
      await send(dana, 'POST', `${ms}/milestones`, { name, phase, baselineDate, isCritical, ownerId: owner.id });
    for (const [predecessor, successor, lagDays] of [
      ['M-2', 'M-3', 1],
      ['M-3', 'M-4', 0],
      ['M-5', 'M-6', 2],
      ['M-7', 'M-8', 0],
    ] as const)
      await send(dana, 'POST', `${ms}/links`, { predecessor, successor, lagDays });
    await send(dana, 'POST', `${ms}/milestones/M-1/complete`, { version: 1, actualDate: '2026-03-09' });
    await send(dana, 'POST', `${ms}/milestones/M-2/move`, { version: 1, forecastDate: '2026-03-25', reason: 'Tool steel late' });
    await send(dana, 'POST', `${ms}/decisions`, { statement: 'Air-freight the T1 samples?', ownerId: dana.id, dueDate: '2026-03-18' });
    await send(dana, 'POST', `${ms}/decisions`, {
      statement: 'Re-baseline after the hinge redesign',
      ownerId: dee.id,
      dueDate: '2026-03-13',
    });
    await send(dee, 'POST', `${ms}/decisions/D-2/decide`, { version: 1, outcome: 'Go', rationale: 'Cheapest', expectedImpact: '+2 k USD' });
    await send(chen, 'POST', `${ms}/decisions`, {
      statement: 'Which hinge supplier?',
      ownerId: dee.id,
      options: 'Lisheng\nHuayu',
      dueDate: '2026-03-27',
    });
    await send(dana, 'POST', `${ms}/decisions`, { statement: 'Ship the pilot lot by sea?', ownerId: dana.id, dueDate: '2026-04-30' });
    await send(dana, 'POST', `${ms}/risks`, {
      title: 'Hinge supplier capacity',
      ownerId: chen.id,
      category: 'supply',
      likelihood: 3,
      impact: 4,
      reviewDate: '2026-03-20',
    });
    await send(dana, 'POST', `${ms}/risks`, {
      title: 'Drop test failure',
      ownerId: dana.id,
      category: 'quality',
      likelihood: 2,
      impact: 5,
    });
    await send(dana, 'POST', `${ms}/risks`, {
      title: 'Customs hold at Hamburg',
      ownerId: pat.id,
      category: 'schedule',
      likelihood: 2,
      impact: 2,
    });
    await send(chen, 'POST', `${ms}/actions`, {
      title: 'Second source for hinges',
      ownerId: chen.id,
      dueDate: '2026-03-24',
      blocksMilestoneId: 'M-5',
      riskId: 'R-1',
    });
    await send(dana, 'POST', `${ms}/actions`, {
      title: 'Re-run drop test',
      ownerId: dana.id,
      dueDate: '2026-03-16',
      checkDate: '2026-04-06',
      severity: 'high',
    });
    // The second program is smaller and has its baseline 0.
    for (const [name, phase, baselineDate] of [
      ['Concept approved', 'G1', '2026-03-02'],
      ['Tooling kick-off', 'G2', '2026-04-01'],
      ['Launch', 'G4', '2026-09-01'],
    ])
      await send(dana, 'POST', `/api/v1/programs/${second.code}/milestones`, { name, phase, baselineDate, ownerId: dana.id });
    await send(dana, 'PUT', `/api/v1/programs/${second.code}/charter`, { ...completeCharter(dana.id), version: 0 });
    const secondVersion = (await send(dana, 'GET', `/api/v1/programs/${second.code}`)).version as number;
    await send(dana, 'POST', `/api/v1/programs/${second.code}/activate`, { version: secondVersion, reason: 'Plan agreed' });
    await send(dana, 'POST', `/api/v1/programs/${other.code}/milestones`, {
      name: 'Only Dana sees this',
      phase: 'G1',
      baselineDate: '2026-04-01',
      ownerId: dana.id,
    });

    // Throwaway records the workspace routes may act on: never the three callers, their roles or their tokens.
    for (let i = 1; i <= 4; i++) {
      const s = await t.addPerson({ email: `stranger.${i}@example.test`, name: `Stranger ${i}` });
      w.strangers.push(s.id);
      const m = unwrap(await grantRole(t.deps, { actor: t.admin, userId: s.id, programId: main.id, role: 'observer' }));
      w.memberships.push(m.id);
    }
    for (const who of [dana, chen, olivia])
      for (let i = 0; i < 2; i++)
        w.tokens.push(
          ((await send(who, 'POST', '/api/v1/me/tokens', { name: `Throwaway ${i}`, expiresInDays: 30 })).item as { id: string }).id,
        );
    for (let i = 1; i <= 4; i++) {
      const inv = await send(t.admin, 'POST', '/api/v1/people/invites', {
        email: `invitee.${i}@example.test`,
        name: `Invitee ${i}`,
        roles: [{ programId: main.code, role: 'observer' }],
      });
      w.invites.push(String(inv.inviteUrl).split('/invite/')[1] ?? '');
    }

    w.programCodes = [main.code, second.code, other.code];
    w.programIds = [main.id, second.id];
    for (const p of [main, second]) {
      const base = `/api/v1/programs/${p.code}`;
      for (const m of await items(dana, `${base}/milestones`)) w.milestones.push(String(m.key), String(m.id));
      for (const l of await items(dana, `${base}/links`)) w.links.push(String(l.id));
      for (const d of await items(dana, `${base}/decisions`)) w.decisions.push(String(d.key), String(d.id));
      for (const a of await items(dana, `${base}/actions`)) w.actions.push(String(a.key), String(a.id));
      for (const r of await items(dana, `${base}/risks`)) w.risks.push(String(r.key), String(r.id));
    }
    // Keys of records the run itself may create answer 404 until then.
    const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
    w.milestones = [...new Set([...w.milestones, ...keys('M', 12)])];
    w.decisions = [...new Set([...w.decisions, ...keys('D', 8)])];
    w.actions = [...new Set([...w.actions, ...keys('A', 8)])];
    w.risks = [...new Set([...w.risks, ...keys('R', 6)])];
    w.people = [dana.id, chen.id, olivia.id, dee.id, pat.id, ...w.strangers];
    w.emails = [pat.email, dana.email, chen.email, olivia.email, t.admin.email, 'nobody@example.test'];
    w.clients = (await items(t.admin, '/api/v1/clients')).map((c) => String(c.id));

    heads.set('cadence owner', await t.as(dana));
    heads.set('contributor', await t.as(chen));
    heads.set('observer', await t.as(olivia));
    heads.set('admin', await t.as(t.admin));
    heads.set('anonymous', {});
    const session = await t.session(dana);
    heads.set('session', session.headers);
    heads.set('session without CSRF', { cookie: session.headers.cookie as string });
    heads.set('password holder', await t.as(pat));
    heads.set('unknown token', { authorization: 'Bearer tgt_0123456789abcdefghijklmnopqrstuv' });

    doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApiDocument>();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('answers every generated request without a 5xx, refuses with problem+json, and the plans still load', async () => {
    console.log(`fuzz on ${dialect}: seed ${seed} (FUZZ_SEED=${seed} replays it), ${perOperation} requests per operation`);
    const started = Date.now();
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op, route: `${method.toUpperCase()} ${path}` })),
    );
    expect(operations.length).toBeGreaterThan(50);

    const planned: Planned[] = [];
    operations.forEach(({ path, method, op, route }, i) => {
      const arb = operationArbitrary(doc, w, method, path, op);
      planned.push(...fc.sample(arb, { seed: seed + i * 7919, numRuns: fewer[route] ?? perOperation }));
    });
    const listed = new Set(operations.map((o) => `${o.method.toUpperCase()} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`));
    const hidden = app.tollgateRoutes.filter((r) => !listed.has(`${r.method} ${r.url}`));
    planned.push(...otherRequests(hidden));
    const order =
      fc.sample(fc.shuffledSubarray(planned, { minLength: planned.length, maxLength: planned.length }), { seed, numRuns: 1 })[0] ?? [];

    /**
     * The answers each operation of the contract's table documents in OpenAPI: answering anything else is
     * a failure (the special routes describe their own answers by hand and are not held to this).
     */
    const tableRoutes = new Set(
      operationNames.map((name) => {
        const op: OperationContract = contractOperations[name];
        return `${op.method} /api/v1${op.path.replace(/:(\w+)/g, '{$1}')}`;
      }),
    );
    const documentedStatuses = new Map(
      operations.filter(({ route }) => tableRoutes.has(route)).map(({ op, route }) => [route, new Set(Object.keys(op.responses ?? {}))]),
    );
    const byClass = new Map<string, number>();
    const byStatus = new Map<number, number>();
    const okByRoute = new Map<string, number>();
    const failures: Failure[] = [];
    let lookups = 0;
    /** The current version of the record a request writes, read as the cadence owner (undefined: none found). */
    const currentVersion = async (v: NonNullable<Planned['versionOf']>): Promise<number | undefined> => {
      lookups++;
      const one = await app.inject({ method: 'GET', url: v.one, headers: heads.get('cadence owner') });
      if (one.statusCode === 200) {
        // The record itself, or a detail document holding it (a risk's detail is { risk, scoreHistory }).
        const doc = one.json<Record<string, { version?: unknown }>>();
        const held = [doc, ...Object.values(doc)].find((o) => typeof o?.version === 'number');
        if (held) return held.version as number;
      }
      lookups++;
      const list = await app.inject({ method: 'GET', url: v.list, headers: heads.get('cadence owner') });
      if (list.statusCode !== 200) return undefined;
      return list.json<{ items?: { id: string; key?: string; version: number }[] }>().items?.find((i) => i.id === v.id || i.key === v.id)
        ?.version;
    };
    const debug = process.env.FUZZ_DEBUG;
    for (const planned of order) {
      let r = planned;
      if (r.versionOf) {
        const version = await currentVersion(r.versionOf);
        if (version !== undefined) r = { ...r, payload: toJson({ ...r.versionOf.body, version }) };
      }
      const auth = r.caller === 'fresh session' ? (await t.session(dana)).headers : (heads.get(r.caller) ?? {});
      const before = logLines.length;
      let res: LightMyRequestResponse;
      try {
        res = await app.inject({ method: r.method as 'GET', url: r.url, headers: { ...auth, ...r.headers }, payload: r.payload });
        if (debug && r.route.includes(debug))
          console.log(
            `${r.method} ${excerpt(r.url, 150)} as ${r.caller} [${r.mutation}${r.versionOf ? ', fresh version' : ''}] ${excerpt(r.payload, 300)} → ${res.statusCode} ${excerpt(res.body, 300)}`,
          );
      } catch (e) {
        failures.push({ request: r, status: 'inject threw', why: 'the request could not be sent', response: String(e), log: [] });
        continue;
      }
      const errors = logLines.slice(before).filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
      byClass.set(`${String(res.statusCode).slice(0, 1)}xx`, (byClass.get(`${String(res.statusCode).slice(0, 1)}xx`) ?? 0) + 1);
      byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode < 300) okByRoute.set(r.route, (okByRoute.get(r.route) ?? 0) + 1);
      // A raw segment such as `..` may route the request elsewhere; its answer is that route's.
      const documented = r.mutation === 'path: raw segment' ? undefined : documentedStatuses.get(r.route);
      const undocumented =
        documented && res.statusCode !== 304 && !documented.has(String(res.statusCode))
          ? `status ${res.statusCode} is not among the operation's OpenAPI responses (${[...documented].join(', ')})`
          : null;
      const why = verdict(res) ?? (errors.length ? 'error logged' : undocumented);
      if (why) failures.push({ request: r, status: res.statusCode, why, response: res.body, log: errors });
    }

    // Afterwards: the portfolio, every program, its milestones and its plan still load for the cadence owner.
    const after: string[] = [];
    const check = async (url: string) => {
      const before = logLines.length;
      const res = await app.inject({ method: 'GET', url, headers: heads.get('cadence owner') });
      const errors = logLines.slice(before).filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
      if (res.statusCode !== 200 || errors.length)
        after.push(`GET ${url} → ${res.statusCode}: ${excerpt(res.body, 400)} ${errors.map((e) => excerpt(e, 800)).join(' ')}`);
      return res;
    };
    // The fuzz may archive a program (out of the portfolio, still readable): both lists together hold them all.
    const codesIn = async (url: string) => {
      const res = await check(url);
      return res.statusCode === 200 ? res.json<{ items: { code: string }[] }>().items.map((p) => p.code) : [];
    };
    const codes = [...(await codesIn('/api/v1/programs')), ...(await codesIn('/api/v1/archived-programs'))];
    if (!['FZ-KETTLE', 'FZ-TOASTER', 'FZ-OTHER'].every((c) => codes.includes(c))) after.push(`the portfolio lists ${codes.join(', ')}`);
    for (const code of codes)
      for (const tail of [
        '',
        '/milestones',
        '/plan',
        '/links',
        '/decisions',
        '/actions',
        '/risks',
        '/baselines',
        '/calendar',
        '/mta',
        '/charts/timeline.svg',
      ])
        await check(`/api/v1/programs/${code}${tail}`);

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const sorted = (m: Map<string | number, number>) => [...m.entries()].sort(([a], [b]) => String(a).localeCompare(String(b)));
    const never = operations.map((o) => o.route).filter((r) => !okByRoute.has(r));
    console.log(
      [
        `fuzz on ${dialect}: seed ${seed} (FUZZ_SEED=${seed} replays it), ${order.length} requests over ${operations.length} documented operations and ${hidden.length} other routes (+ ${lookups} version look-ups) in ${seconds} s`,
        `  by class: ${sorted(byClass)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
        `  by status: ${sorted(byStatus)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
        `  operations that never answered 2xx: ${never.length ? never.join('; ') : 'none'}`,
        `  failures: ${failures.length}${failures.length ? '' : ' (none)'}`,
        ...failures.map(
          (f) =>
            `  - ${f.why}: ${f.request.method} ${excerpt(f.request.url, 200)} as ${f.request.caller} [${f.request.mutation}]` +
            ` headers ${excerpt(JSON.stringify(Object.fromEntries(Object.entries(f.request.headers).map(([k, v]) => [k, excerpt(v, 60)]))), 300)}` +
            ` body ${excerpt(f.request.payload, 300)} → ${f.status}: ${excerpt(f.response, 400)}` +
            f.log.map((l) => `\n      log: ${excerpt(l, 1500)}`).join(''),
        ),
        `  after the run: ${after.length ? after.join('\n    ') : 'every program, its milestones and its plan answer 200'}`,
      ].join('\n'),
    );
    expect({ failures: failures.map((f) => `${f.why}: ${f.request.method} ${excerpt(f.request.url, 120)} → ${f.status}`), after }).toEqual({
      failures: [],
      after: [],
    });
  }, 300_000);
});
