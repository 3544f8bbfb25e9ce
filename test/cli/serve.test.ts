import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { assertBuilt, cliEnv, exited, serve, serveWith, tollgateWith } from './run-cli.js';

const bin = fileURLToPath(new URL('../../bin/tollgate.js', import.meta.url));

/** Signs in as a browser does and returns the session cookie. */
async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tollgate_session='));
  return (cookie ?? '').split(';')[0] as string;
}

describe('tollgate serve', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('serves the demo with its sign-in hints, then on SIGTERM finishes requests and closes the database cleanly', async () => {
    // As a user starts it: with the holidays of the whole date range being computed ahead on a worker
    // (TOLLGATE_WARM_HOLIDAYS on), which takes a while; the signal below comes while it works, and must not
    // keep the process from stopping cleanly (the warm-up itself is tested in src/main/warm-holidays.test.ts).
    // A busy machine may take long to finish the burst below: the shutdown's own limit is generous here,
    // so the test sees a clean stop or a real failure, never the limit.
    const server = await serveWith(db, { TOLLGATE_WARM_HOLIDAYS: undefined, TOLLGATE_SHUTDOWN_TIMEOUT_MS: '120000' }, '--demo');
    const { url, child, output } = server;
    expect(output()).toContain('Sign in as lead@demo.test with the password tollgate-demo (cadence owner).');
    expect(output()).toContain('Other demo roles: admin@, owner@, quality@, supplier@, observer@, other@demo.test, same password.');
    // The demo holds an admin, so there is no setup link.
    expect(output()).not.toContain('/setup/');
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect((await fetch(`${url}/api/v1/programs`)).status).toBe(401);
    const cookie = await signIn(url, 'lead@demo.test', 'tollgate-demo');
    const list = (await (await fetch(`${url}/api/v1/programs`, { headers: { cookie } })).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(8);
    // The default log: after the banner, one short line per request, no JSON, no session secret.
    await expect.poll(output).toMatch(/^\d\d:\d\d:\d\d GET \/api\/v1\/programs 200 \d+(\.\d)? ms$/m);
    const afterBanner = output().slice(output().indexOf('Press Ctrl+C'));
    expect(afterBanner).toMatch(/^\d\d:\d\d:\d\d POST \/api\/v1\/auth\/login 200 \d+(\.\d)? ms$/m);
    expect(afterBanner).toMatch(/^\d\d:\d\d:\d\d GET \/api\/v1\/programs 401 \d+(\.\d)? ms$/m);
    expect(output()).not.toMatch(/^\{/m);
    expect(output()).not.toContain(cookie.split('=')[1] as string);
    // A burst of requests with the signal sent among them: none of them may fail half-way. Each is
    // answered, refused at the door with 503 (arrived on an open connection once closing began), or
    // its connection is refused.
    const burst = Array.from({ length: 20 }, () =>
      fetch(`${url}/api/v1/programs`, { headers: { cookie } }).then(
        (r) => r.status,
        () => 'refused',
      ),
    );
    const done = exited(child);
    setTimeout(() => child.kill('SIGTERM'), 5);
    const statuses = await Promise.all(burst);
    expect(statuses.filter((s) => s !== 200 && s !== 503 && s !== 'refused')).toEqual([]);
    expect(await done, output().slice(-2000)).toBe(0);
    expect(output()).toContain('stopped cleanly');
    // A clean close checkpoints the write-ahead log into the database file and removes it.
    expect(existsSync(join(db.dataDir, 'tollgate.db'))).toBe(true);
    expect(existsSync(join(db.dataDir, 'tollgate.db-wal'))).toBe(false);
  });

  it('keeps the data and sessions across a restart and does not load the demo twice; --log-json logs JSON lines', async () => {
    // Started as the README runs it in production: the heap bound reaches the server, which logs it.
    const { child, url, output } = await serveWith(db, { NODE_OPTIONS: '--max-old-space-size=256' }, '--demo', '--log-json');
    const cookie = await signIn(url, 'other@demo.test', 'tollgate-demo');
    const list = (await (await fetch(`${url}/api/v1/programs`, { headers: { cookie } })).json()) as { items: { code: string }[] };
    expect(list.items.map((p) => p.code)).toEqual(['HM-WINCH3']);
    expect(output()).toMatch(/The demo was loaded before and is kept as it is now \(9 programs, \d+ milestones, 4 clients, 12 people/);
    expect(output()).toContain('To start afresh with the demo (this deletes all of it): stop, run npx tollgate demo --reset, start again.');
    // A token is never logged either (this one is unknown: 401).
    expect((await fetch(`${url}/api/v1/me`, { headers: { authorization: 'Bearer tgt_not-a-real-token-but-secret' } })).status).toBe(401);
    // Every log line is JSON, and a request's record has what the text line shows: method, URL, status, time.
    await expect.poll(output).toContain('"url":"/api/v1/programs"');
    const records = output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map(
        (l) => JSON.parse(l) as { msg: string; req?: { method: string; url: string }; res?: { statusCode: number }; responseTime?: number },
      );
    expect(records.find((r) => r.req?.url === '/api/v1/programs')).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', url: '/api/v1/programs' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    // V8's limit is the old generation's bound plus the young generation's (tens of MB), far below its default (~4 GB here).
    const heap = records.find((r) => r.msg === 'JavaScript heap limit') as { heapLimitMb?: number } | undefined;
    expect(heap?.heapLimitMb).toBeGreaterThanOrEqual(256);
    expect(heap?.heapLimitMb).toBeLessThan(400);
    expect(output()).not.toMatch(/^\d\d:\d\d:\d\d /m);
    expect(output()).not.toContain(cookie.split('=')[1] as string);
    expect(output()).not.toContain('not-a-real-token-but-secret');
    const done = exited(child);
    child.kill('SIGINT');
    expect(await done).toBe(0);
  });

  it('refuses a bad environment variable with a message naming it', async () => {
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { ...cliEnv(db), PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (b: Buffer) => {
      err += b.toString();
    });
    expect(await exited(child)).toBe(2);
    expect(err).toContain('PORT');
  });
});

describe('tollgate serve on an empty database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('prints a one-time setup link for the first admin, until `user add --admin` makes one', async () => {
    const first = await serve(db);
    const line = /^ {4}(http:\/\/\S+\/setup\/(\S+))$/m.exec(first.output());
    expect(first.output()).toContain('No admin yet. Create the first admin here (one-time link, 24 hours):');
    expect(line?.[1]?.startsWith(`${first.url}/setup/`)).toBe(true);
    expect(first.output()).not.toContain('Sign in as lead@demo.test');
    // The link is live: the page asks the API what it is for.
    const info = await fetch(`${first.url}/api/v1/invites/${line?.[2]}`);
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ purpose: 'setup', email: null });
    expect(await first.stop()).toBe(0);

    const added = await tollgateWith(
      db,
      { input: 'a long admin passphrase\n' },
      'user',
      'add',
      '--email',
      'ada@example.test',
      '--name',
      'Ada Lovelace',
      '--admin',
      '--password-stdin',
    );
    expect(added.code).toBe(0);
    // The old link died with the first admin, and no new one is printed.
    const second = await serve(db);
    expect(second.output()).not.toContain('/setup/');
    expect((await fetch(`${second.url}/api/v1/invites/${line?.[2]}`)).status).toBe(410);
    expect(await second.stop()).toBe(0);
  });
});
