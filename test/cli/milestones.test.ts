import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createProgram, createUser, unwrap } from '../../src/app/create-records.js';
import type { AppDeps } from '../../src/app/deps.js';
import type { Change } from '../../src/contract/change.js';
import type { Milestone } from '../../src/contract/milestone.js';
import { addDays, dateInZone, isoWeekday } from '../../src/domain/plain-date.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { assertBuilt, type CliResult, jsonOf, tollgate } from './run-cli.js';

const zone = 'Asia/Kolkata';
const today = () => dateInZone(new Date(), zone);
/** A Monday about two months ahead, so a move to Wednesday is exactly +2 business days. */
const monday = (() => {
  let d = addDays(today(), 60);
  while (isoWeekday(d) !== 1) d = addDays(d, 1);
  return d;
})();
const wednesday = addDays(monday, 2);

/** One program with an owner candidate, written through the use cases (the CLI cannot create programs yet). */
async function seed(db: TestDatabase): Promise<void> {
  const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  try {
    await opened.migrate();
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date() }, newId: uuidv7 };
    const priya = unwrap(await createUser(deps, { actor: null, email: 'priya@example.test', name: 'Priya Raman', timeZone: zone }));
    const actor = { id: priya.id, name: priya.name };
    const client = unwrap(await createClient(deps, { actor, name: 'Keller', country: 'DE' }));
    unwrap(
      await createProgram(deps, {
        actor,
        code: 'CLI-TEST',
        name: 'CLI test program',
        clientId: client.id,
        supplierName: 'Pune Precision Moulders',
        factoryCity: 'Pune',
        factoryCountry: 'IN',
        timeZone: zone,
      }),
    );
  } finally {
    await opened.store.close();
  }
}

/** The refusal a --json command wrote to stderr, after checking it wrote nothing to stdout. */
function problemOf(r: CliResult): { code: string; detail: string; errors: { path: string }[]; current?: Milestone } {
  expect(r.stdout).toBe('');
  return JSON.parse(r.stderr);
}

describe.each(dialects)('tollgate on %s: milestone writes and the change log', (dialect) => {
  let db: TestDatabase;
  const run = (...args: string[]) => tollgate(db, ...args);

  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase(dialect);
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

    const edited = jsonOf<Milestone>(
      await run('milestone', 'edit', 'CLI-TEST', 'M-1', '--owner', 'none', '--not-critical', '--version', '2', '--json'),
    );
    expect(edited).toMatchObject({ owner: null, isCritical: false, forecastDate: wednesday, version: 3 });
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
    const { items } = jsonOf<{ items: Change[] }>(await run('changes', 'CLI-TEST', '--json'));
    const forecast = items.filter((c) => c.entityKey === 'M-1' && c.field === 'forecastDate');
    expect(forecast.map((c) => [c.oldValue, c.newValue])).toEqual([
      [monday, wednesday],
      [null, monday],
    ]);
    expect(forecast[0]).toMatchObject({
      reason: 'Mould cavity 2 needs rework',
      actor: { name: 'Local user', email: 'local@tollgate.invalid' },
    });
    expect(items.find((c) => c.field === 'actualDate')).toMatchObject({ newValue: today(), reason: 'Shipped with the corrected invoice' });

    const table = await run('changes', 'CLI-TEST', '--since', today(), '--limit', '20');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`│ Local user +│ M-1 forecast +│ ${monday} → ${wednesday} +│ Mould cavity 2 needs rework +│`));
    expect(table.stdout).toMatch(/│ M-1 owner +│ Priya Raman → — +│/);
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
