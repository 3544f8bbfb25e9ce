import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/auth/create-api-token.js';
import { principalOf } from '../../src/app/auth/principal.js';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { AppDeps } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import type { Action } from '../../src/contract/action.js';
import type { MyWeek } from '../../src/contract/my-week.js';
import { addDays, dateInZone } from '../../src/domain/plain-date.js';
import type { Role } from '../../src/domain/roles.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';
import { cliNow, jsonOf, problemOf, type Serving, serveInProcess, tollgate, tollgateWith } from './run-cli.js';

const zone = 'Asia/Shanghai';
const today = () => dateInZone(new Date(cliNow), zone);

/**
 * One program and its people, written through the use cases: Priya runs the plan, Chen contributes,
 * Olu observes. Returns an API token of Priya's, for the same commands over a server.
 */
async function seed(db: TestDatabase): Promise<string> {
  const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  try {
    await opened.migrate();
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date(cliNow) }, newId: uuidv7, passwords: testPasswords };
    const created = unwrap(await createPerson(deps, { actor: null, email: 'admin@example.test', name: 'Ada Admin', isAdmin: true }));
    const admin = await principalOf(opened.store.reads, created);
    const client = unwrap(await createClient(deps, { actor: admin, name: 'Keller', country: 'DE' }));
    const program = unwrap(
      await createProgram(deps, {
        actor: admin,
        code: 'CLI-ACT',
        name: 'CLI actions program',
        clientId: client.id,
        supplierName: 'Ningbo Lisheng Electric Appliance',
        factoryCity: 'Ningbo',
        factoryCountry: 'CN',
        timeZone: zone,
      }),
    );
    const people: [string, string, Role][] = [
      ['priya@example.test', 'Priya Raman', 'cadence_owner'],
      ['chen@example.test', 'Chen Wei', 'contributor'],
      ['olu@example.test', 'Olu Bello', 'observer'],
    ];
    let priyaToken = '';
    for (const [email, name, role] of people) {
      const u = unwrap(await createPerson(deps, { actor: admin, email, name, timeZone: zone }));
      unwrap(await grantRole(deps, { actor: admin, userId: u.id, role, programId: program.id }));
      if (role === 'cadence_owner') {
        const me = await principalOf(opened.store.reads, u);
        priyaToken = unwrap(await createApiToken(deps, { actor: me, name: 'CLI test', expiresInDays: 7 })).token;
      }
    }
    return priyaToken;
  } finally {
    await opened.store.close();
  }
}

