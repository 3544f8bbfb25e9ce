import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import { createTestApp, type SignedIn, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, expectProblem, paths } from './helpers.js';

interface MeBody {
  id: string;
  email: string;
  name: string;
  timeZone: string;
  locale: string;
  isAdmin: boolean;
  memberships: unknown[];
  version: number;
  csrfToken: string | null;
  via: 'session' | 'token';
}

/** The write's instant: the clock is configuration, never today's date. */
const now = new Date('2026-10-05T08:30:00.000Z');

describe.each(dialects)('PATCH /api/v1/me: one’s own name and time zone on %s', (dialect) => {
  let t: TestApp;
  let lin: Actor;
  let linWeb: SignedIn;

  const patchMe = (payload: Record<string, unknown>, who: Actor | SignedIn | 'anonymous') =>
    call(t, { method: 'PATCH', url: '/api/v1/me', payload }, who);
  const getMe = async (who: Actor | SignedIn) => (await call(t, { method: 'GET', url: '/api/v1/me' }, who)).json<MeBody>();
  const userChanges = (id: string) =>
    t.db.rows(
      `select field, old_value, new_value, actor_id, at, reason from changes where entity = 'user' and entity_id = '${id}' and old_value is not null order by field`,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    lin = await t.addPerson({ email: 'lin.wei@example.test', name: 'Lin Wei', timeZone: 'America/Chicago' });
    linWeb = await t.session(lin);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('changes the signed-in person’s name and zone, answers as GET /me does, and logs who, when, old → new', async () => {
    const before = await getMe(linWeb);
    expect(before).toMatchObject({ name: 'Lin Wei', timeZone: 'America/Chicago', version: 1, via: 'session' });

    const res = await patchMe({ version: 1, name: '  Lin Wei-Hart ', timeZone: 'Asia/Shanghai' }, linWeb);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<MeBody>();
    expect(answer).toEqual({ ...before, name: 'Lin Wei-Hart', timeZone: 'Asia/Shanghai', version: 2 });
    expect(answer.csrfToken).toBe(linWeb.csrfToken);
    expect(await getMe(linWeb)).toEqual(answer);

    expect(await userChanges(lin.id)).toEqual([
      {
        field: 'name',
        old_value: 'Lin Wei',
        new_value: 'Lin Wei-Hart',
        actor_id: lin.id,
        at: now.toISOString(),
        reason: 'Changed in their own account.',
      },
      {
        field: 'timeZone',
        old_value: 'America/Chicago',
        new_value: 'Asia/Shanghai',
        actor_id: lin.id,
        at: now.toISOString(),
        reason: 'Changed in their own account.',
      },
    ]);
  });

  it('with an API token changes the token’s owner, answered without a CSRF token; the same values again change nothing', async () => {
    const ana = await t.addPerson({ email: 'ana.lima@example.test', name: 'Ana Lima', timeZone: 'UTC' });
    const res = await patchMe({ version: 1, timeZone: 'Europe/Oslo' }, ana);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MeBody>()).toMatchObject({
      id: ana.id,
      name: 'Ana Lima',
      timeZone: 'Europe/Oslo',
      version: 2,
      via: 'token',
      csrfToken: null,
    });

    const again = await patchMe({ version: 2, name: 'Ana Lima', timeZone: 'Europe/Oslo' }, ana);
    expect(again.json<MeBody>()).toMatchObject({ timeZone: 'Europe/Oslo', version: 2 });
    expect((await userChanges(ana.id)).map((c) => c.field)).toEqual(['timeZone']);
  });

  it('refuses a zone that is not an IANA zone, and an empty name, with 422 naming the field; nothing changes', async () => {
    const { version } = await getMe(linWeb);
    const zone = expectProblem(await patchMe({ version, timeZone: 'Mars/Olympus_Mons' }, linWeb), 422, 'VALIDATION_FAILED');
    expect(paths(zone)).toEqual(['timeZone']);
    const empty = expectProblem(await patchMe({ version, name: '   ' }, linWeb), 422, 'VALIDATION_FAILED');
    expect(paths(empty)).toEqual(['name']);
    const long = expectProblem(await patchMe({ version, name: 'x'.repeat(201) }, linWeb), 422, 'VALIDATION_FAILED');
    expect(paths(long)).toEqual(['name']);
    expect(await getMe(linWeb)).toMatchObject({ name: 'Lin Wei-Hart', timeZone: 'Asia/Shanghai', version });
  });

  it('refuses a stale version with 409 VERSION_CONFLICT and keeps the newer change', async () => {
    const { version } = await getMe(linWeb);
    expect((await patchMe({ version, timeZone: 'Europe/Berlin' }, lin)).statusCode).toBe(200);
    expectProblem(await patchMe({ version, timeZone: 'Asia/Tokyo' }, linWeb), 409, 'VERSION_CONFLICT');
    expect(await getMe(linWeb)).toMatchObject({ timeZone: 'Europe/Berlin', version: version + 1 });
  });

  it('changes nobody else: a body naming another person is refused, and an admin changes only their own account', async () => {
    const other = await getMe(t.actor);
    const named = expectProblem(await patchMe({ version: 1, userId: t.actor.id, name: 'Taken over' }, linWeb), 422, 'VALIDATION_FAILED');
    expect(named.detail).toContain('userId');
    const adminMe = await getMe(t.admin);
    const res = await patchMe({ version: adminMe.version, name: 'Morgan Reyes-Lund' }, t.admin);
    expect(res.json<MeBody>()).toMatchObject({ id: t.admin.id, name: 'Morgan Reyes-Lund' });
    expect(await getMe(t.actor)).toEqual(other);
    expect(await userChanges(t.actor.id)).toEqual([]);
  });

  it('is refused without a person, and from a browser session without its CSRF token', async () => {
    expectProblem(await patchMe({ version: 1, name: 'Nobody' }, 'anonymous'), 401, 'UNAUTHENTICATED');
    const noCsrf = await t.http.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { version: 1, name: 'Forged' },
      headers: { cookie: linWeb.headers.cookie as string },
    });
    expectProblem(noCsrf, 403, 'CSRF_FAILED');
    expect((await getMe(linWeb)).name).toBe('Lin Wei-Hart');
  });
});
