import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramList } from '../../src/contract/program.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { assertBuilt, jsonOf, type Served, serveWith, tollgate, tollgateWith } from './run-cli.js';

/*
 * A command over the HTTP API that meets a busy server (503 BUSY with Retry-After: nothing was done)
 * asks again after the time given, instead of failing. The server takes one API request at a time
 * and queues none, and the test holds that one turn with a sign-in whose body has not all arrived
 * (admission counts a request from its headers), then lets it end once the command was refused.
 * One dialect: the retry is the client's; admission is the same on both.
 */
describe('tollgate over HTTP when the server is busy', () => {
  let db: TestDatabase;
  let server: Served;

  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase('sqlite', { from: 'demo' });
    server = await serveWith(db, { TOLLGATE_MAX_ACTIVE_REQUESTS: '1', TOLLGATE_MAX_QUEUED_REQUESTS: '0' }, '--demo');
    const login = await tollgateWith(
      db,
      { input: 'tollgate-demo\n' },
      'login',
      '--server',
      server.url,
      '--email',
      'lead@demo.test',
      '--password-stdin',
    );
    expect(login.code, login.stderr).toBe(0);
  });
  afterAll(async () => {
    if (server) expect(await server.stop()).toBe(0);
    await db?.drop();
  });

  /** A sign-in whose body is sent later: it holds the server's one turn until `finish()`. */
  const holdTheTurn = async (): Promise<{ finish(): void }> => {
    const body = JSON.stringify({ email: 'nobody@demo.test', password: 'not the password' });
    const { hostname, port } = new URL(server.url);
    const socket: Socket = connect(Number(port), hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 1)}`,
    );
    // Held once another request is turned away.
    await expect.poll(async () => (await fetch(`${server.url}/api/v1/me`)).status, { timeout: 60_000, interval: 100 }).toBe(503);
    return {
      finish: () => {
        socket.end(body.slice(1));
      },
    };
  };

  it('waits for the Retry-After the server gave and asks again: the command succeeds', async () => {
    const turn = await holdTheTurn();
    const listed = tollgate(db, 'programs', 'list', '--json');
    // The command was turned away once (the server logs each answer) …
    await expect.poll(() => /GET \/api\/v1\/programs 503/.test(server.output()), { timeout: 60_000, interval: 100 }).toBe(true);
    // … and gets its answer once the turn is free again.
    turn.finish();
    const list = jsonOf<ProgramList>(await listed);
    expect(list.items.length).toBeGreaterThan(0);
    // The server's log reaches the test through a pipe, maybe after the command's answer.
    await expect.poll(() => server.output(), { timeout: 60_000, interval: 100 }).toMatch(/GET \/api\/v1\/programs 200/);
  });
});
