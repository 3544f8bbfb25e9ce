import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/deps.js';
import type { Milestone } from '../../src/contract/milestone.js';
import type { ProgramList, ProgramSummary } from '../../src/contract/program.js';
import { buildApp } from '../../src/http/build-app.js';
import { migrationNames } from '../../src/store/migrate.js';
import { openStore } from '../../src/store/open-store.js';
import { adminUrl, createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';
import { assertBuilt, cliNow, jsonOf, problemOf, tollgate, tollgateWith } from './run-cli.js';

describe.each(dialects)('tollgate on %s: database, demo and portfolio', (dialect) => {
  let db: TestDatabase;
  const as = (email: string, ...args: string[]) => tollgate(db, '--as', email, ...args);

  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase(dialect, { now: cliNow });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('migrates a new database, and the second time finds it up to date', async () => {
    const first = jsonOf<{ database: string; applied: string[] }>(await tollgate(db, 'migrate', '--json'));
    expect(first).toMatchObject({ database: dialect, applied: migrationNames });
    const second = await tollgate(db, 'migrate');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/ is up to date\.\n$/);
  });

  it('loads the demo into the empty database and refuses to load it twice', async () => {
    const loaded = jsonOf(await tollgate(db, 'demo', '--json'));
    expect(loaded).toEqual({ clients: 4, programs: 9, milestones: expect.any(Number), people: 12 });
    const again = await tollgate(db, 'demo');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^error DEMO_NOT_EMPTY: The database already holds data \(9 programs, \d+ milestones, 4 clients, 12 people/,
    );
    expect(again.stderr).toContain('To start afresh with the demo (this deletes all of it): npx tollgate demo --reset');
  });

  it('starts afresh with --reset only when confirmed: by --yes, or by typing the database name at a terminal', async () => {
    const programIds = async () => (await db.rows('select id from programs order by code')).map((r) => r.id);
    const before = await programIds();
    // Without a terminal to ask at and without --yes: refused, nothing deleted.
    const unasked = await tollgate(db, 'demo', '--reset');
    expect(unasked).toMatchObject({ code: 2, stdout: '' });
    expect(unasked.stderr).toMatch(
      /^error VALIDATION_FAILED: --reset deletes 9 programs, \d+ milestones, 4 clients, 12 people \([\d,]+ records in all\) in .*; nothing was deleted\. Without a terminal to ask at, add --yes to confirm\.$/m,
    );
    // At a terminal, a wrong answer deletes nothing.
    const declined = await tollgateWith(db, { tty: true, input: 'yes\n' }, 'demo', '--reset');
    expect(declined.code).toBe(1);
    expect(declined.stderr).toContain('This deletes 9 programs');
    expect(declined.stderr).toContain('Not reset: nothing was deleted.');
    expect(await programIds()).toEqual(before);
    // A reset loads the whole demo again (seconds; emptying the data is tested on both dialects in
    // test/store/store.test.ts), once per run, on SQLite: by --yes (as scripts do; a person types the
    // database's name at the prompt declined above), with JSON saying what was deleted.
    if (dialect !== 'sqlite') return;
    const scripted = jsonOf<{ programs: number; deleted: { programs: number; people: number } }>(
      await tollgate(db, 'demo', '--reset', '--yes', '--json'),
    );
    expect(scripted).toMatchObject({ programs: 9, deleted: { programs: 9, people: 12 } });
    const afresh = await programIds();
    expect(afresh).toHaveLength(9);
    expect(afresh.filter((id) => before.includes(id))).toEqual([]);
    // The demo's twelve people; Tollgate's system actors (the demo's floor events raised escalations) are not people.
    expect(Number((await db.rows("select count(*) as n from users where id not like 'system:%'"))[0]?.n)).toBe(12);
  });

  it('asks who acts before showing anything', async () => {
    const r = await tollgate(db, 'programs', 'list');
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('error UNAUTHENTICATED: say who you are: --as <email>, TOLLGATE_AS, or tollgate login\n');
    const unknown = await as('nobody@demo.test', 'programs', 'list', '--json');
    expect(unknown.code).toBe(1);
    expect(problemOf(unknown)).toMatchObject({ code: 'UNAUTHENTICATED' });
    const typo = await as('not-an-email', 'programs', 'list');
    expect(typo).toMatchObject({ code: 2, stdout: '' });
    expect(typo.stderr).toMatch(/^error VALIDATION_FAILED: --as "not-an-email": /);
  });

  it("prints the cadence owner's portfolio exactly as the API gives it to them", async () => {
    const list = jsonOf<ProgramList>(await as('lead@demo.test', 'programs', 'list', '--json'));
    // TOLLGATE_AS names the person as --as does, and --as may follow the command too.
    expect(jsonOf(await tollgateWith(db, { env: { TOLLGATE_AS: 'lead@demo.test' } }, 'programs', 'list', '--json'))).toEqual(list);
    expect(jsonOf(await tollgate(db, 'programs', 'list', '--json', '--as', 'lead@demo.test'))).toEqual(list);
    expect(list.items).toHaveLength(8);
    expect(list.items.map((p) => p.code)).not.toContain('HM-WINCH3');
    expect(new Set(list.items.map((p) => p.health))).toEqual(new Set(['late', 'at_risk', 'on_track']));
    expect(list.items[0]).toMatchObject({ myRoles: ['cadence_owner'], can: { 'milestone.move': 'yes' } });

    // The same database through the HTTP API, signed in as the same person, gives exactly the same JSON.
    const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date(cliNow) }, newId: uuidv7, passwords: testPasswords };
    const api = await buildApp({ app: deps, version: 'test' });
    try {
      const login = await api.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'lead@demo.test', password: 'tollgate-demo' },
      });
      expect(login.statusCode).toBe(200);
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const res = await api.inject({ method: 'GET', url: '/api/v1/programs', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      expect(list).toEqual(res.json());
    } finally {
      await api.close();
      await opened.store.close();
    }
  });

  it('prints the portfolio for people: health in words, why, next milestone', async () => {
    const r = await as('lead@demo.test', 'programs', 'list');
    expect(r.code).toBe(0);
    const row = (code: string) => r.stdout.split('\n').find((l) => l.includes(` ${code} `)) ?? '';
    expect(row('KHG-KW500')).toMatch(/│ late +│ M-\d+ is \d+ business days behind/);
    expect(row('NW-PACK22')).toMatch(/│ at risk +│ M-\d+ is 2 business days behind/);
    expect(row('NW-BOTTLE')).toMatch(/│ on track +│ on plan +│ M-\d+ /);
    expect(row('NW-TENT2P')).toMatch(/│ late +│ M-\d+ overdue by \d+ business/);
    expect(r.stdout).toContain('(tolerance 3)');
  });

  it('shows one program by code in any case, with every milestone and what the person may do', async () => {
    const shown = jsonOf<{ program: ProgramSummary; milestones: Milestone[] }>(
      await as('quality@demo.test', 'programs', 'show', 'khg-kw500', '--json'),
    );
    expect(shown.program).toMatchObject({
      code: 'KHG-KW500',
      myRoles: ['quality_owner'],
      can: { 'milestone.move': 'own', 'milestone.create': 'no' },
    });
    expect(shown.milestones).toHaveLength(shown.program.milestoneCount);
    expect(shown.milestones.filter((m) => m.actualDate !== null)).toHaveLength(shown.program.doneCount);

    const r = await as('quality@demo.test', 'programs', 'show', 'KHG-KW500');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^KHG-KW500 {2}Kettle KW-500\n/);
    expect(r.stdout).toMatch(/ Health +late: M-\d+ is 9 business days behind baseline \(tolerance 3\)/);
    expect(r.stdout).toMatch(
      / You +quality owner: milestones: move \(own items\), complete \(own items\); decisions: request, decide \(own items\);/,
    );
    expect(r.stdout).toMatch(/│ \+9 bd +│ late +│/);
    expect(r.stdout).toContain('│ no owner ');
    const late = shown.milestones.find((m) => m.health === 'late');
    expect(late?.varianceDays).toBe(9);
  });

  it('keeps clients apart: a person of another client sees only their program, and nothing of this one', async () => {
    const list = jsonOf<ProgramList>(await as('other@demo.test', 'programs', 'list', '--json'));
    expect(list.items.map((p) => p.code)).toEqual(['HM-WINCH3']);
    // Refused exactly like a program that does not exist.
    const hidden = await as('other@demo.test', 'programs', 'show', 'KHG-KW500');
    const missing = await as('other@demo.test', 'programs', 'show', 'NO-SUCH');
    expect(hidden).toMatchObject({ code: 1, stdout: '' });
    expect(hidden.stderr).toBe('error PROGRAM_NOT_FOUND: No program "KHG-KW500". See `tollgate programs list` for the codes.\n');
    expect(missing.stderr).toBe(hidden.stderr.replace('KHG-KW500', 'NO-SUCH'));
    const changes = await as('other@demo.test', 'changes', 'KHG-KW500', '--json');
    expect(changes.code).toBe(1);
    expect(problemOf(changes)).toMatchObject({ code: 'PROGRAM_NOT_FOUND' });
  });

  it('searches by words and by code only in the programs the person sees', async () => {
    type Results = { groups: { kind: string; items: { programCode: string; key: string | null }[]; hasMore: boolean }[] };
    const codes = (r: Results, kind: string) => r.groups.find((g) => g.kind === kind)?.items.map((h) => h.programCode) ?? [];
    type Hit = { programCode: string; key: string | null; title: string };
    const hits = (r: Results, kind: string) => (r.groups.find((g) => g.kind === kind)?.items ?? []) as Hit[];
    const other = jsonOf<Results>(await as('other@demo.test', 'search', 'm-1', '--json'));
    expect(codes(other, 'milestone')).toEqual(['HM-WINCH3']);
    const lead = jsonOf<Results>(await as('lead@demo.test', 'search', 'M-1', '--json'));
    expect(codes(lead, 'milestone')).toHaveLength(8);
    expect(codes(lead, 'milestone')).not.toContain('HM-WINCH3');
    // Its words, in capitals, find it too.
    const title = hits(other, 'milestone')[0]?.title ?? '';
    const byWords = jsonOf<Results>(await as('other@demo.test', 'search', ...title.toUpperCase().split(' '), '--json'));
    expect(hits(byWords, 'milestone').map((h) => `${h.programCode} ${h.key}`)).toContain('HM-WINCH3 M-1');
    expect(codes(byWords, 'milestone').every((c) => c === 'HM-WINCH3')).toBe(true);
    const table = await as('lead@demo.test', 'search', 'khg-kw500');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Programs \(1\):\n/);
    expect(table.stdout).toContain('KHG-KW500');
    expect(await as('other@demo.test', 'search', 'khg-kw500')).toMatchObject({
      code: 0,
      stdout: 'Nothing found for "khg-kw500" in the programs you see.\n',
    });
    const tooLong = await as('lead@demo.test', 'search', 'x'.repeat(101));
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/^error VALIDATION_FAILED: <words> /);
  });

  it("lists a program's people, who can own its milestones", async () => {
    const people = jsonOf<{ items: { email: string; roles: string[] }[] }>(
      await as('observer@demo.test', 'programs', 'people', 'KHG-KW500', '--json'),
    );
    expect(people.items).toContainEqual(expect.objectContaining({ email: 'lead@demo.test', roles: ['cadence_owner'] }));
    expect(people.items.map((p) => p.email)).not.toContain('other@demo.test');
    const r = await as('observer@demo.test', 'programs', 'people', 'KHG-KW500');
    expect(r.stdout).toMatch(/│ Dana Whitfield +│ lead@demo\.test +│ cadence owner +│/);
  });

  it('lists everyone with status and roles for admins only', async () => {
    const people = jsonOf<{
      items: { email: string; status: string; isAdmin: boolean; memberships: { role: string; programCode: string | null }[] }[];
    }>(await as('admin@demo.test', 'users', 'list', '--json'));
    expect(people.items).toHaveLength(12);
    expect(people.items.find((p) => p.email === 'admin@demo.test')).toMatchObject({ status: 'active', isAdmin: true });
    const other = people.items.find((p) => p.email === 'other@demo.test')?.memberships ?? [];
    expect(other.map((m) => [m.role, m.programCode]).sort()).toEqual([['cadence_owner', 'HM-WINCH3']]);
    const table = await as('admin@demo.test', 'users');
    expect(table.stdout).toMatch(
      /│ Dana Whitfield +│ lead@demo\.test +│ active +│ no +│ cadence owner on Northwind Outdoor Co\. \(all programs\) +│/,
    );
    const refused = await as('lead@demo.test', 'users', 'list');
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe('error FORBIDDEN: You lack the permission people.manage. It needs a workspace admin.\n');
  });

  it('says who the commands act as', async () => {
    const me = jsonOf<{ email: string; isAdmin: boolean; memberships: unknown[]; connection: { kind: string } }>(
      await as('supplier@demo.test', 'whoami', '--json'),
    );
    expect(me).toMatchObject({ email: 'supplier@demo.test', isAdmin: false, connection: { kind: 'database' } });
    expect(me.memberships).toHaveLength(3);
    const r = await as('supplier@demo.test', 'whoami');
    expect(r.stdout).toMatch(/^Chen Wei <supplier@demo\.test>\n {2}roles: contributor on Northwind Outdoor Co\. \(all programs\); /);
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
    for (const command of [
      'programs\\|program',
      'client\\|clients',
      'supplier\\|suppliers',
      'factory\\|factories',
      'milestone',
      'changes',
      'users\\|user',
      'login',
      'logout',
      'whoami',
      'account',
      'token\\|tokens',
      'serve',
      'migrate',
      'demo',
    ])
      expect(r.stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    expect(r.stdout).toContain('Exit status: 0 done, 1 refused');
    expect(r.stdout).toContain('--as <email> (or TOLLGATE_AS)');
  });

  it('exits 2 for a mistyped command, a missing argument or --as with --server', async () => {
    const typo = await tollgate(db, 'programz');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^error: unknown command 'programz' \(Did you mean (one of program, )?programs\?\)$/m);
    // A mistyped subcommand of a group with a default command (programs → list), and a mistyped option.
    const sub = await tollgate(db, 'programs', 'lst');
    expect(sub).toMatchObject({ code: 2, stdout: '' });
    expect(sub.stderr).toMatch(/^error: unknown command 'lst' \(Did you mean list\?\)$/m);
    expect((await tollgate(db, 'milestone', 'mvoe')).stderr).toMatch(/^error: unknown command 'mvoe' \(Did you mean move\?\)$/m);
    const option = await tollgate(db, 'changes', 'KHG-KW500', '--limt', '3');
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^error: unknown option '--limt' \(Did you mean --limit\?\)$/m);
    const missing = await tollgate(db, 'changes');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument 'program'/);
    const both = await tollgate(db, '--as', 'lead@demo.test', '--server', 'http://127.0.0.1:9', 'programs', 'list');
    expect(both).toMatchObject({ code: 2, stdout: '' });
    expect(both.stderr).toMatch(/^error VALIDATION_FAILED: --as: Give --as \(the database, as that person\) or --server/);
  });
});

describe('tollgate on postgres: a command and its connections', () => {
  let db: TestDatabase;
  const name = () => new URL(db.databaseUrl ?? '').pathname.slice(1);
  /** Sessions PostgreSQL has counted on the database (pg_stat_database, read over the admin database). */
  const sessions = async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const r = await admin.query<{ sessions: string }>('select sessions from pg_stat_database where datname = $1', [name()]);
      return Number(r.rows[0]?.sessions ?? 0);
    } finally {
      await admin.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('postgres', { from: 'demo' });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('opens one connection for a command that reads several things at once, not one per read', async () => {
    // `programs show` reads the program, its milestones, people and figures side by side: on a pool of
    // ten that was four connections (each a server process start); a one-shot command needs one.
    const before = await sessions();
    const shown = await tollgateWith(db, { ownConnection: true }, '--as', 'lead@demo.test', 'programs', 'show', 'KHG-KW500');
    expect(shown.code, shown.stderr).toBe(0);
    // PostgreSQL counts a session when it ends, a moment after the command has closed it.
    await expect.poll(sessions).toBeGreaterThan(before);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await sessions()).toBe(before + 1);
  });
});
