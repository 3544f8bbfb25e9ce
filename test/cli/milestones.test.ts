import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalOf } from '../../src/app/auth/principal.js';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { AppDeps } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import type { Change } from '../../src/contract/change.js';
import type { Milestone } from '../../src/contract/milestone.js';
import { buildCalendar } from '../../src/domain/calendar/build-calendar.js';
import { addDays, dateInZone, isoWeekday } from '../../src/domain/plain-date.js';
import type { Role } from '../../src/domain/roles.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';
import { assertBuilt, type CliResult, cliNow, jsonOf, problemOf as refusalOf, tollgate } from './run-cli.js';

const zone = 'Asia/Kolkata';
const today = () => dateInZone(new Date(cliNow), zone);
/**
 * A Monday about two months ahead whose Tuesday and Wednesday are Indian working days (the program's
 * default calendar), so a move to Wednesday is exactly +2 business days whatever today is.
 */
const indianDays = buildCalendar({ countries: [{ country: 'IN' }], timeZone: zone, endOfDayHour: 18 }, { from: 2026, to: 2028 });
const monday = (() => {
  let d = addDays(today(), 60);
  while (isoWeekday(d) !== 1 || !indianDays.isWorkingDay(addDays(d, 1)) || !indianDays.isWorkingDay(addDays(d, 2))) d = addDays(d, 1);
  return d;
})();
const wednesday = addDays(monday, 2);

/**
 * One program and its people, written through the use cases (the CLI cannot create programs yet):
 * Priya runs the plan (cadence owner on the client), Chen contributes and Olu observes (on the program);
 * the admin holds no role on it.
 */
async function seed(db: TestDatabase): Promise<void> {
  const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  try {
    await opened.migrate();
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date(cliNow) }, newId: uuidv7, passwords: testPasswords };
    const reads = opened.store.reads;
    const created = unwrap(await createPerson(deps, { actor: null, email: 'admin@example.test', name: 'Ada Admin', isAdmin: true }));
    const admin = await principalOf(reads, created);
    const client = unwrap(await createClient(deps, { actor: admin, name: 'Keller', country: 'DE' }));
    const program = unwrap(
      await createProgram(deps, {
        actor: admin,
        code: 'CLI-TEST',
        name: 'CLI test program',
        clientId: client.id,
        supplierName: 'Pune Precision Moulders',
        factoryCity: 'Pune',
        factoryCountry: 'IN',
        timeZone: zone,
      }),
    );
    const people: [string, string, Role, { clientId: string } | { programId: string }][] = [
      ['priya@example.test', 'Priya Raman', 'cadence_owner', { clientId: client.id }],
      ['chen@example.test', 'Chen Wei', 'contributor', { programId: program.id }],
      ['olu@example.test', 'Olu Bello', 'observer', { programId: program.id }],
    ];
    for (const [email, name, role, on] of people) {
      const u = unwrap(await createPerson(deps, { actor: admin, email, name, timeZone: zone }));
      unwrap(await grantRole(deps, { actor: admin, userId: u.id, role, ...on }));
    }
  } finally {
    await opened.store.close();
  }
}

/** The refusal a --json command wrote to stderr, after checking it wrote nothing to stdout. */
function problemOf(r: CliResult): { code: string; detail: string; errors: { path: string }[]; current?: Milestone } {
  expect(r.stdout).toBe('');
  return refusalOf(r) as ReturnType<typeof problemOf>;
}

