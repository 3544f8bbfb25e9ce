import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/auth/create-api-token.js';
import { principalOf } from '../../src/app/auth/principal.js';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { AppDeps } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import type { Risk, RiskChange, RiskDetail } from '../../src/contract/risk.js';
import { addDays, dateInZone } from '../../src/domain/plain-date.js';
import type { Role } from '../../src/domain/roles.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';
import { cliNow, jsonOf, problemOf, type Serving, serveInProcess, tollgate, tollgateWith } from './run-cli.js';

const zone = 'Asia/Shanghai';
const today = () => dateInZone(new Date(cliNow), zone);

/**
 * One program and its people, written through the use cases: Dana runs the plan, Chen contributes,
 * Olu observes; Dana also gets a personal API token, for the same commands over a server.
 */
async function seed(db: TestDatabase): Promise<string> {
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
        code: 'RISK-CLI',
        name: 'Kettle KW-500',
        clientId: client.id,
        supplierName: 'Ningbo Lisheng Electric Appliance',
        factoryCity: 'Ningbo',
        factoryCountry: 'CN',
        timeZone: zone,
      }),
    );
    const people: [string, string, Role][] = [
      ['dana@example.test', 'Dana Whitfield', 'cadence_owner'],
      ['chen@example.test', 'Chen Wei', 'contributor'],
      ['olu@example.test', 'Olu Bello', 'observer'],
    ];
    for (const [email, name, role] of people) {
      const u = unwrap(await createPerson(deps, { actor: admin, email, name, timeZone: zone }));
      unwrap(await grantRole(deps, { actor: admin, userId: u.id, role, programId: program.id }));
    }
    const dana = await principalOf(reads, (await reads.findUserByEmail('dana@example.test')) as never);
    return unwrap(await createApiToken(deps, { actor: dana, name: 'risk CLI test', expiresInDays: 7 })).token;
  } finally {
    await opened.store.close();
  }
}

