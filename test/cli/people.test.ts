import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { assertBuilt, cliNow, jsonOf, problemOf, tollgate, tollgateWith } from './run-cli.js';

interface Person {
  id: string;
  email: string;
  name: string;
  status: string;
  isAdmin: boolean;
  memberships: { role: string; clientName: string | null; programCode: string | null }[];
}

interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  expiresAt: string;
  revokedAt: string | null;
}

const password = 'a long admin passphrase';

describe.each(dialects)('tollgate on %s: the first admin, people and API tokens', (dialect) => {
  let db: TestDatabase;
  const admin = (...args: string[]) => tollgate(db, '--as', 'ada@example.test', ...args);

  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase(dialect, { now: cliNow });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('creates the first admin of an empty workspace without anyone acting, and only once', async () => {
    const noPassword = await tollgate(db, 'user', 'add', '--email', 'ada@example.test', '--name', 'Ada Lovelace', '--admin');
    expect(noPassword).toMatchObject({ code: 2, stdout: '' });
    expect(noPassword.stderr).toMatch(/^error VALIDATION_FAILED: --password-stdin: No terminal to ask for the password/);

    const weak = await tollgateWith(
      db,
      { input: 'short\n' },
      'user',
      'add',
      '--email',
      'ada@example.test',
      '--name',
      'Ada',
      '--admin',
      '--password-stdin',
    );
    expect(weak).toMatchObject({ code: 1, stdout: '' });
    expect(weak.stderr).toMatch(/^error PASSWORD_TOO_WEAK: /);

    const first = await tollgateWith(
      db,
      { input: `${password}\n` },
      'user',
      'add',
      '--email',
      'Ada@Example.test',
      '--name',
      'Ada Lovelace',
      '--admin',
      '--password-stdin',
      '--json',
    );
    expect(jsonOf<Person>(first)).toMatchObject({
      email: 'ada@example.test',
      name: 'Ada Lovelace',
      status: 'active',
      isAdmin: true,
      memberships: [],
    });

    const second = await tollgateWith(
      db,
      { input: `${password}\n` },
      'user',
      'add',
      '--email',
      'eve@example.test',
      '--name',
      'Eve',
      '--admin',
      '--password-stdin',
    );
    expect(second).toMatchObject({ code: 1, stdout: '' });
    expect(second.stderr).toBe('error FORBIDDEN: The workspace already has an admin; an admin must add people.\n');

    const nobody = await tollgate(db, 'user', 'add', '--email', 'eve@example.test', '--name', 'Eve', '--no-password');
    expect(nobody).toMatchObject({ code: 1, stdout: '' });
    expect(nobody.stderr).toMatch(/^error UNAUTHENTICATED: say who you are: --as <email> of an admin/);
  });

  it('lets the admin add people; others may not', async () => {
    const sam = jsonOf<Person>(await admin('user', 'add', '--email', 'sam@example.test', '--name', 'Sam Reed', '--no-password', '--json'));
    expect(sam).toMatchObject({ email: 'sam@example.test', isAdmin: false, status: 'active' });
    const refused = await tollgate(
      db,
      '--as',
      'sam@example.test',
      'user',
      'add',
      '--email',
      'x@example.test',
      '--name',
      'X',
      '--no-password',
    );
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe('error FORBIDDEN: You lack the permission people.manage. It needs a workspace admin.\n');
    const taken = await admin('user', 'add', '--email', 'sam@example.test', '--name', 'Sam again', '--no-password', '--json');
    expect(taken.code).toBe(2);
    expect(problemOf(taken)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--email' }] });
    const overApi = await admin('user', 'add', '--server', 'http://127.0.0.1:9', '--email', 'x@example.test', '--name', 'X');
    expect(overApi.code).toBe(2);
  });

  it('invites a person with roles and prints the one-time link', async () => {
    const noAddress = await admin('user', 'invite', '--email', 'lin@example.test', '--name', 'Lin Mei');
    expect(noAddress).toMatchObject({ code: 2, stdout: '' });
    expect(noAddress.stderr).toMatch(/^error VALIDATION_FAILED: --base-url: Give the address people open Tollgate at/);
    const unpaired = await admin(
      'user',
      'invite',
      '--email',
      'lin@example.test',
      '--name',
      'Lin Mei',
      '--base-url',
      'https://tollgate.example.test',
      '--role',
      'observer',
    );
    expect(unpaired.code).toBe(2);
    expect(unpaired.stderr).toMatch(/^error VALIDATION_FAILED: --role "observer": Each --role needs a --client/);

    const invited = jsonOf<{ userId: string; inviteUrl: string; expiresAt: string }>(
      await tollgateWith(
        db,
        { env: { TOLLGATE_PUBLIC_URL: 'https://tollgate.example.test/' } },
        '--as',
        'ada@example.test',
        'user',
        'invite',
        '--email',
        'lin@example.test',
        '--name',
        'Lin Mei',
        '--json',
      ),
    );
    expect(invited.inviteUrl).toMatch(/^https:\/\/tollgate\.example\.test\/invite\/tgi_[\w-]{40,}$/);

    const people = jsonOf<{ items: Person[] }>(await admin('users', 'list', '--json'));
    expect(people.items.map((p) => [p.email, p.status, p.isAdmin])).toEqual([
      ['ada@example.test', 'active', true],
      ['lin@example.test', 'invited', false],
      ['sam@example.test', 'active', false],
    ]);
    const text = await admin('users', 'list');
    expect(text.stdout).toMatch(/│ Lin Mei +│ lin@example\.test +│ invited +│ no +│ — +│/);
  });

  it('creates, lists and revokes personal API tokens, showing the secret once', async () => {
    const created = await admin('token', 'create', '--name', 'ERP export', '--days', '30');
    expect(created.code).toBe(0);
    const token = /^ {2}(tgt_[\w-]+)$/m.exec(created.stdout)?.[1];
    expect(token).toBeDefined();
    expect(created.stdout).toMatch(/It is shown only this once/);

    const { items } = jsonOf<{ items: ApiToken[] }>(await admin('token', 'list', '--json'));
    expect(items).toEqual([expect.objectContaining({ name: 'ERP export', revokedAt: null, prefix: token?.slice(0, 10) })]);
    const listed = await admin('tokens');
    expect(listed.stdout).toContain('ERP export');
    expect(listed.stdout).not.toContain(token as string);
    // 30 days from when it was made: the tests' clock runs on from cliNow (by less than an hour here).
    const days = (Date.parse(items[0]?.expiresAt ?? '') - Date.parse(cliNow)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(30);
    expect(days).toBeLessThan(30 + 1 / 24);

    const bad = await admin('token', 'create', '--name', 'x', '--days', '400');
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^error VALIDATION_FAILED: --days "400": /);

    expect(jsonOf(await admin('token', 'revoke', items[0]?.id as string, '--json'))).toEqual({ ok: true });
    const after = jsonOf<{ items: ApiToken[] }>(await admin('token', 'list', '--json'));
    expect(after.items[0]?.revokedAt).not.toBeNull();
    // One's own tokens only.
    const other = await tollgate(db, '--as', 'sam@example.test', 'token', 'revoke', items[0]?.id as string);
    expect(other).toMatchObject({ code: 1, stdout: '' });
    expect(other.stderr).toMatch(/^error TOKEN_NOT_FOUND: /);
  });
});