describe.each(dialects)('tollgate on %s: milestone writes and the change log', (dialect) => {
  let db: TestDatabase;
  // Priya, the cadence owner, acts unless a test names someone else.
  const run = (...args: string[]) => tollgate(db, '--as', 'priya@example.test', ...args);
  const as = (email: string, ...args: string[]) => tollgate(db, '--as', email, ...args);

  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase(dialect, { now: cliNow });
    await seed(db);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('adds a milestone under the next key, owned by the person given by e-mail', async () => {
    const m = jsonOf<Milestone>(
      await run(
        'milestone',
        'add',
        'cli-test',
        '--name',
        'T1 samples shipped',
        '--phase',
        'G1',
        '--baseline',
        monday,
        '--owner',
        'PRIYA@example.test',
        '--critical',
        '--json',
      ),
    );
    expect(m).toMatchObject({
      key: 'M-1',
      name: 'T1 samples shipped',
      phase: 'G1',
      baselineDate: monday,
      forecastDate: monday,
      isCritical: true,
    });
    expect(m).toMatchObject({ version: 1, health: 'on_track', owner: { email: 'priya@example.test' } });
  });

  it('refuses a move without a reason (REASON_REQUIRED, exit 1) and makes it with one', async () => {
    const refused = await run('milestone', 'move', 'CLI-TEST', 'M-1', '--to', wednesday);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error REASON_REQUIRED: Moving a forecast date needs a reason\.\n {2}--reason: /);

    const moved = jsonOf<Milestone>(
      await run('milestone', 'move', 'CLI-TEST', 'm-1', '--to', wednesday, '--reason', 'Mould cavity 2 needs rework', '--json'),
    );
    // Version 2, not 3: the refused move wrote nothing.
    expect(moved).toMatchObject({ forecastDate: wednesday, varianceDays: 2, health: 'at_risk', version: 2 });
  });

  it('names the option and exits 2 for an invalid value, before touching the milestone', async () => {
    const badDate = await run('milestone', 'move', 'CLI-TEST', 'M-1', '--to', '2026-02-30', '--reason', 'x');
    expect(badDate).toMatchObject({ code: 2, stdout: '' });
    expect(badDate.stderr).toBe('error VALIDATION_FAILED: --to "2026-02-30": Must be a real calendar date written YYYY-MM-DD.\n');
    const badPhase = await run('milestone', 'add', 'CLI-TEST', '--name', 'x', '--phase', 'G9', '--baseline', monday, '--json');
    expect(badPhase.code).toBe(2);
    expect(problemOf(badPhase)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--phase' }] });
    const noOwner = await run('milestone', 'add', 'CLI-TEST', '--name', 'x', '--phase', 'G1', '--baseline', monday, '--json');
    expect(noOwner.code).toBe(2);
    expect(problemOf(noOwner)).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: '--owner', message: 'This option is required.' }],
    });
  });

  it('applies the policy to the person acting: observers and non-owners are refused, and write nothing', async () => {
    const observer = await as('olu@example.test', 'milestone', 'move', 'CLI-TEST', 'M-1', '--to', monday, '--reason', 'x');
    expect(observer).toMatchObject({ code: 1, stdout: '' });
    expect(observer.stderr).toBe(
      'error FORBIDDEN: You lack the permission milestone.move. It needs one of: cadence owner, quality owner (own items), contributor (own items).\n',
    );
    // A contributor moves only the milestones they own; M-1 is Priya's.
    const contributor = await as('chen@example.test', 'milestone', 'complete', 'CLI-TEST', 'M-1', '--json');
    expect(contributor.code).toBe(1);
    expect(problemOf(contributor)).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringContaining('only on items you own') });
    // An admin sees every program but holds no role on this one.
    const admin = await as(
      'admin@example.test',
      'milestone',
      'add',
      'CLI-TEST',
      '--name',
      'x',
      '--phase',
      'G1',
      '--baseline',
      monday,
      '--owner',
      'priya@example.test',
    );
    expect(admin).toMatchObject({ code: 1, stdout: '' });
    expect(admin.stderr).toMatch(/^error FORBIDDEN: You lack the permission milestone\.create\./);
    // Only people holding a role on the program can own its items.
    const outsider = await run('milestone', 'edit', 'CLI-TEST', 'M-1', '--owner', 'admin@example.test');
    expect(outsider).toMatchObject({ code: 1, stdout: '' });
    expect(outsider.stderr).toMatch(/^error USER_NOT_FOUND: Nobody "admin@example\.test" holds a role on CLI-TEST\./);
    const shown = jsonOf<{ milestones: Milestone[] }>(await as('olu@example.test', 'programs', 'show', 'CLI-TEST', '--json'));
    expect(shown.milestones[0]).toMatchObject({ key: 'M-1', forecastDate: wednesday, version: 2, owner: { email: 'priya@example.test' } });
  });

  it('refuses a stale --version with VERSION_CONFLICT and the current state, and accepts the current one', async () => {
    const stale = await run(
      'milestone',
      'move',
      'CLI-TEST',
      'M-1',
      '--to',
      addDays(monday, 7),
      '--reason',
      'x',
      '--version',
      '1',
      '--json',
    );
    expect(stale.code).toBe(1);
    expect(problemOf(stale)).toMatchObject({ code: 'VERSION_CONFLICT', current: { key: 'M-1', forecastDate: wednesday, version: 2 } });

    // A milestone keeps an owner: it is handed over, never taken away.
    const ownerless = await run('milestone', 'edit', 'CLI-TEST', 'M-1', '--owner', 'none', '--version', '2', '--json');
    expect(problemOf(ownerless)).toMatchObject({ code: 'OWNER_REQUIRED', errors: [{ path: '--owner' }] });
    const edited = jsonOf<Milestone>(await run('milestone', 'edit', 'CLI-TEST', 'M-1', '--not-critical', '--version', '2', '--json'));
    expect(edited).toMatchObject({ owner: { email: 'priya@example.test' }, isCritical: false, forecastDate: wednesday, version: 3 });
  });

  it("refuses a completion date in the future and completes on today in the program's zone by default", async () => {
    const future = await run('milestone', 'complete', 'CLI-TEST', 'M-1', '--actual', addDays(today(), 10));
    expect(future.code).toBe(1);
    expect(future.stderr).toMatch(/^error ACTUAL_DATE_IN_FUTURE: .*\n {2}--actual: Must be \d{4}-\d{2}-\d{2} or earlier\./);

    const done = jsonOf<Milestone>(
      await run('milestone', 'complete', 'CLI-TEST', 'M-1', '--note', 'Shipped with the corrected invoice', '--json'),
    );
    expect(done).toMatchObject({ actualDate: today(), health: 'done', version: 4 });
  });

  it('shows the move in the change log with its reason and the acting user', async () => {
    const { items } = jsonOf<{ items: Change[] }>(await run('changes', 'CLI-TEST', '--rows', '--json'));
    const forecast = items.filter((c) => c.entityKey === 'M-1' && c.field === 'forecastDate');
    expect(forecast.map((c) => [c.oldValue, c.newValue])).toEqual([
      [monday, wednesday],
      [null, monday],
    ]);
    expect(forecast[0]).toMatchObject({
      reason: 'Mould cavity 2 needs rework',
      actor: { name: 'Priya Raman', email: 'priya@example.test' },
    });
    expect(items.find((c) => c.field === 'actualDate')).toMatchObject({ newValue: today(), reason: 'Shipped with the corrected invoice' });

    const table = await run('changes', 'CLI-TEST', '--rows', '--since', today(), '--limit', '20');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`│ Priya Raman +│ M-1 forecast +│ ${monday} → ${wednesday} +│ Mould cavity 2 needs rework +│`));
    // Taking the owner away was refused, so no owner change was written.
    expect(table.stdout).not.toMatch(/│ M-1 owner +│ Priya Raman → — +│/);
  });

  it('tells the change log as a story: one line per write, filtered by record, person and period', async () => {
    const story = await run('changes', 'CLI-TEST', '--record', 'm-1', '--by', 'priya@example.test', '--from', today(), '--to', today());
    expect(story.code).toBe(0);
    expect(story.stdout).toMatch(
      new RegExp(`│ Priya Raman +│ M-1 [^│]*: forecast ${monday} → ${wednesday} +│ Mould cavity 2 needs rework +│`),
    );
    const { items } = jsonOf<{ items: { record: { key: string | null }; by: { email: string } }[] }>(
      await run('changes', 'CLI-TEST', '--record', 'M-1', '--json'),
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.record.key === 'M-1')).toBe(true);
    const nobody = await run('changes', 'CLI-TEST', '--by', 'nobody@example.test');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/USER_NOT_FOUND[\s\S]*--by/);
    const mixed = await run('changes', 'CLI-TEST', '--since', today());
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/--since.*--rows/);
  });

  it('pages the change log: --limit, then --cursor as the page printed it, until the oldest', async () => {
    const { items: all } = jsonOf<{ items: Change[] }>(await run('changes', 'CLI-TEST', '--rows', '--limit', '5000', '--json'));
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i <= all.length; i++) {
      const page: { items: Change[]; nextCursor: string | null } = jsonOf(
        await run('changes', 'CLI-TEST', '--rows', '--limit', '3', ...(cursor ? ['--cursor', cursor] : []), '--json'),
      );
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(all.map((c) => c.id));
    // As a table, the next page's command is printed under the page.
    const table = await run('changes', 'CLI-TEST', '--rows', '--limit', '3');
    expect(table.stdout).toMatch(/\nOlder changes: tollgate changes CLI-TEST --rows --limit 3 --cursor [A-Za-z0-9_-]+\n?$/);
    const bad = await run('changes', 'CLI-TEST', '--cursor', 'no such cursor');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--cursor/);
  });

  it('refuses an unknown program or milestone with exit 1', async () => {
    const program = await run('milestone', 'move', 'NO-SUCH', 'M-1', '--to', monday, '--reason', 'x');
    expect(program.code).toBe(1);
    expect(program.stderr).toMatch(/^error PROGRAM_NOT_FOUND: No program "NO-SUCH"/);
    const milestone = await run('milestone', 'complete', 'CLI-TEST', 'M-99', '--json');
    expect(milestone.code).toBe(1);
    expect(problemOf(milestone)).toMatchObject({ code: 'MILESTONE_NOT_FOUND' });
  });
});
