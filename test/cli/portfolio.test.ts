import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/deps.js';
import type { Milestone } from '../../src/contract/milestone.js';
import type { ProgramList, ProgramSummary } from '../../src/contract/program.js';
import { buildApp } from '../../src/http/build-app.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { assertBuilt, jsonOf, tollgate } from './run-cli.js';

describe.each(dialects)('tollgate on %s: database, demo and portfolio', (dialect) => {
  let db: TestDatabase;

  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('migrates a new database, and the second time finds it up to date', async () => {
    const first = jsonOf<{ database: string; applied: string[] }>(await tollgate(db, 'migrate', '--json'));
    expect(first).toMatchObject({ database: dialect, applied: ['0001-foundation'] });
    const second = await tollgate(db, 'migrate');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/ is up to date\.\n$/);
  });

  it('loads the demo into the empty database and refuses to load it twice', async () => {
    const loaded = jsonOf(await tollgate(db, 'demo', '--json'));
    expect(loaded).toEqual({ clients: 3, programs: 8, milestones: expect.any(Number), people: 9 });
    const again = await tollgate(db, 'demo');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error DEMO_NOT_EMPTY: /);
  });

  it('prints the portfolio as the API does, with late, at-risk and on-track programs', async () => {
    const list = jsonOf<ProgramList>(await tollgate(db, 'programs', 'list', '--json'));
    expect(list.items).toHaveLength(8);
    expect(new Set(list.items.map((p) => p.health))).toEqual(new Set(['late', 'at_risk', 'on_track']));

    // The same database through the HTTP API gives exactly the same JSON.
    const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date() }, newId: uuidv7 };
    const api = await buildApp({ app: deps, actorOf: async () => ({ id: 'nobody' as never, name: 'nobody' }), version: 'test' });
    try {
      const res = await api.inject({ method: 'GET', url: '/api/v1/programs' });
      expect(res.statusCode).toBe(200);
      expect(list).toEqual(res.json());
    } finally {
      await api.close();
      await opened.store.close();
    }
  });

  it('prints the portfolio for people: health in words, why, next milestone', async () => {
    const r = await tollgate(db, 'programs', 'list');
    expect(r.code).toBe(0);
    const row = (code: string) => r.stdout.split('\n').find((l) => l.includes(` ${code} `)) ?? '';
    expect(row('KHG-KW500')).toMatch(/│ late +│ M-\d+ is \d+ business days behind/);
    expect(row('NW-PACK22')).toMatch(/│ at risk +│ M-\d+ is 2 business days behind/);
    expect(row('NW-BOTTLE')).toMatch(/│ on track +│ on plan +│ M-\d+ /);
    expect(row('NW-TENT2P')).toMatch(/│ late +│ M-\d+ overdue by \d+ business/);
    expect(r.stdout).toContain('(tolerance 3)');
  });

  it('shows one program by code in any case, with every milestone', async () => {
    const shown = jsonOf<{ program: ProgramSummary; milestones: Milestone[] }>(
      await tollgate(db, 'programs', 'show', 'khg-kw500', '--json'),
    );
    expect(shown.program.code).toBe('KHG-KW500');
    expect(shown.milestones).toHaveLength(shown.program.milestoneCount);
    expect(shown.milestones.filter((m) => m.actualDate !== null)).toHaveLength(shown.program.doneCount);

    const r = await tollgate(db, 'programs', 'show', 'KHG-KW500');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^KHG-KW500 {2}Kettle KW-500\n/);
    expect(r.stdout).toMatch(/ Health +late: M-\d+ is 9 business days behind baseline \(tolerance 3\)/);
    expect(r.stdout).toMatch(/│ \+9 bd +│ late +│/);
    expect(r.stdout).toContain('│ no owner ');
    const late = shown.milestones.find((m) => m.health === 'late');
    expect(late?.varianceDays).toBe(9);
  });

  it('refuses an unknown program with PROGRAM_NOT_FOUND and exit 1, as text or JSON', async () => {
    const r = await tollgate(db, 'programs', 'show', 'NO-SUCH');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^error PROGRAM_NOT_FOUND: No program "NO-SUCH"/);
    const j = await tollgate(db, 'programs', 'show', 'NO-SUCH', '--json');
    expect(j).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(j.stderr)).toMatchObject({ code: 'PROGRAM_NOT_FOUND' });
  });

  it('lists the people who can own milestones, including the local user the CLI acts as', async () => {
    const people = jsonOf<{ items: { email: string }[] }>(await tollgate(db, 'users', 'list', '--json'));
    expect(people.items).toHaveLength(10);
    expect(people.items.map((u) => u.email)).toContain('local@tollgate.invalid');
    const r = await tollgate(db, 'users');
    expect(r.stdout).toMatch(/│ Chen Wei +│ chen\.wei@demo\.test +│ Asia\/Shanghai /);
  });
});

describe('tollgate help and usage errors', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('explains every command group to a new user', async () => {
    const r = await tollgate(db, '--help');
    expect(r.code).toBe(0);
    for (const command of ['programs', 'milestone', 'changes', 'users', 'serve', 'migrate', 'demo'])
      expect(r.stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    expect(r.stdout).toContain('Exit status: 0 done, 1 refused');
  });

  it('exits 2 for a mistyped command or a missing argument', async () => {
    const typo = await tollgate(db, 'programz');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown command 'programz'/);
    const missing = await tollgate(db, 'changes');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument 'program'/);
  });
});
