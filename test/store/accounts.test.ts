import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../src/app/create-records.js';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import type { SessionRecord, Store, UserStatus, Write } from '../../src/app/ports.js';
import type { UserId } from '../../src/domain/ids.js';
import { openStore } from '../../src/store/open-store.js';
import { addFirstAdmin } from '../support/app.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';

const t0 = '2026-03-11T04:00:00.000Z';
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const min = 60_000;

/** The operational records of sign-in (sessions, throttles, OIDC round trips) and the account records, per dialect. */
describe.each(dialects)('account records in the store on %s', (dialect) => {
  let db: TestDatabase;
  let store: Store;
  let deps: AppDeps;
  let admin: Actor;
  let ana: UserId;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    await opened.migrate();
    store = opened.store;
    deps = { store, clock: { now: () => new Date(t0) }, newId: uuidv7, passwords: testPasswords };
    admin = await addFirstAdmin(deps);
    ana = unwrap(await createPerson(deps, { actor: admin, email: 'ana@example.test', name: 'Ana' })).id;
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const session = (id: string, userId: UserId = ana): SessionRecord => ({
    id,
    userId,
    csrfToken: `csrf-${id}`,
    createdAt: t0,
    expiresAt: plus(t0, 14 * 24 * 60 * min),
    lastSeenAt: t0,
    method: 'password',
  });

  it('stores sessions by id, slides them, and deletes one, or all of a person but one', async () => {
    await store.transaction(async (tx) => {
      for (const id of ['s-1', 's-2', 's-3']) await tx.insertSession(session(id));
      await tx.insertSession(session('s-admin', admin.id));
    });
    expect(await store.reads.findSession('s-1')).toEqual(session('s-1'));
    expect(await store.reads.findSession('s-none')).toBeNull();
    // With the workspace's revision, read in the same query.
    expect(await store.reads.findSessionAtRevision('s-1')).toEqual({
      session: session('s-1'),
      workspace: await store.reads.workspaceRevision(),
    });
    expect(await store.reads.findSessionAtRevision('s-none')).toBeNull();
    await store.transaction((tx) => tx.touchSession('s-1', plus(t0, 2 * 60 * min), plus(t0, 15 * 24 * 60 * min)));
    expect(await store.reads.findSession('s-1')).toMatchObject({
      lastSeenAt: plus(t0, 2 * 60 * min),
      expiresAt: plus(t0, 15 * 24 * 60 * min),
    });

    expect(await store.transaction((tx) => tx.deleteSessions({ id: 's-3' }))).toBe(1);
    expect(await store.transaction((tx) => tx.deleteSessions({ userId: ana, exceptId: 's-1' }))).toBe(1);
    expect(await store.reads.findSession('s-1')).not.toBeNull();
    expect(await store.reads.findSession('s-2')).toBeNull();
    expect(await store.transaction((tx) => tx.deleteSessions({ userId: ana }))).toBe(1);
    expect(await store.reads.findSession('s-1')).toBeNull();
    // Another person's session is untouched.
    expect(await store.reads.findSession('s-admin')).not.toBeNull();
  });

  it('counts failed sign-ins per key within a window that starts at the first failure', async () => {
    const key = 'account:ana';
    const window = 15 * min;
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push(await store.transaction((tx) => tx.recordFailure(key, plus(t0, i * min), window)));
    expect(counts).toEqual([1, 2, 3]);
    expect(await store.reads.failuresFor(key, plus(t0, 14 * min), window)).toBe(3);
    expect(await store.reads.failuresFor('account:other', plus(t0, 14 * min), window)).toBe(0);
    // The window opened at t0; 15 minutes on, it is over and the next failure opens a new one.
    expect(await store.reads.failuresFor(key, plus(t0, 16 * min), window)).toBe(0);
    expect(await store.transaction((tx) => tx.recordFailure(key, plus(t0, 16 * min), window))).toBe(1);
    expect(await store.reads.failuresFor(key, plus(t0, 17 * min), window)).toBe(1);
    await store.transaction((tx) => tx.clearFailures(key));
    expect(await store.reads.failuresFor(key, plus(t0, 17 * min), window)).toBe(0);
  });

  it('takes back one counted failure (a sign-in counted up front that succeeded), never below zero', async () => {
    const key = 'address:192.0.2.44';
    const window = 15 * min;
    for (let i = 0; i < 3; i++) await store.transaction((tx) => tx.recordFailure(key, t0, window));
    await store.transaction((tx) => tx.forgiveFailure(key));
    expect(await store.reads.failuresFor(key, t0, window)).toBe(2);
    for (let i = 0; i < 4; i++) await store.transaction((tx) => tx.forgiveFailure(key));
    expect(await store.reads.failuresFor(key, t0, window)).toBe(0);
    expect(await store.transaction((tx) => tx.recordFailure(key, t0, window))).toBe(1);
    await store.transaction((tx) => tx.forgiveFailure('address:never-counted'));
    expect(await store.reads.failuresFor('address:never-counted', t0, window)).toBe(0);
  });

  it('counts 50 parallel failures of one key exactly once each: 1 to 50 (on PostgreSQL from two stores on one database)', async () => {
    // Two SQLite connections in one process cannot interleave transactions (a busy wait blocks the
    // event loop the lock holder needs); there one connection serializes them, other processes wait.
    const other = dialect === 'postgres' ? openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir }).store : store;
    try {
      const key = 'account:parallel';
      const counts = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 === 0 ? store : other).transaction(async (tx) => ({
            account: await tx.recordFailure(key, t0, 15 * min),
            address: await tx.recordFailure(`address:198.51.100.${i % 3}`, t0, 15 * min),
          })),
        ),
      );
      expect(counts.map((c) => c.account).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      for (let a = 0; a < 3; a++) {
        const seen = counts.filter((_, i) => i % 3 === a).map((c) => c.address);
        expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
      }
      expect(await other.reads.failuresFor(key, t0, 15 * min)).toBe(50);
    } finally {
      if (other !== store) await other.close();
    }
  });

  it('hands out an OIDC round trip once, and not after it expired', async () => {
    const state = { state: 'st-1', codeVerifier: 'v', nonce: 'n', returnTo: '/programs', expiresAt: plus(t0, 10 * min) };
    await store.transaction(async (tx) => {
      await tx.putOidcState(state, t0);
      await tx.putOidcState({ ...state, state: 'st-2' }, t0);
    });
    expect(await store.transaction((tx) => tx.takeOidcState('st-1', plus(t0, min)))).toEqual(state);
    expect(await store.transaction((tx) => tx.takeOidcState('st-1', plus(t0, min)))).toBeNull();
    expect(await store.transaction((tx) => tx.takeOidcState('st-2', plus(t0, 11 * min)))).toBeNull();
    expect(await store.transaction((tx) => tx.takeOidcState('st-2', plus(t0, min)))).toBeNull();
  });

  it('counts only active admins', async () => {
    expect(await store.reads.countAdmins()).toBe(1);
    const write = (status: UserStatus): Write => ({
      op: 'insert',
      entity: 'user',
      id: uuidv7(),
      programId: null,
      entityKey: null,
      values: {
        email: `${status}.admin@example.test`,
        name: status,
        timeZone: 'UTC',
        locale: 'en',
        isAdmin: true,
        status,
        passwordHash: null,
      },
      changes: [{ field: 'status', oldValue: null, newValue: status }],
      meta: { actorId: admin.id, at: t0, reason: null, correlationId: uuidv7() },
    });
    await store.transaction(async (tx) => {
      await tx.write(write('invited'));
      await tx.write(write('removed'));
    });
    expect(await store.reads.countAdmins()).toBe(1);
    expect((await store.reads.findUserByEmail('invited.admin@example.test'))?.isAdmin).toBe(true);
  });

  it('deletes a record only at the version read, logging the delete in the same transaction', async () => {
    const id = uuidv7();
    const values = { userId: ana, clientId: null, programId: null, role: 'observer' as const };
    const meta = () => ({ actorId: admin.id, at: t0, reason: 'Test', correlationId: uuidv7() });
    const changed = async () => (await db.rows(`select field from changes where entity_id = '${id}'`)).length;
    await store.transaction((tx) =>
      tx.write({
        op: 'insert',
        entity: 'membership',
        id,
        programId: null,
        entityKey: null,
        values,
        changes: [{ field: 'role', oldValue: null, newValue: 'observer' }],
        meta: meta(),
      }),
    );
    const del = (expectedVersion: number): Write => ({
      op: 'delete',
      entity: 'membership',
      id,
      programId: null,
      entityKey: null,
      expectedVersion,
      changes: [{ field: 'role', oldValue: 'observer', newValue: null }],
      meta: meta(),
    });
    expect(await store.transaction((tx) => tx.write(del(2)))).toBe(false);
    expect(await store.reads.findMembership(id)).not.toBeNull();
    expect(await changed()).toBe(1);
    expect(await store.transaction((tx) => tx.write(del(1)))).toBe(true);
    expect(await store.reads.findMembership(id)).toBeNull();
    expect(await changed()).toBe(2);
  });

  it('keeps password hashes out of the person as read, and out of listings', async () => {
    await store.transaction((tx) =>
      tx.write({
        op: 'update',
        entity: 'user',
        id: ana,
        programId: null,
        entityKey: null,
        expectedVersion: 1,
        set: { passwordHash: '$argon2id$stand-in' },
        changes: [{ field: 'passwordHash', oldValue: null, newValue: 'set' }],
        meta: { actorId: ana, at: t0, reason: null, correlationId: uuidv7() },
      }),
    );
    expect(await store.reads.findPasswordHash(ana)).toBe('$argon2id$stand-in');
    expect(await store.reads.findPasswordHash(admin.id)).toBeNull();
    expect(JSON.stringify(await store.reads.findUser(ana))).not.toContain('argon2');
    expect(JSON.stringify(await store.reads.listUsers())).not.toContain('argon2');
  });
});
