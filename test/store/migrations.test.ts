import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import { migrationNames } from '../../src/store/migrate.js';
import { openStore } from '../../src/store/open-store.js';
import { addFirstAdmin } from '../support/app.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';

describe.each(dialects)('migrations on %s', (dialect) => {
  let db: TestDatabase;
  const open = () => openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  /** One statement on a connection of its own, beside the store (as another build's migrator would write). */
  const write = async (sqlText: string) => {
    if (db.databaseUrl === undefined) {
      const file = new Database(join(db.dataDir, 'tollgate.db'));
      try {
        file.exec(sqlText);
      } finally {
        file.close();
      }
      return;
    }
    const client = new pg.Client({ connectionString: db.databaseUrl });
    await client.connect();
    try {
      await client.query(sqlText);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('applies every migration once on an empty database, then is a no-op, also after reopening', async () => {
    const first = open();
    try {
      expect(await first.migrate()).toEqual({ applied: migrationNames, pending: [] });
      const deps = {
        store: first.store,
        clock: { now: () => new Date('2026-03-11T04:00:00Z') },
        newId: uuidv7,
        passwords: testPasswords,
      };
      const actor = await addFirstAdmin(deps);
      const client = unwrap(await createClient(deps, { actor, name: 'Northwind', country: 'US' }));
      unwrap(
        await createProgram(deps, {
          actor,
          code: 'MIG-1',
          name: 'Kept',
          clientId: client.id,
          supplierName: 'S',
          factoryCity: 'C',
          factoryCountry: 'CN',
          timeZone: 'UTC',
        }),
      );
      expect(await first.migrate()).toEqual({ applied: [], pending: [] });
    } finally {
      await first.store.close();
    }

    const second = open();
    try {
      expect(await second.migrate()).toEqual({ applied: [], pending: [] });
      expect((await second.store.reads.listPrograms()).map((p) => p.code)).toEqual(['MIG-1']);
    } finally {
      await second.store.close();
    }
  });

  it('refuses a database a newer build migrated (a migration it does not know), though every one it knows is applied', async () => {
    const s = open();
    try {
      await write(`insert into tollgate_migrations (name, timestamp) values ('9999-from-a-newer-build', '2027-01-01T00:00:00.000Z')`);
      await expect(s.migrate()).rejects.toThrow(/9999-from-a-newer-build/);
      await write(`delete from tollgate_migrations where name = '9999-from-a-newer-build'`);
      expect(await s.migrate()).toEqual({ applied: [], pending: [] });
    } finally {
      await s.store.close();
    }
  });
});

// On SQLite the same race needs two processes; test/store/sqlite-file.test.ts runs it.
describe('migrations on postgres, two instances starting at once', () => {
  it('apply each migration exactly once, the other instance finding nothing to do', async () => {
    const fresh = await createTestDatabase('postgres');
    const stores = [0, 1].map(() => openStore({ databaseUrl: fresh.databaseUrl, dataDir: fresh.dataDir }));
    try {
      const reports = await Promise.all(stores.map((s) => s.migrate()));
      expect(reports.flatMap((r) => r.applied).sort()).toEqual([...migrationNames].sort());
      expect(await stores[0]?.store.reads.countPrograms()).toBe(0);
    } finally {
      for (const s of stores) await s.store.close();
      await fresh.drop();
    }
  });
});
