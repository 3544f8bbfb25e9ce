import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, expectProblem, seedProgram } from './helpers.js';

describe.each(dialects)('service endpoints on %s', (dialect) => {
  let t: TestApp;
  const milestonesUrl = '/api/v1/programs/SVC-1/milestones';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedProgram(t, 'SVC-1');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('/healthz answers 200 ok without touching the database, to anyone', async () => {
    const res = await call(t, { method: 'GET', url: '/healthz' }, 'anonymous');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('lets a browser keep the hashed web assets for a year, and revalidate the page shell', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'tollgate-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Tollgate</title>');
    writeFileSync(join(webDir, 'assets', 'index-3f2a9c.js'), 'export {};');
    const web = await buildApp({ app: t.deps, version: 'test', webDir });
    try {
      const asset = await web.inject({ method: 'GET', url: '/assets/index-3f2a9c.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      for (const url of ['/', '/programs/SVC-1']) {
        const shell = await web.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
        expect(shell.statusCode, url).toBe(200);
        expect(shell.body).toContain('<title>Tollgate</title>');
        expect(shell.headers['cache-control'], url).not.toContain('immutable');
      }
    } finally {
      await web.close();
      rmSync(webDir, { recursive: true, force: true });
    }
  });

  it('/readyz answers 200 with the database dialect', async () => {
    const res = await call(t, { method: 'GET', url: '/readyz' }, 'anonymous');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: dialect });
  });

  it('/readyz is 503 NOT_READY while shutting down, and when the database does not answer', async () => {
    const stopping = await buildApp({ app: t.deps, version: 'test' }, { isAccepting: () => false });
    expectProblem(await stopping.inject({ method: 'GET', url: '/readyz' }), 503, 'NOT_READY');
    await stopping.close();

    const opened = openStore({ databaseUrl: t.db.databaseUrl, dataDir: t.db.dataDir });
    // Used once first: Kysely's destroy() of a never-used instance closes nothing, and the next query reopens it.
    await opened.store.ping();
    await opened.store.close();
    const cutOff = await buildApp({ app: { ...t.deps, store: opened.store }, version: 'test' });
    expectProblem(await cutOff.inject({ method: 'GET', url: '/readyz' }), 503, 'NOT_READY');
    await cutOff.close();
  });

  it('/api/openapi.json is an OpenAPI 3.1 document listing the /api/v1 paths', async () => {
    const res = await call(t, { method: 'GET', url: '/api/openapi.json' }, 'anonymous');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, unknown>>;
      components?: { schemas?: Record<string, unknown> };
    }>();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBe('Tollgate API');
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(ops).toEqual(
      expect.arrayContaining([
        'GET /api/v1/programs',
        'GET /api/v1/programs/{programId}',
        'GET /api/v1/programs/{programId}/milestones',
        'POST /api/v1/programs/{programId}/milestones',
        'PATCH /api/v1/programs/{programId}/milestones/{milestoneId}',
        'POST /api/v1/programs/{programId}/milestones/{milestoneId}/move',
        'POST /api/v1/programs/{programId}/milestones/{milestoneId}/complete',
        'GET /api/v1/programs/{programId}/changes',
        'GET /api/v1/programs/{programId}/change-log',
        'GET /api/v1/programs/{programId}/people',
        'POST /api/v1/auth/login',
        'GET /api/v1/me',
        'POST /api/v1/me/tokens',
        'POST /api/v1/people/invites',
      ]),
    );
    expect(ops).not.toContain('GET /api/v1/users');
    expect(Object.keys(doc.paths)).not.toContain('/healthz');
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(expect.arrayContaining(['Milestone', 'ProgramSummary', 'Problem']));
  });

  it('an unknown route is 404 problem+json NOT_FOUND, for any method', async () => {
    const p = expectProblem(await call(t, { method: 'GET', url: '/api/v1/nope?x=1' }), 404, 'NOT_FOUND');
    expect(p.detail).toContain('/api/v1/nope');
    expect(p.detail).not.toContain('x=1');
    expectProblem(await call(t, { method: 'DELETE', url: '/api/v1/programs' }), 404, 'NOT_FOUND');
    expectProblem(await call(t, { method: 'GET', url: '/nope' }), 404, 'NOT_FOUND');
  });

  it('a body that is not JSON is 415 UNSUPPORTED_MEDIA_TYPE, or 400 for plain text (parsed as a string)', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x']) {
      const res = await call(t, {
        method: 'POST',
        url: milestonesUrl,
        headers: { 'content-type': type },
        payload: 'name=Kickoff&phase=G1',
      });
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    const text = await call(t, { method: 'POST', url: milestonesUrl, headers: { 'content-type': 'text/plain' }, payload: 'name=Kickoff' });
    expect(expectProblem(text, 422, 'VALIDATION_FAILED').detail).toMatch(/^body: /);
  });

  it('broken or empty JSON is 400 MALFORMED_REQUEST; JSON of the wrong shape or no body is 422 VALIDATION_FAILED, never 500', async () => {
    const json = { 'content-type': 'application/json' };
    expectProblem(
      await call(t, { method: 'POST', url: milestonesUrl, headers: json, payload: '{"name": "Kickoff",' }),
      400,
      'MALFORMED_REQUEST',
    );
    expectProblem(await call(t, { method: 'POST', url: milestonesUrl, headers: json, payload: '' }), 400, 'MALFORMED_REQUEST');
    expectProblem(await call(t, { method: 'POST', url: milestonesUrl, headers: json, payload: '[1, 2]' }), 422, 'VALIDATION_FAILED');
    expectProblem(await call(t, { method: 'POST', url: milestonesUrl, headers: json, payload: 'null' }), 422, 'VALIDATION_FAILED');
    expectProblem(await call(t, { method: 'POST', url: milestonesUrl }), 422, 'VALIDATION_FAILED');
  });

  it('a body over the size limit is 413 PAYLOAD_TOO_LARGE', async () => {
    const payload = JSON.stringify({ name: 'x'.repeat(1_100_000), phase: 'G1', baselineDate: '2026-03-20' });
    expectProblem(
      await call(t, { method: 'POST', url: milestonesUrl, headers: { 'content-type': 'application/json' }, payload }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('sends security headers, on refusals too', async () => {
    for (const who of [undefined, 'anonymous'] as const) {
      const res = await call(t, { method: 'GET', url: '/api/v1/programs' }, who);
      expect(res.statusCode).toBe(who ? 401 : 200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });
});
