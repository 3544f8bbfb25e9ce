import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { AppDeps } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import type { Store, Write } from '../../src/app/ports.js';
import { abort, transact } from '../../src/app/transact.js';
import type { UserId } from '../../src/domain/ids.js';
import type { AuthorizedProgramId } from '../../src/domain/policy.js';
import type { Program as StoredProgram } from '../../src/domain/program.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';

const at = '2026-03-11T04:00:00.000Z';

/** The store sits below the policy: these tests read programs' records as if access had been granted. */
type Program = StoredProgram & { readonly id: AuthorizedProgramId };

describe.each(dialects)('store on %s', (dialect) => {
  let db: TestDatabase;
  let store: Store;
  let deps: AppDeps;
  let actorId: UserId;
  let a: Program;
  let b: Program;

  /** An insert of a milestone row with its change rows, as the use cases write it. */
  const milestoneInsert = (program: Program, key: string, over: Partial<Write> = {}): Write =>
    ({
      op: 'insert',
      entity: 'milestone',
      id: uuidv7(),
      programId: program.id,
      entityKey: key,
      values: {
        programId: program.id,
        key,
        name: `Step ${key}`,
        phase: 'G1',
        ownerId: null,
        baselineDate: '2026-03-20',
        forecastDate: '2026-03-20',
        actualDate: null,
        isCritical: true,
      },
      changes: [
        { field: 'name', oldValue: null, newValue: `Step ${key}` },
        { field: 'isCritical', oldValue: null, newValue: 'true' },
      ],
      meta: { actorId, at, reason: null, correlationId: uuidv7() },
      ...over,
    }) as Write;

  const changeCount = async (p: Program) => (await store.reads.listChanges(p.id, { limit: 10_000 })).length;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    await opened.migrate();
    store = opened.store;
    deps = { store, clock: { now: () => new Date(at) }, newId: uuidv7, passwords: testPasswords };
    const user = unwrap(await createPerson(deps, { actor: null, email: 'Ana@Example.test', name: 'Ana', isAdmin: true }));
    actorId = user.id;
    const actor = { id: user.id, name: user.name, email: user.email, isAdmin: true, memberships: [] };
    const client = unwrap(await createClient(deps, { actor, name: 'Northwind', country: 'us' }));
    const program = (code: string) =>
      createProgram(deps, {
        actor,
        code,
        name: code,
        clientId: client.id,
        supplierName: 'S',
        factoryCity: 'C',
        factoryCountry: 'cn',
        timeZone: 'Asia/Shanghai',
      });
    a = unwrap(await program('ST-A')) as Program;
    b = unwrap(await program('ST-B')) as Program;
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('reports its dialect and answers a ping', async () => {
    expect(store.dialect).toBe(dialect);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('counts as a number on both dialects', async () => {
    expect(await store.reads.countPrograms()).toBe(2);
  });

  it('finds programs by id or by code in any case, and people by e-mail in any case', async () => {
    expect((await store.reads.findProgram('st-a'))?.id).toBe(a.id);
    expect((await store.reads.findProgram(a.id))?.code).toBe('ST-A');
    expect(await store.reads.findProgram('ST-C')).toBeNull();
    expect((await store.reads.findUserByEmail('ANA@example.TEST'))?.id).toBe(actorId);
  });

  it('hands out keys per program and prefix: M-1, M-2 … independently', async () => {
    const keys = await store.transaction(async (tx) => [
      await tx.nextKey(a.id, 'M'),
      await tx.nextKey(a.id, 'M'),
      await tx.nextKey(b.id, 'M'),
    ]);
    expect(keys).toEqual(['M-1', 'M-2', 'M-1']);
  });

  it('writes a row and its change rows together, booleans and nulls intact', async () => {
    const w = milestoneInsert(a, 'M-1');
    expect(await store.transaction((tx) => tx.write(w))).toBe(true);
    const m = await store.reads.findMilestone(a.id, 'm-1');
    expect(m).toMatchObject({ id: w.id, key: 'M-1', isCritical: true, ownerId: null, actualDate: null, version: 1 });
    const rows = (await store.reads.listChanges(a.id, { limit: 10 })).filter((c) => c.entityId === w.id);
    expect(rows.map((c) => [c.field, c.oldValue, c.newValue, c.correlationId, c.at, c.entityKey])).toEqual(
      expect.arrayContaining([
        ['name', null, 'Step M-1', w.meta.correlationId, at, 'M-1'],
        ['isCritical', null, 'true', w.meta.correlationId, at, 'M-1'],
      ]),
    );
  });

  it('an update compares and sets the version: a stale one changes nothing and logs nothing', async () => {
    const m = await store.reads.findMilestone(a.id, 'M-1');
    if (!m) throw new Error('M-1 missing');
    const before = await changeCount(a);
    const update = (expectedVersion: number, name: string): Write => ({
      op: 'update',
      entity: 'milestone',
      id: m.id,
      programId: a.id,
      entityKey: 'M-1',
      expectedVersion,
      set: { name, isCritical: false },
      changes: [{ field: 'name', oldValue: m.name, newValue: name }],
      meta: { actorId, at, reason: 'Because', correlationId: uuidv7() },
    });
    expect(await store.transaction((tx) => tx.write(update(1, 'Renamed')))).toBe(true);
    expect(await store.transaction((tx) => tx.write(update(1, 'Stale rename')))).toBe(false);
    expect(await store.reads.findMilestone(a.id, m.id)).toMatchObject({ name: 'Renamed', isCritical: false, version: 2 });
    expect(await changeCount(a)).toBe(before + 1);
  });

  it('a throw inside a transaction rolls back every write in it, key counter included', async () => {
    const before = { changes: await changeCount(a), milestones: (await store.reads.listMilestones(a.id)).length };
    const boom = new Error('boom after two writes');
    await expect(
      store.transaction(async (tx) => {
        const key = await tx.nextKey(a.id, 'M');
        await tx.write(milestoneInsert(a, key));
        await tx.write(milestoneInsert(a, await tx.nextKey(a.id, 'M')));
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await changeCount(a)).toBe(before.changes);
    expect((await store.reads.listMilestones(a.id)).length).toBe(before.milestones);
    expect(await store.transaction((tx) => tx.nextKey(a.id, 'M'))).toBe('M-3');
  });

  it('a transaction reads its own change rows, held until then and inserted together', async () => {
    const before = await changeCount(a);
    const seen = await store.transaction(async (tx) => {
      const first = milestoneInsert(a, await tx.nextKey(a.id, 'M'));
      await tx.write(first);
      await tx.write(milestoneInsert(a, await tx.nextKey(a.id, 'M')));
      const rows = await tx.listChanges(a.id, { limit: 10_000 });
      const fieldChanges = await tx.listMilestoneFieldChanges([a.id], ['name'], { milestoneId: first.id });
      await tx.write(milestoneInsert(a, await tx.nextKey(a.id, 'M')));
      return { rows: rows.length, fieldChanges: fieldChanges.map((c) => c.newValue), counted: await tx.countChanges(a.id, {}) };
    });
    expect(seen).toEqual({ rows: before + 4, fieldChanges: [expect.stringMatching(/^Step M-/)], counted: before + 6 });
    expect(await changeCount(a)).toBe(before + 6);
  });

  it('a refusal (abort) rolls back too and comes back as a result, not a throw', async () => {
    const before = await changeCount(b);
    const r = await transact(store, async (tx) => {
      await tx.write(milestoneInsert(b, await tx.nextKey(b.id, 'M')));
      return abort({ code: 'USER_NOT_FOUND', message: 'refused after a write' });
    });
    expect(r).toEqual({ ok: false, error: { code: 'USER_NOT_FOUND', message: 'refused after a write' } });
    expect(await changeCount(b)).toBe(before);
    expect(await store.transaction((tx) => tx.nextKey(b.id, 'M'))).toBe('M-2');
  });

  it('enforces foreign keys: a milestone of an unknown program or an unknown actor is rejected', async () => {
    const ghost = { ...a, id: 'no-such-program' } as Program;
    await expect(store.transaction((tx) => tx.write(milestoneInsert(ghost, 'M-1')))).rejects.toThrow();
    const w = milestoneInsert(b, 'M-9');
    await expect(store.transaction((tx) => tx.write({ ...w, meta: { ...w.meta, actorId: 'nobody' as UserId } }))).rejects.toThrow();
    // The row inserted before the failing change rows went away with them.
    expect(await store.reads.findMilestone(b.id, 'M-9')).toBeNull();
  });

  it('enforces unique keys within a program', async () => {
    await store.transaction((tx) => tx.write(milestoneInsert(b, 'M-50')));
    await expect(store.transaction((tx) => tx.write(milestoneInsert(b, 'M-50')))).rejects.toThrow();
    await expect(store.transaction((tx) => tx.write(milestoneInsert(a, 'M-50')))).resolves.toBe(true);
  });

  it('lists changes newest first between an inclusive since and an exclusive until', async () => {
    const stamps = ['2026-04-01T00:00:00.000Z', '2026-04-02T00:00:00.000Z', '2026-04-03T00:00:00.000Z'];
    for (const s of stamps) {
      const w = milestoneInsert(b, `M-${s.slice(8, 10)}0`);
      await store.transaction((tx) => tx.write({ ...w, changes: [w.changes[0] as Write['changes'][number]], meta: { ...w.meta, at: s } }));
    }
    const between = await store.reads.listChanges(b.id, { since: stamps[0], until: stamps[2], limit: 10 });
    expect(between.map((c) => c.at)).toEqual([stamps[1], stamps[0]]);
    expect((await store.reads.listChanges(b.id, { since: stamps[0], limit: 1 })).map((c) => c.at)).toEqual([stamps[2]]);
  });

  it('a whole batch fails at its first failed transaction: later ones are refused, and nothing of it is kept even if the loader carries on', async () => {
    const before = { changes: await changeCount(b), milestones: (await store.reads.listMilestones(b.id)).length };
    const refused = await store
      .batch(
        async (s) => {
          await s.transaction(async (tx) => tx.write(milestoneInsert(b, await tx.nextKey(b.id, 'M'))));
          const r = await transact(s, async (tx) => {
            await tx.write(milestoneInsert(b, await tx.nextKey(b.id, 'M')));
            return abort({ code: 'USER_NOT_FOUND', message: 'refused after a write' });
          });
          expect(r.ok).toBe(false);
          await expect(s.transaction(async (tx) => tx.nextKey(b.id, 'M'))).rejects.toThrow('the batch rolls back whole');
          return 'carried on';
        },
        { isWhole: true },
      )
      .then(
        () => null,
        (e: Error) => e.message,
      );
    expect(refused).toMatch(/rolled back whole/);
    expect(await changeCount(b)).toBe(before.changes);
    expect((await store.reads.listMilestones(b.id)).length).toBe(before.milestones);
    // A batch of savepoints keeps what the transactions before and after a refused one wrote.
    await store.batch(async (s) => {
      await s.transaction(async (tx) => tx.write(milestoneInsert(b, await tx.nextKey(b.id, 'M'))));
      expect((await transact(s, async () => abort({ code: 'USER_NOT_FOUND', message: 'refused' }))).ok).toBe(false);
      await s.transaction(async (tx) => tx.write(milestoneInsert(b, await tx.nextKey(b.id, 'M'))));
    });
    expect((await store.reads.listMilestones(b.id)).length).toBe(before.milestones + 2);
  });

  it('a whole batch holds its change rows until it ends or reads the log, and takes a lock once', async () => {
    const statements: string[] = [];
    const counted = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir, onStatement: (text) => statements.push(text) });
    try {
      const before = await changeCount(b);
      await counted.store.batch(
        async (s) => {
          for (const _ of [1, 2]) {
            await s.transaction(async (tx) => {
              await tx.lock(`program:${b.id}`);
              await tx.write(milestoneInsert(b, await tx.nextKey(b.id, 'M')));
            });
          }
          expect(statements.filter((t) => t.startsWith('insert into "changes"'))).toEqual([]);
          expect((await s.reads.listChanges(b.id, { limit: 10_000 })).length).toBe(before + 4);
        },
        { isWhole: true },
      );
      expect(statements.filter((t) => t.startsWith('insert into "changes"'))).toHaveLength(1);
      expect(statements.filter((t) => t.includes('pg_advisory_xact_lock'))).toHaveLength(dialect === 'postgres' ? 1 : 0);
      expect(await changeCount(b)).toBe(before + 4);
    } finally {
      await counted.store.close();
    }
  });

  // Last: it empties the database.
  it('empties all the data in one batch, or none of it when the batch fails; the schema and the workspace revision stay', async () => {
    const held = await store.reads.countData();
    expect(held).toMatchObject({ programs: 2, users: 1, clients: 1 });
    expect(held.changes).toBeGreaterThan(0);
    expect(Object.keys(held)).not.toContain('tollgate_migrations');
    const revision = async () => (await db.rows('select revision from workspace_state'))[0]?.revision;
    const revisionBefore = Number(await revision());
    await expect(
      store.batch(async (s) => {
        await s.transaction((tx) => tx.emptyData());
        expect(await s.reads.countPrograms()).toBe(0);
        throw new Error('the load after the reset failed');
      }),
    ).rejects.toThrow('the load after the reset failed');
    expect(await store.reads.countData()).toEqual(held);
    await store.batch((s) => s.transaction((tx) => tx.emptyData()));
    const emptied = await store.reads.countData();
    expect(Object.keys(emptied).sort()).toEqual(Object.keys(held).sort());
    expect(Object.values(emptied).every((n) => n === 0)).toBe(true);
    expect(Number(await revision())).toBeGreaterThan(revisionBefore);
    // The schema is intact: nothing to migrate, and a new workspace starts as on a new database.
    const reopened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    try {
      expect((await reopened.migrate()).applied).toEqual([]);
    } finally {
      await reopened.store.close();
    }
    expect(unwrap(await createPerson(deps, { actor: null, email: 'new@example.test', name: 'New', isAdmin: true })).isAdmin).toBe(true);
  });
});
