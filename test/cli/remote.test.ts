import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../src/contract/change.js';
import type { Milestone } from '../../src/contract/milestone.js';
import type { ProgramList, ProgramSummary } from '../../src/contract/program.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { assertBuilt, type CliResult, jsonOf, problemOf, type Served, serve, tollgate, tollgateWith } from './run-cli.js';

interface Stored {
  server: string;
  token: string;
  email: string;
  tokenId: string;
}

describe.each(dialects)('tollgate on %s over the HTTP API of a running server', (dialect) => {
  let db: TestDatabase;
  let server: Served;
  const credentials = () => join(db.dataDir, 'config', 'credentials.json');
  const stored = () => JSON.parse(readFileSync(credentials(), 'utf8')) as Stored;
  /** The key of an open milestone of KHG-KW500 (the demo is dated relative to its instant). */
  const openKey = async () => {
    const shown = jsonOf<{ milestones: Milestone[] }>(
      await tollgate(db, '--as', 'lead@demo.test', 'programs', 'show', 'KHG-KW500', '--json'),
    );
    const open = shown.milestones.find((m) => m.actualDate === null);
    if (!open) throw new Error('KHG-KW500 has no open milestone');
    return open.key;
  };
  const login = (email: string, password: string, ...more: string[]) =>
    tollgateWith(db, { input: `${password}\n` }, 'login', '--server', server.url, '--email', email, '--password-stdin', ...more);

  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase(dialect, { from: 'demo' });
    server = await serve(db, '--demo');
  });
  afterAll(async () => {
    if (server) expect(await server.stop()).toBe(0);
    await db?.drop();
  });

  it('refuses a wrong password and stores nothing', async () => {
    const r = await login('lead@demo.test', 'not the password');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('error INVALID_CREDENTIALS: The email or password is not right.\n');
    expect(existsSync(credentials())).toBe(false);
  });

  it('signs in, stores a personal API token readable by its owner only, and never prints it', async () => {
    const r = await login('lead@demo.test', 'tollgate-demo');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^Signed in to ${server.url} as Dana Whitfield <lead@demo\\.test>\\.\\n`));
    const c = stored();
    expect(c).toMatchObject({ server: server.url, email: 'lead@demo.test', token: expect.stringMatching(/^tgt_/) });
    expect(r.stdout).not.toContain(c.token);
    expect(statSync(credentials()).mode & 0o777).toBe(0o600);
    expect(server.output()).not.toContain(c.token);

    const tokens = jsonOf<{ items: { id: string; name: string }[] }>(await tollgate(db, 'token', 'list', '--json'));
    expect(tokens.items).toEqual([expect.objectContaining({ id: c.tokenId, name: expect.stringMatching(/^tollgate CLI on /) })]);
    const me = jsonOf<{ email: string; connection: unknown }>(await tollgate(db, 'whoami', '--json'));
    expect(me).toMatchObject({ email: 'lead@demo.test', connection: { kind: 'server', server: server.url } });
  });

  it('lists the same portfolio over HTTP as on the database for the same person', async () => {
    const remote = jsonOf<ProgramList>(await tollgate(db, 'programs', 'list', '--json'));
    const local = jsonOf<ProgramList>(await tollgate(db, '--as', 'lead@demo.test', 'programs', 'list', '--json'));
    expect(remote.items).toHaveLength(8);
    expect(remote).toEqual(local);
    const shown = jsonOf<{ program: ProgramSummary; milestones: Milestone[] }>(
      await tollgate(db, 'programs', 'show', 'khg-kw500', '--json'),
    );
    expect(shown).toEqual(jsonOf(await tollgate(db, '--as', 'lead@demo.test', 'programs', 'show', 'KHG-KW500', '--json')));
  });

  it('refuses over HTTP with the same codes, messages and exit statuses as on the database', async () => {
    const pair = async (...args: string[]): Promise<[CliResult, CliResult]> => [
      await tollgate(db, ...args),
      await tollgate(db, '--as', 'lead@demo.test', ...args),
    ];
    const [missingRemote, missingLocal] = await pair('programs', 'show', 'NO-SUCH');
    expect(missingRemote).toMatchObject({ code: 1, stdout: '' });
    expect(missingRemote.stderr).toBe('error PROGRAM_NOT_FOUND: No program "NO-SUCH". See `tollgate programs list` for the codes.\n');
    expect(missingRemote).toEqual(missingLocal);
    const [hiddenRemote, hiddenLocal] = await pair('changes', 'HM-WINCH3', '--json');
    expect(problemOf(hiddenRemote)).toMatchObject({ code: 'PROGRAM_NOT_FOUND' });
    expect(hiddenRemote).toEqual(hiddenLocal);
    const [noReasonRemote, noReasonLocal] = await pair('milestone', 'move', 'KHG-KW500', await openKey(), '--to', '2099-01-05');
    expect(noReasonRemote.code).toBe(1);
    expect(noReasonRemote.stderr).toMatch(/^error REASON_REQUIRED: .*\n {2}--reason: /);
    expect(noReasonRemote).toEqual(noReasonLocal);
    const [adminRemote, adminLocal] = await pair('users', 'list');
    expect(adminRemote.stderr).toMatch(/^error FORBIDDEN: /);
    expect(adminRemote).toEqual(adminLocal);
  });

  it('records a move made over HTTP as the signed-in person, with its reason', async () => {
    const program = jsonOf<{ milestones: Milestone[] }>(await tollgate(db, 'programs', 'show', 'KHG-KW500', '--json'));
    const open = program.milestones.find((m) => m.actualDate === null);
    expect(open).toBeDefined();
    const m = open as Milestone;
    const moved = jsonOf<Milestone>(
      await tollgate(
        db,
        'milestone',
        'move',
        'KHG-KW500',
        m.key,
        '--to',
        '2099-01-05',
        '--reason',
        'Moved over the API',
        '--version',
        String(m.version),
        // The demo's milestones have successors: the move pushes them, which a script confirms with --yes.
        '--yes',
        '--json',
      ),
    );
    expect(moved).toMatchObject({ key: m.key, forecastDate: '2099-01-05', version: m.version + 1 });

    const stale = await tollgate(
      db,
      'milestone',
      'move',
      'KHG-KW500',
      m.key,
      '--to',
      '2099-01-06',
      '--reason',
      'x',
      '--version',
      String(m.version),
      '--json',
    );
    expect(stale.code).toBe(1);
    expect(problemOf(stale)).toMatchObject({ code: 'VERSION_CONFLICT', current: { key: m.key, forecastDate: '2099-01-05' } });

    // The move and the pushes of its successors are one write; the move's own row names the reason as given.
    const { items } = jsonOf<{ items: Change[] }>(await tollgate(db, 'changes', 'KHG-KW500', '--rows', '--limit', '50', '--json'));
    expect(items.find((c) => c.entityKey === m.key)).toMatchObject({
      entityKey: m.key,
      field: 'forecastDate',
      newValue: '2099-01-05',
      reason: 'Moved over the API',
      actor: { name: 'Dana Whitfield', email: 'lead@demo.test' },
    });
    // The database holds the same record.
    const local = jsonOf<{ items: Change[] }>(
      await tollgate(db, '--as', 'observer@demo.test', 'changes', 'KHG-KW500', '--rows', '--limit', '50', '--json'),
    );
    expect(local.items).toEqual(items);
  });

  it('logs out by revoking the token: a command with it afterwards is refused', async () => {
    const { token } = stored();
    const r = await tollgate(db, 'logout');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`Signed out of ${server.url}: the CLI's token is revoked and its credentials deleted.\n`);
    expect(existsSync(credentials())).toBe(false);

    const notSignedIn = await tollgate(db, 'programs', 'list');
    expect(notSignedIn).toMatchObject({ code: 1, stdout: '' });
    expect(notSignedIn.stderr).toBe('error UNAUTHENTICATED: say who you are: --as <email>, TOLLGATE_AS, or tollgate login\n');

    const revoked = await tollgateWith(db, { env: { TOLLGATE_TOKEN: token } }, '--server', server.url, 'programs', 'list', '--json');
    expect(revoked.code).toBe(1);
    expect(problemOf(revoked)).toMatchObject({
      code: 'UNAUTHENTICATED',
      detail: expect.stringContaining('The API token is unknown, revoked or expired.'),
    });
    expect(revoked.stderr).not.toContain(token);
  });

  it('works with a token from `token create` given as TOLLGATE_SERVER and TOLLGATE_TOKEN', async () => {
    const created = jsonOf<{ token: string }>(
      await tollgate(db, '--as', 'observer@demo.test', 'token', 'create', '--name', 'report script', '--json'),
    );
    const env = { TOLLGATE_SERVER: server.url, TOLLGATE_TOKEN: created.token };
    const me = jsonOf<{ email: string }>(await tollgateWith(db, { env }, 'whoami', '--json'));
    expect(me.email).toBe('observer@demo.test');
    const refused = await tollgateWith(db, { env }, 'milestone', 'complete', 'KHG-KW500', await openKey(), '--json');
    expect(refused.code).toBe(1);
    expect(problemOf(refused)).toMatchObject({ code: 'FORBIDDEN' });
    const offline = await tollgateWith(
      db,
      { env: { TOLLGATE_SERVER: 'http://127.0.0.1:9', TOLLGATE_TOKEN: created.token } },
      'programs',
      'list',
    );
    expect(offline).toMatchObject({ code: 1, stdout: '' });
    expect(offline.stderr).toMatch(/^error NOT_READY: Cannot reach the Tollgate server at http:\/\/127\.0\.0\.1:9: /);
  });
});
