import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { cliNow, jsonOf, problemOf, tollgate, tollgateWith } from './run-cli.js';

interface LinkJson {
  id: string;
  clientName: string;
  label: string;
  state: string;
  submissions: number;
}

const keller = 'Keller Haushaltsgeräte GmbH';

// `tollgate intake link create|list|revoke` on a copy of the demo portfolio, on the database backend (the
// server backend sends the same operations, tested through the API in test/api/intake.test.ts).
describe.each(dialects)('tollgate intake link on %s (demo portfolio)', (dialect) => {
  let db: TestDatabase;
  const lead = (...args: string[]) => tollgate(db, '--as', 'lead@demo.test', ...args);

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { now: cliNow, from: 'demo' });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('makes a link and prints its address once, with the public URL', async () => {
    const r = await tollgateWith(
      db,
      { env: { TOLLGATE_PUBLIC_URL: 'https://tollgate.example.com' } },
      '--as',
      'lead@demo.test',
      'intake',
      'link',
      'create',
      '--client',
      keller,
      '--label',
      'Keller buyers',
      '--expires-in-days',
      '30',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Made the intake link "Keller buyers" for ${keller}, open until`);
    expect(r.stdout).toMatch(/ {2}https:\/\/tollgate\.example\.com\/intake\/tgk_[A-Za-z0-9_-]{43}\n/);
    expect(r.stdout).toContain('tollgate intake link revoke ');
  });

  it('prints the secret alone, with a hint, when no address is known', async () => {
    const r = jsonOf<{ token: string; url: string | null }>(await lead('intake', 'link', 'create', '--client', keller, '--json'));
    expect(r.url).toBeNull();
    expect(r.token).toMatch(/^tgk_/);
    const text = await lead('intake', 'link', 'create', '--client', keller);
    expect(text.stdout).toContain('Give --base-url or set TOLLGATE_PUBLIC_URL');
  });

  it('lists the links without their secrets, and revokes one', async () => {
    const made = jsonOf<{ link: LinkJson; token: string }>(
      await lead('intake', 'link', 'create', '--client', keller, '--label', 'To revoke', '--json'),
    );
    const list = await lead('intake', 'link', 'list', '--client', keller);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('To revoke');
    expect(list.stdout).not.toContain(made.token);
    const listed = jsonOf<{ items: LinkJson[] }>(await lead('intake', 'link', 'list', '--json'));
    expect(listed.items.find((l) => l.id === made.link.id)).toMatchObject({ state: 'open', submissions: 0 });

    const revoked = await lead('intake', 'link', 'revoke', made.link.id, '--reason', 'Sent to the wrong address');
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked the intake link "To revoke" of ${keller}`);
    const after = jsonOf<{ items: LinkJson[] }>(await lead('intake', 'link', 'list', '--json'));
    expect(after.items.find((l) => l.id === made.link.id)?.state).toBe('revoked');
  });

  it('refuses people who may not make programs for the client', async () => {
    const r = await tollgate(db, '--as', 'observer@demo.test', 'intake', 'link', 'create', '--client', keller, '--json');
    expect(r.code).toBe(1);
    expect(problemOf(r).code).toBe('FORBIDDEN');
    const missing = await lead('intake', 'link', 'create', '--json');
    expect(missing.code).toBe(2);
    expect(problemOf(missing).errors.map((e) => e.path)).toEqual(['--client']);
    const unknown = await lead('intake', 'link', 'revoke', 'no-such-link', '--json');
    expect(problemOf(unknown).code).toBe('INTAKE_LINK_NOT_FOUND');
  });
});
