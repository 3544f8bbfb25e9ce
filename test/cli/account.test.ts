import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { cliNow, jsonOf, problemOf, tollgate } from './run-cli.js';

interface MeJson {
  id: string;
  email: string;
  name: string;
  timeZone: string;
  version: number;
}

describe.each(dialects)('tollgate account set on %s: one’s own name and time zone', (dialect) => {
  let db: TestDatabase;
  const sam = (...args: string[]) => tollgate(db, '--as', 'sam@example.test', ...args);

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { now: cliNow });
    const ada = ['--email', 'ada@example.test', '--name', 'Ada Lovelace', '--admin', '--no-password'];
    expect((await tollgate(db, 'user', 'add', ...ada)).code).toBe(0);
    const added = await tollgate(
      db,
      '--as',
      'ada@example.test',
      'user',
      'add',
      '--email',
      'sam@example.test',
      '--name',
      'Sam Reed',
      '--no-password',
    );
    expect(added.code, added.stderr).toBe(0);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('changes the name and zone of the person acting, logged under them old → new', async () => {
    const r = await sam('account', 'set', '--name', ' Sam Reed-Li ', '--time-zone', 'Asia/Shanghai');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Saved: Sam Reed-Li <sam@example.test>, time zone Asia/Shanghai (every time is shown to you in it).\n');

    const me = jsonOf<MeJson & Record<string, unknown>>(await sam('whoami', '--json'));
    expect(me).toMatchObject({ name: 'Sam Reed-Li', timeZone: 'Asia/Shanghai', version: 2 });
    const rows = await db.rows(
      `select field, old_value, new_value, actor_id from changes where entity = 'user' and entity_id = '${me.id}' and old_value is not null order by field`,
    );
    expect(rows).toEqual([
      { field: 'name', old_value: 'Sam Reed', new_value: 'Sam Reed-Li', actor_id: me.id },
      { field: 'timeZone', old_value: 'UTC', new_value: 'Asia/Shanghai', actor_id: me.id },
    ]);
    // Nobody else changed: the admin's account is as it was.
    expect(jsonOf<MeJson>(await tollgate(db, '--as', 'ada@example.test', 'whoami', '--json'))).toMatchObject({
      name: 'Ada Lovelace',
      timeZone: 'UTC',
      version: 1,
    });
  });

  it('prints the account as GET /me does (without the browser’s token) with --json, and says when nothing changed', async () => {
    const json = jsonOf<Record<string, unknown>>(await sam('account', 'set', '--time-zone', 'Europe/Oslo', '--json'));
    expect(json).toMatchObject({ email: 'sam@example.test', timeZone: 'Europe/Oslo', version: 3, memberships: [] });
    expect(Object.keys(json)).not.toContain('csrfToken');
    expect(Object.keys(json)).not.toContain('via');

    const same = await sam('account', 'set', '--time-zone', 'Europe/Oslo');
    expect(same.stdout).toMatch(/^Nothing changed: Sam Reed-Li <sam@example\.test>, time zone Europe\/Oslo /);
    expect(jsonOf<MeJson>(await sam('whoami', '--json')).version).toBe(3);
  });

  it('refuses a zone that is not an IANA zone, an empty name and no option at all, naming the option (exit 2)', async () => {
    const zone = await sam('account', 'set', '--time-zone', 'Mars/Olympus_Mons', '--json');
    expect(zone.code).toBe(2);
    expect(problemOf(zone)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--time-zone' }] });
    const name = await sam('account', 'set', '--name', '  ', '--json');
    expect(name.code).toBe(2);
    expect(problemOf(name)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--name' }] });
    const nothing = await sam('account', 'set');
    expect(nothing).toMatchObject({ code: 2, stdout: '' });
    expect(nothing.stderr).toMatch(/^error VALIDATION_FAILED: --name: Give --name, --time-zone or both\./);
    expect(jsonOf<MeJson>(await sam('whoami', '--json'))).toMatchObject({ timeZone: 'Europe/Oslo', version: 3 });
  });

  it('subscribes to the leadership view by e-mail and back, refusing anything but on or off', async () => {
    const on = await sam('account', 'set', '--leadership-mail', 'on');
    expect(on.code, on.stderr).toBe(0);
    expect(on.stdout).toMatch(/^Saved: .* The leadership view is e-mailed to you every Monday at 08:00\.\n$/);
    expect(jsonOf<MeJson & { hasLeadershipMail: boolean }>(await sam('whoami', '--json')).hasLeadershipMail).toBe(true);
    const bad = await sam('account', 'set', '--leadership-mail', 'weekly', '--json');
    expect(bad.code).toBe(2);
    expect(problemOf(bad)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--leadership-mail' }] });
    const off = await sam('account', 'set', '--leadership-mail', 'off');
    expect(off.stdout).toMatch(/^Saved: Sam Reed-Li <sam@example\.test>, time zone Europe\/Oslo \(every time is shown to you in it\)\.\n$/);
  });

  it('needs someone to act as', async () => {
    const r = await tollgate(db, 'account', 'set', '--time-zone', 'Asia/Tokyo');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^error UNAUTHENTICATED: say who you are/);
  });
});
