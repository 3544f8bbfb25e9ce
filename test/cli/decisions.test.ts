import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalOf } from '../../src/app/auth/principal.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { AppDeps } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import type { Change } from '../../src/contract/change.js';
import type { Decision } from '../../src/contract/decision.js';
import { addDays, dateInZone } from '../../src/domain/plain-date.js';
import type { Role } from '../../src/domain/roles.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';
import { cliNow, jsonOf, problemOf, type Serving, serveInProcess, tollgate, tollgateWith } from './run-cli.js';

const zone = 'Asia/Kolkata';
const today = () => dateInZone(new Date(cliNow), zone);

/**
 * One program written through the use cases: Priya runs the plan (cadence owner), Jonas decides
 * (decision owner), Chen contributes; one milestone, M-1, for decisions to link to.
 */
async function seed(db: TestDatabase): Promise<void> {
  const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  try {
    await opened.migrate();
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date(cliNow) }, newId: uuidv7, passwords: testPasswords };
    const reads = opened.store.reads;
    const admin = await principalOf(
      reads,
      unwrap(await createPerson(deps, { actor: null, email: 'admin@example.test', name: 'Ada Admin', isAdmin: true })),
    );
    const client = unwrap(await createClient(deps, { actor: admin, name: 'Keller', country: 'DE' }));
    const program = unwrap(
      await createProgram(deps, {
        actor: admin,
        code: 'CLI-DEC',
        name: 'CLI decisions',
        clientId: client.id,
        supplierName: 'Pune Precision Moulders',
        factoryCity: 'Pune',
        factoryCountry: 'IN',
        timeZone: zone,
      }),
    );
    const people: [string, string, Role][] = [
      ['priya@example.test', 'Priya Raman', 'cadence_owner'],
      ['jonas@example.test', 'Jonas Keller', 'decision_owner'],
      ['chen@example.test', 'Chen Wei', 'contributor'],
    ];
    for (const [email, name, role] of people) {
      const u = unwrap(await createPerson(deps, { actor: admin, email, name, timeZone: zone }));
      unwrap(await grantRole(deps, { actor: admin, userId: u.id, role, programId: program.id }));
    }
    const priya = await principalOf(
      reads,
      (await reads.findUserByEmail('priya@example.test')) as NonNullable<Awaited<ReturnType<typeof reads.findUserByEmail>>>,
    );
    unwrap(
      await createMilestone(deps, {
        programId: program.id,
        actor: priya,
        ownerId: priya.id,
        name: 'T1 samples shipped',
        phase: 'G1',
        baselineDate: addDays(today(), 30),
      }),
    );
  } finally {
    await opened.store.close();
  }
}

