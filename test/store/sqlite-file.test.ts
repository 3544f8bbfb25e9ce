import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalOf } from '../../src/app/auth/principal.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import { moveMilestone } from '../../src/app/move-milestone.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import type { User } from '../../src/app/ports.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { AuthorizedProgramId } from '../../src/domain/policy.js';
import { openSqlite } from '../../src/store/dialects/sqlite.js';
import { migrationNames } from '../../src/store/migrate.js';
import { openStore } from '../../src/store/open-store.js';
import { assertBuilt } from '../cli/run-cli.js';
import { addFirstAdmin } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';

const child = fileURLToPath(new URL('./fixtures/sqlite-child.mjs', import.meta.url));

/** Starts the child script in its own Node process and collects its output lines. */
function start(mode: 'migrate' | 'write', file: string) {
  const proc: ChildProcessWithoutNullStreams = spawn(process.execPath, [child, mode, file], { stdio: 'pipe' });
  const lines: string[] = [];
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  let buffer = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      lines.push(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
    }
    for (const w of waiters.filter((x) => lines.includes(x.text))) w.resolve();
  });
  proc.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    lines,
    exited,
    stderr: () => stderr,
    /** Resolves once the child has printed the line. */
    waitFor: (text: string) =>
      new Promise<void>((resolve, reject) => {
        if (lines.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void exited.then((code) => reject(new Error(`child exited (${code}) before "${text}": ${stderr}`)));
      }),
  };
}

describe('the SQLite file', () => {
  let db: TestDatabase;
  let file: string;

  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase('sqlite');
    file = join(db.dataDir, 'tollgate.db');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('keeps every acknowledged write after close and reopen; migrating again is a no-op', async () => {
    const first = openStore({ dataDir: db.dataDir });
    expect(first.location).toBe(file);
    expect((await first.migrate()).applied).toEqual(migrationNames);
    const deps = { store: first.store, clock: { now: () => new Date('2026-03-11T04:00:00Z') }, newId: uuidv7, passwords: testPasswords };
    const admin = await addFirstAdmin(deps);
    const client = unwrap(await createClient(deps, { actor: admin, name: 'Northwind Outdoor Co.', country: 'US' }));
    const program = unwrap(
      await createProgram(deps, {
        actor: admin,
        code: 'NW-TENT2P',
        name: 'TrailLite 2P Tent',
        clientId: client.id,
        supplierName: 'Ningbo Evergreen',
        factoryCity: 'Ningbo',
        factoryCountry: 'CN',
        timeZone: 'Asia/Shanghai',
      }),
    );
    // Milestones are written by the program's cadence owner.
    unwrap(await grantRole(deps, { actor: admin, userId: admin.id, programId: program.id, role: 'cadence_owner' }));
    const actor = await principalOf(first.store.reads, (await first.store.reads.findUser(admin.id)) as User);
    const programId = program.id as AuthorizedProgramId;
    const m = unwrap(
      await createMilestone(deps, {
        programId: program.id,
        actor,
        ownerId: actor.id,
        name: 'T1 samples shipped',
        phase: 'G1',
        baselineDate: '2026-03-20' as PlainDate,
        isCritical: true,
      }),
    );
    unwrap(
      await moveMilestone(deps, {
        programId: program.id,
        milestoneId: m.milestone.id,
        version: 1,
        actor,
        forecastDate: '2026-03-24' as PlainDate,
        reason: 'Resin shortage',
      }),
    );
    const log = await first.store.reads.listChanges(programId, { limit: 100 });
    const stored = await first.store.reads.findProgram('NW-TENT2P');
    // Each write transaction in the program counted its revision up.
    expect(stored?.revision).toBeGreaterThan(program.revision);
    await first.store.close();

    const again = openStore({ dataDir: db.dataDir });
    try {
      expect(await again.migrate()).toEqual({ applied: [], pending: [] });
      const r = again.store.reads;
      expect(await r.findProgram('NW-TENT2P')).toEqual({ ...program, revision: stored?.revision });
      expect(await r.findMilestone(programId, 'M-1')).toMatchObject({ forecastDate: '2026-03-24', isCritical: true, version: 2 });
      expect(await r.listChanges(programId, { limit: 100 })).toEqual(log);
      expect(log.find((c) => c.field === 'forecastDate' && c.oldValue !== null)?.reason).toBe('Resin shortage');
    } finally {
      await again.store.close();
    }
  });

  it('is opened in WAL mode with foreign keys enforced and full fsync on commit', async () => {
    const k = openSqlite(file).db;
    try {
      const pragma = async (name: string) => Object.values((await sql.raw(`PRAGMA ${name}`).execute(k)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('synchronous')).toBe(2);
    } finally {
      await k.destroy();
    }
    // WAL is a property of the file: a bare connection sees it too.
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('lets the event loop turn before each write transaction, so a run of them never holds the server', async () => {
    const d = openSqlite(file);
    try {
      // Statements run on this thread: without a turn between transactions, work waiting for the loop (a
      // request, here a callback queued for the loop's next turn) would wait for all ten.
      const turns: number[] = [];
      let done = 0;
      let ticking = true;
      const tick = () => {
        turns.push(done);
        if (ticking) setImmediate(tick);
      };
      setImmediate(tick);
      for (let i = 0; i < 10; i++) {
        await d.transaction(async (conn) => {
          await sql`select 1`.execute(conn);
        });
        done++;
      }
      ticking = false;
      // The loop came round between the transactions, not only after the last.
      expect(turns.filter((n) => n < 10).length).toBeGreaterThanOrEqual(5);
    } finally {
      await d.db.destroy();
    }
  });
  it('keeps a write acknowledged by a process that is then killed without closing', { timeout: 120_000 }, async () => {
    const crashFile = join(db.dataDir, 'crash.db');
    const writer = start('write', crashFile);
    await writer.waitFor('written');
    writer.proc.kill('SIGKILL');
    await writer.exited;
    expect(existsSync(`${crashFile}-wal`)).toBe(true);

    const reopened = openStore({ databaseUrl: `sqlite:${crashFile}`, dataDir: db.dataDir });
    try {
      expect(await reopened.migrate()).toEqual({ applied: [], pending: [] });
      expect((await reopened.store.reads.findProgram('CRASH-1'))?.name).toBe('Written before the crash');
    } finally {
      await reopened.store.close();
    }
  });

  it('two processes migrating a new file at once: one applies, the other waits and finds nothing to do', { timeout: 120_000 }, async () => {
    const shared = join(db.dataDir, 'shared.db');
    const children = [start('migrate', shared), start('migrate', shared)];
    await Promise.all(children.map((c) => c.waitFor('ready')));
    for (const c of children) c.proc.stdin.write('go\n');
    const codes = await Promise.all(children.map((c) => c.exited));
    const reports = children.map((c) => JSON.parse(c.lines.at(-1) ?? '{}') as { applied?: string[]; error?: string });
    expect(codes, JSON.stringify(reports)).toEqual([0, 0]);
    expect(reports.flatMap((r) => r.applied ?? []).sort()).toEqual([...migrationNames].sort());
  });
});
