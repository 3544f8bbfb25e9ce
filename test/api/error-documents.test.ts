import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, expectProblem, paths, seedProgram } from './helpers.js';

interface RawResponse {
  status: number;
  contentType: string | undefined;
  body: string;
}

/** A GET over a real connection (not inject()), so that Node's HTTP parser sees the request first. */
function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sends bytes that are not HTTP and reads what comes back until the server closes the connection. */
function rawBytes(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(bytes));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => {
      text += c;
    });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

/** The problem document of a raw response, checked like expectProblem checks an injected one. */
function rawProblem(res: RawResponse, status: number, code: string) {
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  expect(res.contentType).toMatch(/^application\/problem\+json/);
  const p = JSON.parse(res.body) as { status: number; code: string; detail: string; type: string };
  expect(p).toMatchObject({ status, code, type: `/docs/errors#${code.toLowerCase()}` });
  expect(p.detail.length).toBeGreaterThan(0);
  return p;
}

describe.each(dialects)('error documents on %s', (dialect) => {
  let t: TestApp;
  let port: number;
  const milestones = '/api/v1/programs/ERR-1/milestones';
  const json = { 'content-type': 'application/json' };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedProgram(t, 'ERR-1');
    await t.http.listen({ port: 0, host: '127.0.0.1' });
    const address = t.http.server.address();
    if (address === null || typeof address === 'string') throw new Error('the test server is not listening on a port');
    port = address.port;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a 100,000-character URL is 431 HEADERS_TOO_LARGE as problem+json, from a real server', async () => {
    const res = await rawGet(port, `/api/v1/programs/${'x'.repeat(100_000)}`);
    const p = rawProblem(res, 431, 'HEADERS_TOO_LARGE');
    expect(p.detail).toMatch(/larger than the server accepts/);
  });

  it('a header over the size limit is 431 HEADERS_TOO_LARGE too', async () => {
    rawProblem(await rawGet(port, '/api/v1/programs', { 'x-filler': 'y'.repeat(20_000) }), 431, 'HEADERS_TOO_LARGE');
  });

  it('bytes that are not HTTP are 400 MALFORMED_REQUEST as problem+json, and the connection is closed', async () => {
    const text = await rawBytes(port, 'HELLO THERE\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(text).toMatch(/\r\nContent-Type: application\/problem\+json/i);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST' });
  });

  it('a URL whose percent-encoding does not decode is 400 MALFORMED_REQUEST, never plain JSON', async () => {
    const p = expectProblem(await call(t, { method: 'GET', url: '/api/v1/programs/%E0%A4%A' }), 400, 'MALFORMED_REQUEST');
    expect(p.detail).toMatch(/percent-encoded/);
    rawProblem(await rawGet(port, '/api/v1/programs/%E0%A4%A'), 400, 'MALFORMED_REQUEST');
  });

  it('a path segment longer than any id (over 100 characters) is 422 VALIDATION_FAILED, not a plain-JSON 414', async () => {
    const p = expectProblem(await call(t, { method: 'GET', url: `/api/v1/programs/${'x'.repeat(150)}` }), 422, 'VALIDATION_FAILED');
    expect(paths(p)).toEqual(['params']);
    // Up to the router's limit, the contract names the parameter.
    expect(
      paths(expectProblem(await call(t, { method: 'GET', url: `/api/v1/programs/${'x'.repeat(80)}` }), 422, 'VALIDATION_FAILED')),
    ).toEqual(['programId']);
  });

  it('broken JSON is 400 MALFORMED_REQUEST', async () => {
    const res = await call(t, { method: 'POST', url: milestones, headers: json, payload: '{"name": "Kickoff",' });
    expectProblem(res, 400, 'MALFORMED_REQUEST');
  });

  it('a body that is not JSON is 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await call(t, { method: 'POST', url: milestones, headers: { 'content-type': 'application/xml' }, payload: '<m/>' });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown route, or a known path with a method it does not take, is 404 NOT_FOUND (Fastify sends no 405)', async () => {
    expectProblem(await call(t, { method: 'GET', url: '/api/v1/nowhere' }), 404, 'NOT_FOUND');
    expectProblem(await call(t, { method: 'PUT', url: '/api/v1/programs/ERR-1' }), 404, 'NOT_FOUND');
    rawProblem(await rawGet(port, '/api/v1/nowhere'), 404, 'NOT_FOUND');
  });

  it('a body over the 1 MB limit is 413 PAYLOAD_TOO_LARGE, from a real server too', async () => {
    const payload = JSON.stringify({ name: 'x'.repeat(1_100_000), phase: 'G1', baselineDate: '2026-03-20' });
    expectProblem(await call(t, { method: 'POST', url: milestones, headers: json, payload }), 413, 'PAYLOAD_TOO_LARGE');
    const headers = { ...(await t.as(t.actor)), ...json, 'content-length': String(Buffer.byteLength(payload)) };
    const res = await new Promise<RawResponse>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: milestones, method: 'POST', headers, agent: false }, (r) => {
        let body = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => {
          body += c;
        });
        r.on('end', () => resolve({ status: r.statusCode ?? 0, contentType: r.headers['content-type'], body }));
      });
      // The server may answer and close before the whole body is written.
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
      req.end(payload);
    });
    rawProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });
});