describe.each(dialects)('tollgate decision on %s', (dialect) => {
  let db: TestDatabase;
  const as = (email: string, ...args: string[]) => tollgate(db, '--as', email, ...args);
  const priya = (...args: string[]) => as('priya@example.test', ...args);
  const jonas = (...args: string[]) => as('jonas@example.test', ...args);
  const due = addDays(today(), 5);
  const overdue = addDays(today(), -2);
  const later = addDays(today(), 12);

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { now: cliNow });
    await seed(db);
  });
  afterAll(async () => {
    await db?.drop();
  });

  // One round trip on the database, in steps that build on each other.
  it('requests decisions with owner, due date, options and links; refuses one without a deciding owner', async () => {
    const d1 = jsonOf<Decision>(
      await priya(
        'decision',
        'request',
        'cli-dec',
        '--statement',
        'Approve tooling rework on cavity 2 (+6 k USD)',
        '--owner',
        'jonas@example.test',
        '--due',
        due,
        '--context',
        'Sink marks on T1 parts',
        '--option',
        'Rework cavity 2',
        '--option',
        'Run on cavity 1 only',
        '--link',
        'M-1',
        '--json',
      ),
    );
    expect(d1).toMatchObject({
      key: 'D-1',
      status: 'open',
      owner: { email: 'jonas@example.test' },
      requestedBy: { email: 'priya@example.test' },
      dueDate: due,
      options: 'Rework cavity 2\nRun on cavity 1 only',
      links: [{ entity: 'milestone', key: 'M-1', title: 'T1 samples shipped' }],
      flags: [],
    });
    const d2 = jsonOf<Decision>(
      await priya(
        'decision',
        'request',
        'CLI-DEC',
        '--statement',
        'Accept T1 cosmetic deviation',
        '--owner',
        'jonas@example.test',
        '--due',
        overdue,
        '--json',
      ),
    );
    const d3 = jsonOf<Decision>(
      await priya(
        'decision',
        'request',
        'CLI-DEC',
        '--statement',
        'Switch resin',
        '--owner',
        'jonas@example.test',
        '--due',
        later,
        '--json',
      ),
    );
    expect([d2.key, d2.isOverdue, d3.key, d3.flags]).toEqual(['D-2', true, 'D-3', []]);

    // No owner or no due date, or an owner who may not decide: refused, nothing written.
    const noOwner = await priya('decision', 'request', 'CLI-DEC', '--statement', 'Who decides?', '--due', due, '--json');
    expect(noOwner.code).toBe(2);
    expect(problemOf(noOwner)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--owner' }] });
    const noDue = await priya('decision', 'request', 'CLI-DEC', '--statement', 'When?', '--owner', 'jonas@example.test', '--json');
    expect(problemOf(noDue)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--due' }] });
    const contributor = await priya(
      'decision',
      'request',
      'CLI-DEC',
      '--statement',
      'Chen decides?',
      '--owner',
      'chen@example.test',
      '--due',
      due,
    );
    expect(contributor).toMatchObject({ code: 1, stdout: '' });
    expect(contributor.stderr).toMatch(/^error USER_NOT_FOUND: /);
  });

  it("lists the owner's queue: overdue first, then by due date", async () => {
    const queue = jsonOf<{ items: Decision[] }>(await jonas('decision', 'queue', '--owner', 'me', '--json'));
    expect(queue.items.map((d) => d.key)).toEqual(['D-2', 'D-1', 'D-3']);
    const table = await jonas('decision', 'queue');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`${overdue} (overdue)`);
  });

  it('lets only the owner decide, once; a decided decision is never edited', async () => {
    const byChen = await as(
      'chen@example.test',
      'decision',
      'decide',
      'CLI-DEC',
      'D-1',
      '--outcome',
      'x',
      '--rationale',
      'y',
      '--impact',
      'z',
    );
    expect(byChen).toMatchObject({ code: 1, stdout: '' });
    expect(byChen.stderr).toMatch(/^error FORBIDDEN: You lack the permission decision\.decide\./);
    const missing = await jonas('decision', 'decide', 'CLI-DEC', 'D-1', '--outcome', 'Rework');
    expect(missing.code).toBe(2);
    const decided = jsonOf<Decision>(
      await jonas(
        'decision',
        'decide',
        'CLI-DEC',
        'd-1',
        '--outcome',
        'Rework cavity 2',
        '--rationale',
        'Class A surface',
        '--impact',
        '+6 k USD',
        '--json',
      ),
    );
    expect(decided).toMatchObject({
      key: 'D-1',
      status: 'decided',
      outcome: 'Rework cavity 2',
      decidedBy: { email: 'jonas@example.test' },
      version: 2,
    });
    const undated = await priya('decision', 'edit', 'CLI-DEC', 'D-3', '--due', 'none', '--json');
    expect(problemOf(undated)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--due' }] });
    const edit = await priya('decision', 'edit', 'CLI-DEC', 'D-1', '--due', later, '--json');
    expect(edit.code).toBe(1);
    expect(problemOf(edit)).toMatchObject({ code: 'DECISION_CLOSED' });
  });

  it('supersedes a decided decision with a reason; both show the chain, the log and change log keep it', async () => {
    const noReason = await jonas('decision', 'supersede', 'CLI-DEC', 'D-1', '--outcome', 'x', '--rationale', 'y', '--impact', 'z');
    expect(noReason.code).toBe(2);
    const s = jsonOf<{ replaced: Decision; replacement: Decision }>(
      await jonas(
        'decision',
        'supersede',
        'CLI-DEC',
        'D-1',
        '--reason',
        'Toolmaker quoted five weeks',
        '--statement',
        'Run on cavity 1 only',
        '--outcome',
        'Cavity 1 only until the rework is done',
        '--rationale',
        'Keeps the launch date',
        '--impact',
        'Half output until W16',
        '--json',
      ),
    );
    expect(s.replaced).toMatchObject({ key: 'D-1', status: 'superseded', supersededBy: { key: 'D-4' } });
    expect(s.replacement).toMatchObject({ key: 'D-4', status: 'decided', supersedes: { key: 'D-1' }, links: [{ key: 'M-1' }] });
    const shown = await priya('decision', 'show', 'CLI-DEC', 'D-4');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^CLI-DEC D-4 "Run on cavity 1 only"\n/);
    expect(shown.stdout).toMatch(/supersedes\s+D-1/);
    expect(jsonOf<Decision>(await priya('decision', 'show', 'CLI-DEC', 'D-1', '--json'))).toEqual(s.replaced);

    const log = jsonOf<{ items: Decision[] }>(await priya('decision', 'list', 'CLI-DEC', '--json'));
    expect(log.items.map((d) => [d.key, d.status])).toEqual([
      ['D-1', 'superseded'],
      ['D-2', 'open'],
      ['D-3', 'open'],
      ['D-4', 'decided'],
    ]);
    const changes = jsonOf<{ items: Change[] }>(await priya('changes', 'CLI-DEC', '--rows', '--json')).items;
    const reasons = changes.filter((c) => c.reason === 'Toolmaker quoted five weeks');
    expect(new Set(reasons.map((c) => c.entityKey))).toEqual(new Set(['D-1', 'D-4', 'D-4 → M-1']));
  });

  it('pages the log: --limit and --cursor, latest first with --order desc, closed ones of a period, by status', async () => {
    interface DecisionPage {
      items: Decision[];
      nextCursor: string | null;
      period: { since: string; until: string };
    }
    const keysOf = (p: DecisionPage) => p.items.map((d) => d.key);
    const all = jsonOf<DecisionPage>(await priya('decision', 'list', 'CLI-DEC', '--json'));
    expect(all.period).toEqual({ since: addDays(today(), -365), until: today() });
    for (const order of ['asc', 'desc']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i <= all.items.length; i++) {
        const page: DecisionPage = jsonOf(
          await priya('decision', 'list', 'CLI-DEC', '--order', order, '--limit', '1', ...(cursor ? ['--cursor', cursor] : []), '--json'),
        );
        seen.push(...keysOf(page));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(seen).toEqual(order === 'asc' ? keysOf(all) : keysOf(all).reverse());
    }
    expect(keysOf(jsonOf(await priya('decision', 'list', 'CLI-DEC', '--status', 'closed', '--json')))).toEqual(['D-1', 'D-4']);
    expect(
      keysOf(jsonOf(await priya('decision', 'list', 'CLI-DEC', '--status', 'closed', '--until', addDays(today(), -1), '--json'))),
    ).toEqual([]);
    const table = await priya('decision', 'list', 'CLI-DEC', '--order', 'desc', '--limit', '2');
    expect(table.stdout).toMatch(/\nMore decisions: tollgate decision list CLI-DEC --order desc --limit 2 --cursor [A-Za-z0-9_-]+\n/);
    expect(table.stdout).toContain(`Decided and superseded decisions listed if last changed ${addDays(today(), -365)} to ${today()}`);
    // A cursor of the log D-1 first does not continue it latest first.
    const ascending = jsonOf<DecisionPage>(await priya('decision', 'list', 'CLI-DEC', '--limit', '1', '--json')).nextCursor as string;
    const mixed = await priya('decision', 'list', 'CLI-DEC', '--order', 'desc', '--cursor', ascending);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/^error VALIDATION_FAILED: cursor: must be a nextCursor/);
    expect((await priya('decision', 'list', 'CLI-DEC', '--status', 'late')).code).toBe(2);
    expect((await priya('decision', 'list', 'CLI-DEC', '--limit', '0')).code).toBe(2);
  });

  describe('over the HTTP API of a running server', () => {
    let server: Serving;
    let token: string;
    const remote = (...args: string[]) => tollgateWith(db, { env: { TOLLGATE_TOKEN: token } }, '--server', server.url, ...args);

    beforeAll(async () => {
      server = await serveInProcess(db);
      token = jsonOf<{ token: string }>(await jonas('token', 'create', '--name', 'CLI test', '--json')).token;
    });
    afterAll(async () => {
      if (server) expect(await server.stop()).toBe(0);
    });

    /** The command over HTTP and on the database as the same person: the same output, the same exit. */
    const same = async (...args: string[]) => {
      const [over, local] = [await remote(...args), await jonas(...args)];
      expect(over, args.join(' ')).toEqual(local);
      return over;
    };

    it('prints the same log, queue and decision as on the database', async () => {
      await same('decision', 'list', 'CLI-DEC', '--json');
      await same('decision', 'list', 'CLI-DEC', '--order', 'desc', '--limit', '1');
      await same('decision', 'queue', '--owner', 'me', '--json');
      await same('decision', 'show', 'cli-dec', 'd-4', '--json');
    });

    it('refuses with the same codes, messages and exit statuses', async () => {
      expect((await same('decision', 'decide', 'CLI-DEC', 'D-4', '--outcome', 'x', '--rationale', 'y', '--impact', 'z')).stderr).toMatch(
        /^error DECISION_CLOSED: /,
      );
      expect((await same('decision', 'show', 'CLI-DEC', 'D-99')).stderr).toMatch(/^error DECISION_NOT_FOUND: /);
      expect(problemOf(await same('decision', 'request', 'CLI-DEC', '--statement', 'No owner', '--due', due, '--json'))).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ path: '--owner' }],
      });
    });

    it('decides over HTTP as the signed-in person, and the queue follows', async () => {
      const args = ['decision', 'decide', 'CLI-DEC', 'D-2', '--outcome', 'Accept', '--rationale', 'Not visible', '--impact', 'None'];
      const decided = jsonOf<Decision>(await remote(...args, '--json'));
      expect(decided).toMatchObject({ key: 'D-2', status: 'decided', decidedBy: { email: 'jonas@example.test' } });
      const queue = jsonOf<{ items: Decision[] }>(await remote('decision', 'queue', '--owner', 'me', '--json'));
      expect(queue.items.map((d) => d.key)).toEqual(['D-3']);
    });
  });
});
