import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledOnce } from './compiled-once.js';

interface Db {
  parts: { id: string; code: string; qty: number };
}

const dir = mkdtempSync(join(tmpdir(), 'tollgate-compiled-once-'));
const sqlite = new Database(join(dir, 'parts.db'));
sqlite.exec(`CREATE TABLE parts (id TEXT PRIMARY KEY, code TEXT NOT NULL, qty INTEGER NOT NULL);
  INSERT INTO parts VALUES ('a', 'A-1', 5), ('b', 'B-2', 7), ('c', 'C-3', 9);`);
const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: sqlite }) });
afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('compiledOnce', () => {
  it('runs the query compiled on the first call with each later call’s values, constants kept', async () => {
    const byIdOrCode = compiledOnce((k: Kysely<Db>, id: string, code: string) =>
      k
        .selectFrom('parts')
        .select(['id', 'qty'])
        .where((eb) => eb.or([eb('id', '=', id), eb('code', '=', code)]))
        .where('qty', '>', 6),
    );
    expect((await byIdOrCode(db, 'a', 'nothing')).rows).toEqual([]);
    expect((await byIdOrCode(db, 'b', 'nothing')).rows).toEqual([{ id: 'b', qty: 7 }]);
    expect((await byIdOrCode(db, 'x', 'C-3')).rows).toEqual([{ id: 'c', qty: 9 }]);
  });

  it('works inside a transaction of the same database', async () => {
    const qty = compiledOnce((k: Kysely<Db>, id: string) => k.selectFrom('parts').select('qty').where('id', '=', id));
    expect((await qty(db, 'a')).rows).toEqual([{ qty: 5 }]);
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('parts').set({ qty: 6 }).where('id', '=', 'a').execute();
      expect((await qty(tx, 'a')).rows).toEqual([{ qty: 6 }]);
    });
  });

  it('refuses a query that changes an argument before it reaches the database', async () => {
    const upper = compiledOnce((k: Kysely<Db>, code: string) => k.selectFrom('parts').select('id').where('code', '=', code.toUpperCase()));
    await expect(upper(db, 'a-1')).rejects.toThrow(/every argument must reach the query as a parameter/);
  });
});
