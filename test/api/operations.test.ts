import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindings } from '../../src/bindings/bindings.js';
import { type OperationContract, refusalsOf } from '../../src/contract/operation.js';
import { operationNames, operations } from '../../src/contract/operations.js';
import { createTestServer, type TestServer } from '../support/app.js';

/*
 * The operation table (src/contract/operations.ts) is the API: every entry is a route with its method
 * and path, and an OpenAPI entry with its statuses; every route is an entry, or one of the special
 * routes below, which are not plain JSON in and out and so stay in src/http.
 */

const specialRoutes = [
  // Probes and the API's own description.
  'GET /healthz',
  'GET /readyz',
  'GET /api/openapi.json',
  // Sign-in through an identity provider: redirects and cookies.
  'GET /auth/oidc/start',
  'GET /auth/oidc/callback',
  // Sign-in, sign-out, invites and one's password: session cookies, the CSRF token, Retry-After.
  'GET /api/v1/auth/config',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/me',
  'POST /api/v1/me/password',
  'GET /api/v1/invites/:token',
  'POST /api/v1/invites/:token/accept',
  // The intake form of a client's link, for people without an account: limited per address and link.
  'GET /api/v1/intake/:token',
  'POST /api/v1/intake/:token',
  // The signed link of an update request, for a person without an account: the token is the credential.
  'GET /api/v1/update-links/:token',
  'POST /api/v1/update-links/:token/items/:itemId/confirm',
  'POST /api/v1/update-links/:token/items/:itemId/forecast',
  'POST /api/v1/update-links/:token/items/:itemId/done',
  'POST /api/v1/update-links/:token/items/:itemId/evidence',
  // Images, PDFs, file uploads (an official schedule; evidence files as multipart) and an evidence file's download.
  'GET /api/v1/programs/:programId/charts/mta.svg',
  'GET /api/v1/programs/:programId/charts/timeline.svg',
  'GET /api/v1/programs/:programId/gates/:gateKey/pack.pdf',
  'GET /api/v1/programs/:programId/reports/:week/revisions/:revision/report.pdf',
  'GET /api/v1/portfolio/weeks/:week/report.pdf',
  'POST /api/v1/programs/:programId/calendar/official-schedules',
  'POST /api/v1/programs/:programId/gates/:gateKey/items/:itemKey/evidence/files',
  'GET /api/v1/programs/:programId/evidence/:evidenceId/file',
  // Live updates: a stream of server-sent events.
  'GET /api/v1/events',
  // The one-click link of e-mails (RFC 8058): an HTML page and a form post, for people who may not be signed in.
  'GET /notification-settings/one-click',
  'POST /notification-settings/one-click',
];

const routeOf = (op: OperationContract) => `${op.method} /api/v1${op.path}`;
const openApiPath = (path: string) => `/api/v1${path.replace(/:([A-Za-z]+)/g, '{$1}')}`;

describe('the operation table', () => {
  let t: TestServer;
  let openapi: { paths: Record<string, Record<string, { tags: string[]; summary: string; responses: Record<string, unknown> }>> };

  beforeAll(async () => {
    t = await createTestServer('sqlite');
    openapi = (await t.http.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a binding for every entry and an entry for every binding', () => {
    expect(Object.keys(bindings).sort()).toEqual([...operationNames].sort());
  });

  it('names each method and path once', () => {
    const routes = operationNames.map((name) => routeOf(operations[name]));
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('registers every entry as a route with its method and path', () => {
    const registered = new Set(t.http.tollgateRoutes.map((r) => `${r.method} ${r.url}`));
    for (const name of operationNames) expect(registered, name).toContain(routeOf(operations[name]));
  });

  it('describes every entry in the OpenAPI document with its words and statuses', () => {
    for (const name of operationNames) {
      const op: OperationContract = operations[name];
      const entry = openapi.paths[openApiPath(op.path)]?.[op.method.toLowerCase()];
      expect(entry, name).toBeDefined();
      expect(entry?.summary, name).toBe(op.summary);
      expect(entry?.tags, name).toEqual([...op.tags]);
      expect(Object.keys(entry?.responses ?? {}).sort(), name).toEqual([op.status, ...refusalsOf(op)].map(String).sort());
    }
  });

  it('serves nothing but the table and the special routes', () => {
    const registered = t.http.tollgateRoutes.map((r) => `${r.method} ${r.url}`).sort();
    const expected = [...operationNames.map((name) => routeOf(operations[name])), ...specialRoutes].sort();
    expect(registered).toEqual(expected);
  });
});