describe.each(dialects)('tollgate risk on %s', (dialect) => {
  let db: TestDatabase;
  let token: string;
  const run = (...args: string[]) => tollgate(db, '--as', 'dana@example.test', ...args);
  const review = () => addDays(today(), 14);

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { now: cliNow });
    token = await seed(db);
  });
  afterAll(async () => {
    await db?.drop();
  });

  // A dozen runs of the real binary each: on a busy 2-core machine that takes longer than the default 30 s.
  const slow = { timeout: 300_000 };

  it('raises, re-scores with a reason, realizes with a linked action, and reports the changes', slow, async () => {
    // Without an owner: refused as the API refuses it.
    const noOwner = await run(
      'risk',
      'raise',
      'RISK-CLI',
      '--title',
      'Resin shortage',
      '--category',
      'supply',
      '--likelihood',
      '4',
      '--impact',
      '4',
    );
    expect(noOwner.code).toBe(1);
    expect(noOwner.stderr).toMatch(/^error OWNER_REQUIRED: /);
    expect(noOwner.stderr).toContain('--owner');

    const raised = jsonOf<Risk>(
      await run(
        'risk',
        'raise',
        'risk-cli',
        '--title',
        'Resin shortage from single source',
        '--owner',
        'chen@example.test',
        '--category',
        'supply',
        '--likelihood',
        '4',
        '--impact',
        '4',
        '--early-warning',
        'Lead time above 6 weeks',
        '--strategy',
        'mitigate',
        '--residual',
        '2',
        '3',
        '--review',
        review(),
        '--json',
      ),
    );
    expect(raised).toMatchObject({
      key: 'R-1',
      score: 16,
      band: 'high',
      residualScore: 6,
      owner: { email: 'chen@example.test' },
      reviewDate: review(),
      earlyWarning: 'Lead time above 6 weeks',
      flags: [],
      version: 1,
    });

    // A re-scoring needs a reason (checked before anything is read, exit 2), then it is kept.
    const noReason = await run('risk', 'update', 'RISK-CLI', 'R-1', '--likelihood', '2');
    expect(noReason).toMatchObject({ code: 2, stdout: '' });
    expect(noReason.stderr).toMatch(/^error VALIDATION_FAILED: --reason/);
    const updated = await run('risk', 'update', 'RISK-CLI', 'r-1', '--likelihood', '2', '--reason', 'Second source quoted');
    expect(updated).toMatchObject({ code: 0, stderr: '' });
    expect(updated.stdout).toContain('score 16 → 8');

    const list = await run('risk', 'list', 'RISK-CLI');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('Heat map of live risks, current score');
    expect(list.stdout).toMatch(/│ L2 +│ · +│ · +│ · +│ R-1 +│ · +│/);

    const shown = jsonOf<RiskDetail>(await run('risk', 'show', 'RISK-CLI', 'R-1', '--json'));
    expect(shown.scoreHistory.map((p) => [p.score, p.reason])).toEqual([
      [16, null],
      [8, 'Second source quoted'],
    ]);

    // Observers read, and are refused writes.
    const observer = await tollgate(db, '--as', 'olu@example.test', 'risk', 'close', 'RISK-CLI', 'R-1', '--reason', 'Not mine', '--json');
    expect(observer.code).toBe(1);
    expect(problemOf(observer)).toMatchObject({ code: 'FORBIDDEN' });

    const realized = jsonOf<{ risk: Risk; action: { key: string; title: string; owner: { email: string }; risk: { key: string } } }>(
      await run('risk', 'realize', 'RISK-CLI', 'R-1', '--reason', 'Allocation cut to zero', '--action-due', review(), '--json'),
    );
    expect(realized.risk).toMatchObject({ status: 'realized', actions: [{ key: 'A-1', status: 'open' }] });
    expect(realized.action).toMatchObject({
      key: 'A-1',
      title: 'Respond to: Resin shortage from single source',
      owner: { email: 'chen@example.test' },
      risk: { key: 'R-1' },
    });
    const again = await run('risk', 'close', 'RISK-CLI', 'R-1', '--reason', 'Too late');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error RISK_CLOSED: /);

    // By default, this week (Monday to today in the program's time zone): everything above happened today.
    const changes = jsonOf<{ items: RiskChange[] }>(await run('risk', 'changes', 'RISK-CLI', '--json'));
    expect(changes.items.map((c) => [c.kind, c.risk.key, c.from, c.to])).toEqual([
      ['new', 'R-1', null, 16],
      ['rescored', 'R-1', 16, 8],
      ['realized', 'R-1', null, null],
    ]);
  });

  describe('over a server', () => {
    let server: Serving;
    const remote = (...args: string[]) => tollgateWith(db, { env: { TOLLGATE_SERVER: server.url, TOLLGATE_TOKEN: token } }, ...args);

    beforeAll(async () => {
      server = await serveInProcess(db);
    });
    afterAll(async () => {
      if (server) expect(await server.stop()).toBe(0);
    });

    it('prints the same documents and refusals as on the database', slow, async () => {
      const raised = jsonOf<Risk>(
        await remote(
          'risk',
          'raise',
          'RISK-CLI',
          '--title',
          'Customs hold on T1 samples',
          '--owner',
          'dana@example.test',
          '--category',
          'schedule',
          '--likelihood',
          '3',
          '--impact',
          '3',
          '--json',
        ),
      );
      expect(raised).toMatchObject({ key: 'R-2', flags: ['no_due_date'] });
      expect(jsonOf(await remote('risk', 'list', 'RISK-CLI', '--json'))).toEqual(jsonOf(await run('risk', 'list', 'RISK-CLI', '--json')));
      const closed = jsonOf<Risk>(await remote('risk', 'close', 'RISK-CLI', 'R-2', '--reason', 'Cleared', '--json'));
      expect(closed).toMatchObject({ status: 'closed', version: 2 });
      for (const args of [
        ['risk', 'raise', 'RISK-CLI', '--title', 'No owner', '--category', 'quality', '--likelihood', '2', '--impact', '2'],
        ['risk', 'update', 'RISK-CLI', 'R-2', '--impact', '1', '--reason', 'Closed already'],
      ]) {
        const [overHttp, onDatabase] = [await remote(...args), await run(...args)];
        expect(overHttp).toEqual(onDatabase);
        expect(overHttp.code).toBe(1);
      }
    });
  });
});