describe.each(dialects)('tollgate on %s: actions and my week', (dialect) => {
  let db: TestDatabase;
  let token: string;
  const run = (...args: string[]) => tollgate(db, '--as', 'priya@example.test', ...args);
  const as = (email: string, ...args: string[]) => tollgate(db, '--as', email, ...args);

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { now: cliNow });
    token = await seed(db);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('opens an action for an owner named by e-mail, blocking a milestone, and refuses one without an owner', async () => {
    jsonOf(
      await run(
        'milestone',
        'add',
        'CLI-ACT',
        '--name',
        'T1 samples shipped',
        '--phase',
        'G1',
        '--baseline',
        addDays(today(), 20),
        '--owner',
        'chen@example.test',
        '--json',
      ),
    );
    const a = jsonOf<Action>(
      await run(
        'action',
        'add',
        'cli-act',
        '--title',
        'Send corrected commercial invoice to broker',
        '--owner',
        'CHEN@example.test',
        '--due',
        addDays(today(), -2),
        '--severity',
        'high',
        '--blocks',
        'm-1',
        '--json',
      ),
    );
    expect(a).toMatchObject({
      key: 'A-1',
      owner: { email: 'chen@example.test' },
      severity: 'high',
      isOverdue: true,
      blocks: { key: 'M-1' },
    });

    const due = ['--due', addDays(today(), 5)];
    const nobody = await run('action', 'add', 'CLI-ACT', '--title', 'Nobody does this', ...due, '--json');
    expect(nobody.code).toBe(2);
    expect(problemOf(nobody)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--owner' }] });
    const none = await run('action', 'add', 'CLI-ACT', '--title', 'Nobody does this', ...due, '--owner', 'none', '--json');
    expect(problemOf(none)).toMatchObject({ code: 'OWNER_REQUIRED', errors: [{ path: '--owner' }] });
    const undated = await run('action', 'add', 'CLI-ACT', '--title', 'Some day', '--owner', 'chen@example.test', '--json');
    expect(problemOf(undated)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--due' }] });
    const gaps = await run('programs', 'needs-owner', 'CLI-ACT');
    expect(gaps).toMatchObject({ code: 0, stdout: 'Every open milestone, decision and action of CLI-ACT has an owner and a due date.\n' });
    const badSeverity = await run('action', 'add', 'CLI-ACT', '--title', 'x', '--owner', 'chen@example.test', '--severity', 'huge');
    expect(badSeverity).toMatchObject({ code: 2, stdout: '' });
  });

  it("lets the owner mark it done, shows it in the cadence owner's week, and closes it on confirmation", async () => {
    const refused = await run('action', 'done', 'CLI-ACT', 'A-1', '--note', 'Done by the lead');
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/^error FORBIDDEN: You lack the permission action\.done\./);
    const chenWeek = jsonOf<MyWeek>(await as('chen@example.test', 'my-week', '--json'));
    expect(chenWeek.actions.map((i) => [i.key, i.isOverdue])).toEqual([['A-1', true]]);

    const done = jsonOf<Action>(
      await as('chen@example.test', 'action', 'done', 'CLI-ACT', 'a-1', '--note', 'Invoice re-issued.', '--json'),
    );
    expect(done).toMatchObject({ status: 'done', doneNote: 'Invoice re-issued.', version: 2 });
    const week = jsonOf<MyWeek>(await run('my-week', '--json'));
    expect(week.confirmations.map((i) => [i.key, i.ask])).toEqual([['A-1', 'confirm']]);
    const text = await run('my-week');
    expect(text.stdout).toContain('Done, waiting for your confirmation (1):');
    expect(text.stdout).toContain('Send corrected commercial invoice to broker');

    const notChen = await as('chen@example.test', 'action', 'confirm', 'CLI-ACT', 'A-1');
    expect(notChen.stderr).toMatch(/^error FORBIDDEN: You lack the permission action\.confirm\./);
    const closed = jsonOf<Action>(await run('action', 'confirm', 'CLI-ACT', 'A-1', '--json'));
    expect(closed).toMatchObject({ status: 'closed', confirmedBy: { email: 'priya@example.test' }, version: 3 });
  });

  it('reopens only with a reason, and moves a due date only with one, keeping the first promise', async () => {
    const noReason = await run('action', 'reopen', 'CLI-ACT', 'A-1');
    expect(noReason).toMatchObject({ code: 1, stdout: '' });
    expect(noReason.stderr).toMatch(/^error REASON_REQUIRED: /);
    const reopened = jsonOf<Action>(await run('action', 'reopen', 'CLI-ACT', 'A-1', '--reason', 'Broker still rejects it', '--json'));
    expect(reopened).toMatchObject({ status: 'open', version: 4 });

    const first = reopened.dueDate;
    const later = addDays(today(), 40);
    const unexplained = await as('chen@example.test', 'action', 'edit', 'CLI-ACT', 'A-1', '--due', later, '--json');
    expect(problemOf(unexplained)).toMatchObject({ code: 'REASON_REQUIRED', errors: [{ path: '--reason' }] });
    const moved = jsonOf<Action>(
      await as(
        'chen@example.test',
        'action',
        'edit',
        'CLI-ACT',
        'A-1',
        '--due',
        later,
        '--reason',
        'Customs closed for the holiday',
        '--json',
      ),
    );
    expect(moved).toMatchObject({ dueDate: later, originalDueDate: first, isOverdue: false, version: 5 });
    const stale = await run('action', 'edit', 'CLI-ACT', 'A-1', '--severity', 'low', '--version', '4', '--json');
    expect(problemOf(stale)).toMatchObject({ code: 'VERSION_CONFLICT', current: { key: 'A-1', version: 5 } });
    // Due in 40 days: no longer this week's.
    expect(jsonOf<MyWeek>(await as('chen@example.test', 'my-week', '--json')).actions).toEqual([]);
  });

  it('records an effectiveness check once done, and lists by status and owner as a table or JSON', async () => {
    jsonOf(
      await run(
        'action',
        'add',
        'CLI-ACT',
        '--title',
        'Replace worn ejector pins',
        '--owner',
        'chen@example.test',
        '--due',
        addDays(today(), 5),
        '--check',
        addDays(today(), 10),
        '--json',
      ),
    );
    const early = await run('action', 'check', 'CLI-ACT', 'A-2', '--result', 'effective');
    expect(early.stderr).toMatch(/^error ACTION_STATE: /);
    jsonOf(await as('chen@example.test', 'action', 'done', 'CLI-ACT', 'A-2', '--note', 'Pins replaced', '--json'));
    const checked = jsonOf<Action>(await run('action', 'check', 'CLI-ACT', 'A-2', '--result', 'not_effective', '--json'));
    expect(checked).toMatchObject({ checkResult: 'not_effective', status: 'done' });

    const done = jsonOf<{ items: Action[] }>(await run('action', 'list', 'CLI-ACT', '--status', 'done', '--json'));
    expect(done.items.map((a) => a.key)).toEqual(['A-2']);
    const chens = jsonOf<{ items: Action[] }>(
      await as('olu@example.test', 'action', 'list', 'CLI-ACT', '--owner', 'chen@example.test', '--json'),
    );
    expect(chens.items.map((a) => a.key)).toEqual(['A-1', 'A-2']);
    expect(jsonOf(await as('chen@example.test', 'action', 'list', 'CLI-ACT', '--owner', 'me', '--json'))).toEqual(chens);
    const table = await as('olu@example.test', 'action', 'list', 'CLI-ACT');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('A-2');
    expect(table.stdout).toContain('done, waiting for confirmation');
    expect(table.stdout).toMatch(/\(was \d{4}-\d{2}-\d{2}\)/);
    const observer = await as(
      'olu@example.test',
      'action',
      'add',
      'CLI-ACT',
      '--title',
      'x',
      '--owner',
      'olu@example.test',
      '--due',
      addDays(today(), 5),
    );
    expect(observer.stderr).toMatch(/^error FORBIDDEN: You lack the permission action\.open\./);
  });

  it('pages the list: --limit, then --cursor as the page printed it; closed actions of a period; bad cursors refused', async () => {
    interface ActionPage {
      items: Action[];
      nextCursor: string | null;
      period: { since: string; until: string };
    }
    const all = jsonOf<ActionPage>(await run('action', 'list', 'CLI-ACT', '--json'));
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    expect(all.period).toEqual({ since: addDays(today(), -365), until: today() });
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i <= all.items.length; i++) {
      const page: ActionPage = jsonOf(
        await run('action', 'list', 'CLI-ACT', '--limit', '1', ...(cursor ? ['--cursor', cursor] : []), '--json'),
      );
      seen.push(...page.items.map((a) => a.key));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(all.items.map((a) => a.key));
    const table = await run('action', 'list', 'CLI-ACT', '--status', 'all', '--limit', '1');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/\nMore actions: tollgate action list CLI-ACT --status all --limit 1 --cursor [A-Za-z0-9_-]+\n/);
    expect(table.stdout).toContain(`Closed actions listed if last changed ${addDays(today(), -365)} to ${today()}`);
    // Closed a year and more ago: in no period up to today; a longer one is refused naming the option.
    const lastYear = jsonOf<ActionPage>(
      await run('action', 'list', 'CLI-ACT', '--status', 'closed', '--until', addDays(today(), -366), '--json'),
    );
    expect(lastYear.items).toEqual([]);
    const long = await run('action', 'list', 'CLI-ACT', '--since', addDays(today(), -366));
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/^error VALIDATION_FAILED: .*\n {2}--since: /);
    expect((await run('action', 'list', 'CLI-ACT', '--limit', '501')).code).toBe(2);
    expect((await run('action', 'list', 'CLI-ACT', '--cursor', 'no such cursor')).code).toBe(2);
    const forged = await run('action', 'list', 'CLI-ACT', '--cursor', Buffer.from('actions|soon|none|1').toString('base64url'));
    expect(forged.code).toBe(2);
    expect(forged.stderr).toMatch(/^error VALIDATION_FAILED: cursor: must be a nextCursor/);
  });

  it('prints the same JSON and refusals over a running server as on the database', async () => {
    const server: Serving = await serveInProcess(db);
    try {
      const remote = (...args: string[]) => tollgateWith(db, { env: { TOLLGATE_SERVER: server.url, TOLLGATE_TOKEN: token } }, ...args);
      expect(jsonOf(await remote('action', 'list', 'CLI-ACT', '--json'))).toEqual(jsonOf(await run('action', 'list', 'CLI-ACT', '--json')));
      const paged = ['action', 'list', 'CLI-ACT', '--limit', '1'];
      expect(await remote(...paged)).toEqual(await run(...paged));
      expect(jsonOf(await remote('my-week', '--json'))).toEqual(jsonOf(await run('my-week', '--json')));
      const [overHttp, onDb] = [
        await remote('action', 'confirm', 'CLI-ACT', 'A-1', '--json'),
        await run('action', 'confirm', 'CLI-ACT', 'A-1', '--json'),
      ];
      expect(overHttp.code).toBe(1);
      expect(problemOf(overHttp)).toEqual(problemOf(onDb));
      const viaServer = jsonOf<Action>(await remote('action', 'confirm', 'CLI-ACT', 'A-2', '--json'));
      expect(viaServer).toMatchObject({ status: 'closed', confirmedBy: { email: 'priya@example.test' } });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
