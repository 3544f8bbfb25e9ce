import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledOnce } from '../compiled-once.js';
import { openSqlite } from './sqlite.js';

// As the store's schema: names in camelCase, the plugin maps them to the columns' snake_case.
interface Db {
  workOrders: { id: string; partCode: string; qtyDue: number; note: string | null; photo: Buffer | null };
}

const dir = mkdtempSync(join(tmpdir(), 'tollgate-sqlite-dialect-'));
const statements: string[] = [];
const file = join(dir, 'orders.db');
const dialect = openSqlite(file, (text) => statements.push(text));
const db = dialect.db as unknown as Kysely<Db>;
await sql`CREATE TABLE work_orders (id TEXT PRIMARY KEY, part_code TEXT NOT NULL, qty_due INTEGER NOT NULL, note TEXT, photo BLOB)`.execute(
  db,
);
await sql`INSERT INTO work_orders VALUES ('a', 'A-1', 5, NULL, x'00ff'), ('b', 'B-2', 7, 'rush', NULL)`.execute(db);
afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const orderById = compiledOnce((k: Kysely<Db>, id: string) => k.selectFrom('workOrders').selectAll().where('id', '=', id));
const qtyOf = (k: Kysely<Db>, id: string) => k.selectFrom('workOrders').select('qtyDue').where('id', '=', id).executeTakeFirstOrThrow();

describe('SQLite reads compiled once', () => {
  it('come back as kysely gives them: camelCase names, every type, in order, and are told to onStatement', async () => {
    const before = statements.length;
    const direct = await orderById(db, 'a');
    const viaKysely = await db.selectFrom('workOrders').selectAll().where('id', '=', 'a').execute();
    expect(direct.rows).toEqual(viaKysely);
    expect(direct.rows).toEqual([{ id: 'a', partCode: 'A-1', qtyDue: 5, note: null, photo: Buffer.from([0, 255]) }]);
    expect((await orderById(db, 'b')).rows).toEqual([{ id: 'b', partCode: 'B-2', qtyDue: 7, note: 'rush', photo: null }]);
    expect((await orderById(db, 'none')).rows).toEqual([]);
    expect(statements.slice(before).filter((t) => t.startsWith('select * from "work_orders"'))).toHaveLength(4);
  });

  it('wait for a write transaction in progress and never see what it has not committed', async () => {
    let read: Promise<unknown> | undefined;
    let settled = false;
    await expect(
      dialect.transaction(async (conn) => {
        await sql`UPDATE work_orders SET qty_due = 99 WHERE id = 'a'`.execute(conn);
        // The same connection holds the uncommitted change: a read run on it now would see 99.
        read = orderById(db, 'a').then((r) => {
          settled = true;
          return r.rows;
        });
        for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
        expect(settled).toBe(false);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await read).toEqual([expect.objectContaining({ id: 'a', qtyDue: 5 })]);
    expect((await qtyOf(db, 'a')).qtyDue).toBe(5);
  });

  it('see a committed write at once', async () => {
    await dialect.transaction(async (conn) => {
      await sql`UPDATE work_orders SET qty_due = 6 WHERE id = 'a'`.execute(conn);
    });
    expect((await orderById(db, 'a')).rows).toEqual([expect.objectContaining({ qtyDue: 6 })]);
  });

  it('follow a column added by another connection (a migration elsewhere): names are worked out again', async () => {
    expect(Object.keys((await orderById(db, 'a')).rows[0] as object)).not.toContain('lotNo');
    const other = new Database(file);
    other.exec(`ALTER TABLE work_orders ADD COLUMN lot_no TEXT DEFAULT 'L-7'`);
    other.close();
    const first = await orderById(db, 'a');
    expect(first.rows).toEqual([expect.objectContaining({ id: 'a', partCode: 'A-1', lotNo: 'L-7' })]);
    expect((await orderById(db, 'b')).rows).toEqual([expect.objectContaining({ id: 'b', note: 'rush', lotNo: 'L-7' })]);
  });

  it('inside a transaction run on its connection and see its own change', async () => {
    await dialect.transaction(async (conn) => {
      await sql`UPDATE work_orders SET qty_due = 8 WHERE id = 'b'`.execute(conn);
      expect((await orderById(conn as unknown as Kysely<Db>, 'b')).rows).toEqual([expect.objectContaining({ qtyDue: 8 })]);
    });
  });
});
