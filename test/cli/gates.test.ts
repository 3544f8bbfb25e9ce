import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalOf } from '../../src/app/auth/principal.js';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { AppDeps } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import type { Action } from '../../src/contract/action.js';
import type { GateDocument, ProgramGatesDocument } from '../../src/contract/gate.js';
import type { MyWeek } from '../../src/contract/my-week.js';
import { addDays, dateInZone, type PlainDate } from '../../src/domain/plain-date.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';
import { readPdf } from '../support/pdf-pages.js';
import { cliNow, jsonOf, problemOf, type Serving, serveInProcess, tollgate, tollgateWith } from './run-cli.js';

const zone = 'Asia/Shanghai';
const today = () => dateInZone(new Date(cliNow), zone);

const people = {
  dana: { email: 'dana@example.test', name: 'Dana Whitfield' },
  jonas: { email: 'jonas@example.test', name: 'Jonas Keller' },
  li: { email: 'li.wei@example.test', name: '李伟' },
  chen: { email: 'chen@example.test', name: 'Chen Wei' },
  alex: { email: 'alex@example.test', name: 'Alex Moreno' },
} as const;
type Who = keyof typeof people;

/**
 * One program made from the default four gates, written through the use cases: Dana runs the plan
 * (cadence owner, owner of G1), Jonas decides, 李伟 is the quality owner, Chen the factory's contact,
 * Alex observes. Its gates' items are owned by role.
 */
async function seed(db: TestDatabase): Promise<void> {
  const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  try {
    await opened.migrate();
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date(cliNow) }, newId: uuidv7, passwords: testPasswords };
    const admin = await principalOf(
      opened.store.reads,
      unwrap(await createPerson(deps, { actor: null, email: 'admin@example.test', name: 'Ada Admin', isAdmin: true })),
    );
    const ids = {} as Record<Who, string>;
    for (const [key, p] of Object.entries(people) as [Who, (typeof people)[Who]][])
      ids[key] = unwrap(await createPerson(deps, { actor: admin, ...p, timeZone: zone })).id;
    const client = unwrap(await createClient(deps, { actor: admin, name: 'Keller Haushaltsgeräte GmbH', country: 'DE' }));
    unwrap(
      await createProgram(deps, {
        actor: admin,
        code: 'CLI-GATE',
        name: 'Kettle KW500',
        clientId: client.id,
        supplierName: 'Ningbo Lisheng Electric Appliance',
        factoryCity: 'Ningbo',
        factoryCountry: 'CN',
        timeZone: zone,
        ownerId: ids.dana,
        owners: {
          cadence_owner: [ids.dana],
          decision_owner: [ids.jonas],
          quality_owner: [ids.li],
          contributor: [ids.chen],
          observer: [ids.alex],
        },
        planStart: today() as PlainDate,
      }),
    );
  } finally {
    await opened.store.close();
  }
}

describe.each(dialects)('tollgate gate on %s', (dialect) => {
  let db: TestDatabase;
  const as = (who: Who, ...args: string[]) => tollgate(db, '--as', people[who].email, ...args);
  const g1 = async () => jsonOf<GateDocument>(await as('alex', 'gate', 'show', 'CLI-GATE', 'G1', '--json'));
  const itemOf = (g: GateDocument, key: string) => g.items.find((i) => i.key === key) as GateDocument['items'][number];
  const whoOwns = (g: GateDocument, key: string): Who => {
    const email = Object.entries(people).find(([, p]) => p.name === g.people.find((x) => x.id === itemOf(g, key).ownerId)?.name);
    return (email?.[0] ?? 'dana') as Who;
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { now: cliNow });
    await seed(db);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("lists the program's four gates and shows G1's checklist, its items owned by role", async () => {
    const list = jsonOf<ProgramGatesDocument>(await as('alex', 'gate', 'list', 'cli-gate', '--json'));
    expect(list.gates.map((g) => [g.key, g.status])).toEqual([
      ['G1', 'not_started'],
      ['G2', 'not_started'],
      ['G3', 'not_started'],
      ['G4', 'not_started'],
    ]);
    const table = await as('alex', 'gate', 'list', 'CLI-GATE');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('CLI-GATE: current phase G1 (not started)');
    expect(table.stdout).toMatch(/│ G1 +│ Pre-production readiness +│ not started +│/);
    const shown = await as('alex', 'gate', 'show', 'CLI-GATE', 'g1');
    expect(shown.stdout).toContain('CLI-GATE G1 Pre-production readiness');
    expect(shown.stdout).toMatch(/owner +Dana Whitfield/);
    expect(shown.stdout).toMatch(/gatekeepers +Dana Whitfield, 李伟/);
    expect(shown.stdout).toMatch(/│ G1-TOOLING-T1 +│ Tooling T1 approved +│ yes +│ 李伟 +│/);
    const g = await g1();
    expect(whoOwns(g, 'G1-GOLDEN-SAMPLE')).toBe('jonas');
    expect(whoOwns(g, 'G1-CAPACITY')).toBe('chen');
  });

  it('refuses steps out of turn, naming the option or the rule, and writes nothing', async () => {
    const observer = await as('alex', 'gate', 'submit', 'CLI-GATE', 'G1', 'G1-BOM-DRAWINGS', '--note', 'x', '--json');
    expect(observer.code).toBe(1);
    expect(problemOf(observer).code).toBe('FORBIDDEN');
    const notOwner = await as('chen', 'gate', 'submit', 'CLI-GATE', 'G1', 'G1-BOM-DRAWINGS', '--note', 'x');
    expect(notOwner).toMatchObject({ code: 1, stdout: '' });
    expect(notOwner.stderr).toBe('error GATE_ROLE_REQUIRED: Only the owner of G1-BOM-DRAWINGS submits its evidence.\n');
    const notSubmitted = await as('li', 'gate', 'accept', 'CLI-GATE', 'G1', 'G1-BOM-DRAWINGS');
    expect(notSubmitted.stderr).toMatch(/^error EVIDENCE_STATE: /);
    const noItem = await as('dana', 'gate', 'submit', 'CLI-GATE', 'G1', 'G1-NOPE', '--note', 'x');
    expect(noItem).toMatchObject({ code: 1 });
    expect(noItem.stderr).toContain(
      'error CHECKLIST_ITEM_NOT_FOUND: G1 of CLI-GATE has no item "G1-NOPE". See `tollgate gate show CLI-GATE G1`',
    );
    const noGate = await as('dana', 'gate', 'show', 'CLI-GATE', 'G9');
    expect(noGate.stderr).toContain('error GATE_NOT_FOUND: CLI-GATE has no gate "G9". See `tollgate gate list CLI-GATE`');
    const noReason = await as('li', 'gate', 'reject', 'CLI-GATE', 'G1', 'G1-BOM-DRAWINGS', '--json');
    expect(noReason.code).toBe(2);
    expect(problemOf(noReason).errors.map((e) => e.path)).toEqual(['--comment']);
    expect((await as('dana', 'gate', 'decide', 'CLI-GATE', 'G1', '--outcome', 'maybe', '--rationale', 'x')).code).toBe(2);
    expect((await g1()).items.every((i) => i.state === 'open' && i.version === 1)).toBe(true);
  });

  it('submits, rejects with a comment, submits again and accepts, each at the version it read', async () => {
    const submitted = jsonOf<GateDocument>(
      await as('dana', 'gate', 'submit', 'CLI-GATE', 'G1', 'g1-bom-drawings', '--note', 'BOM rev C and drawings 4711-C released', '--json'),
    );
    expect(itemOf(submitted, 'G1-BOM-DRAWINGS')).toMatchObject({
      state: 'submitted',
      submissionNote: 'BOM rev C and drawings 4711-C released',
    });
    expect(submitted.status).toBe('in_progress');
    const rejected = await as('li', 'gate', 'reject', 'CLI-GATE', 'G1', 'G1-BOM-DRAWINGS', '--comment', 'Drawing 4712 still at rev B.');
    expect(rejected.code, rejected.stderr).toBe(0);
    expect(rejected.stdout).toMatch(/^G1-BOM-DRAWINGS is now rejected\. G1 is in progress, 0\/8 required done, 1 rejected\./);
    expect(rejected.stdout).toContain('rejected by 李伟');
    // With a warning period that reaches today, the rejected item puts G1 at risk: Dana, its owner, sees it in her week.
    expect((await as('dana', 'gate', 'set', 'CLI-GATE', 'G1', '--warning-days', '60', '--reason', 'Watch G1 early')).code).toBe(0);
    const week = jsonOf<MyWeek>(await as('dana', 'my-week', '--json'));
    const readiness = (await g1()).readiness;
    expect(readiness.level).toBe('at_risk');
    expect(week.gatesAtRisk.map((g) => [g.programCode, g.gateKey, g.items.map((i) => [i.key, i.reasons])])).toEqual([
      ['CLI-GATE', 'G1', readiness.items.map((i) => [i.key, i.reasons])],
    ]);
    expect(week.gatesAtRisk[0]?.items.find((i) => i.key === 'G1-BOM-DRAWINGS')?.reasons).toEqual(['rejected']);
    const text = await as('dana', 'my-week');
    expect(text.stdout).toContain('Gates at risk that you own (1):');
    expect(text.stdout).toMatch(/CLI-GATE G1 Pre-production readiness: review \d{4}-\d{2}-\d{2} \(\d+ business days? left\)/);
    expect(text.stdout).toMatch(/│ G1-BOM-DRAWINGS +│ .+│ REJECTED +│/);
    expect(jsonOf<MyWeek>(await as('li', 'my-week', '--json')).gatesAtRisk).toEqual([]);
    expect((await as('dana', 'gate', 'set', 'CLI-GATE', 'G1', '--warning-days', '10', '--reason', 'Back to the default')).code).toBe(0);
    await as('dana', 'gate', 'submit', 'CLI-GATE', 'G1', 'G1-BOM-DRAWINGS', '--note', 'All drawings at rev C.');
    const stale = await as('li', 'gate', 'accept', 'CLI-GATE', 'G1', 'G1-BOM-DRAWINGS', '--version', '2', '--json');
    expect(problemOf(stale).code).toBe('VERSION_CONFLICT');
    const accepted = jsonOf<GateDocument>(
      await as('li', 'gate', 'accept', 'CLI-GATE', 'G1', 'G1-BOM-DRAWINGS', '--comment', 'Checked against the BOM.', '--json'),
    );
    expect(itemOf(accepted, 'G1-BOM-DRAWINGS')).toMatchObject({ state: 'accepted', reviewComment: 'Checked against the BOM.', version: 5 });
  });

  it('refuses a pass early, listing the missing items; waives one with a decided decision; passes with a condition', async () => {
    const early = await as('jonas', 'gate', 'decide', 'CLI-GATE', 'G1', '--outcome', 'go', '--rationale', 'Looks fine');
    expect(early).toMatchObject({ code: 1, stdout: '' });
    expect(early.stderr).toMatch(/^error GATE_NOT_READY: G1 cannot pass: 7 required item\(s\) neither accepted nor waived\.\n/);
    expect(early.stderr).toContain('  items.G1-GOLDEN-SAMPLE: Golden sample approved: open.\n');
    expect(early.stderr).not.toContain('G1-BOM-DRAWINGS');

    const d = jsonOf<{ key: string }>(
      await as(
        'dana',
        'decision',
        'request',
        'CLI-GATE',
        '--statement',
        'Waive the capacity check for G1?',
        '--owner',
        people.jonas.email,
        '--due',
        addDays(today(), 3),
        '--json',
      ),
    );
    const undecided = await as('dana', 'gate', 'waive', 'CLI-GATE', 'G1', 'G1-CAPACITY', '--decision', d.key, '--json');
    expect(problemOf(undecided)).toMatchObject({ code: 'WAIVER_NEEDS_DECISION', errors: [{ path: '--decision' }] });
    const verdict = ['--outcome', 'Waived', '--rationale', 'Capacity confirmed on the sister line', '--impact', 'None'];
    expect((await as('jonas', 'decision', 'decide', 'CLI-GATE', d.key, ...verdict)).code).toBe(0);
    const waived = jsonOf<GateDocument>(await as('dana', 'gate', 'waive', 'CLI-GATE', 'G1', 'G1-CAPACITY', '--decision', d.key, '--json'));
    expect(itemOf(waived, 'G1-CAPACITY')).toMatchObject({ state: 'waived', waiverDecisionKey: d.key });

    // Every other required item: its owner submits, someone else who reviews accepts (李伟, or Dana for 李伟's own).
    for (const item of (await g1()).items.filter((i) => i.isRequired && i.state === 'open')) {
      const owner = whoOwns(await g1(), item.key);
      const submitted = await as(owner, 'gate', 'submit', 'CLI-GATE', 'G1', item.key, '--note', `Done: ${item.title}`);
      expect(submitted.code, submitted.stderr).toBe(0);
      const accepted = await as(owner === 'li' ? 'dana' : 'li', 'gate', 'accept', 'CLI-GATE', 'G1', item.key);
      expect(accepted.code, accepted.stderr).toBe(0);
    }
    expect((await g1()).status).toBe('ready_for_review');

    const notDecider = await as('dana', 'gate', 'decide', 'CLI-GATE', 'G1', '--outcome', 'go', '--rationale', 'Ready');
    expect(notDecider.stderr).toBe('error GATE_ROLE_REQUIRED: Only the program’s decision owner decides G1.\n');
    const stranger = await as(
      'jonas',
      'gate',
      'decide',
      'CLI-GATE',
      'G1',
      '--outcome',
      'conditional_go',
      '--rationale',
      'Ready but for the box artwork',
      '--condition',
      'Retail box artwork approved;nobody@example.test;2026-12-20',
      '--json',
    );
    expect(problemOf(stranger)).toMatchObject({ code: 'USER_NOT_FOUND', errors: [{ path: '--condition' }] });
    const due = addDays(today(), 14);
    const passed = await as(
      'jonas',
      'gate',
      'decide',
      'CLI-GATE',
      'G1',
      '--outcome',
      'conditional_go',
      '--rationale',
      'Ready but for the box artwork',
      '--condition',
      `Retail box artwork approved by the client;${people.chen.email};${due}`,
    );
    expect(passed.code, passed.stderr).toBe(0);
    expect(passed.stdout).toMatch(/^G1 decided: conditional go \(D-2\)\./);
    expect(passed.stdout).toMatch(/condition +A-1 Retail box artwork approved by the client – Chen Wei, due /);
    const g = await g1();
    expect(g).toMatchObject({ status: 'passed_with_conditions', decisionKey: 'D-2' });
    const actions = jsonOf<{ items: Action[] }>(await as('alex', 'action', 'list', 'CLI-GATE', '--json')).items;
    const action = actions.find((a) => a.key === 'A-1');
    expect(action).toMatchObject({ status: 'open', dueDate: due, owner: { email: people.chen.email } });
    const frozen = await as('li', 'gate', 'reopen', 'CLI-GATE', 'G1', 'G1-TOOLING-T1', '--reason', 'Measure again');
    expect(frozen.stderr).toMatch(/^error GATE_STATE: /);
  });

  it("sets G2's owner, gatekeepers, review milestone and warning period, an item's owner and due date, and takes a gatekeeper's recommendation", async () => {
    const g2 = jsonOf<GateDocument>(await as('alex', 'gate', 'show', 'CLI-GATE', 'G2', '--json'));
    const review = g2.reviewMilestone?.key as string;
    expect(review).toMatch(/^M-\d+$/);
    const refused = await as('jonas', 'gate', 'set', 'CLI-GATE', 'G2', '--warning-days', '5', '--json');
    expect(problemOf(refused).code).toBe('FORBIDDEN');
    const bad = await as('dana', 'gate', 'set', 'CLI-GATE', 'G2', '--warning-days', '99', '--json');
    expect(problemOf(bad).errors.map((e) => e.path)).toEqual(['--warning-days']);
    const set = jsonOf<GateDocument>(
      await as(
        'dana',
        'gate',
        'set',
        'CLI-GATE',
        'G2',
        '--owner',
        people.li.email,
        '--gatekeeper',
        `${people.dana.email},${people.li.email}`,
        '--review-milestone',
        review.toLowerCase(),
        '--warning-days',
        '5',
        '--reason',
        'Pilot review in the plan',
        '--json',
      ),
    );
    expect(set).toMatchObject({ warningDays: 5, reviewMilestone: { key: review } });
    expect(set.gatekeeperIds).toHaveLength(2);
    const item = jsonOf<GateDocument>(
      await as(
        'dana',
        'gate',
        'item',
        'set',
        'CLI-GATE',
        'G2',
        'G2-PILOT-QTY',
        '--owner',
        people.chen.email,
        '--due',
        addDays(today(), 20),
        '--json',
      ),
    ).items.find((i) => i.key === 'G2-PILOT-QTY');
    expect(item).toMatchObject({ dueDate: addDays(today(), 20), version: 2 });
    expect(whoOwns(await jsonOf<GateDocument>(await as('alex', 'gate', 'show', 'CLI-GATE', 'G2', '--json')), 'G2-PILOT-QTY')).toBe('chen');
    const why = await as('li', 'gate', 'recommend', 'CLI-GATE', 'G2', '--outcome', 'hold', '--json');
    expect(problemOf(why)).toMatchObject({ code: 'REASON_REQUIRED', errors: [{ path: '--comment' }] });
    const recommended = await as('li', 'gate', 'recommend', 'CLI-GATE', 'G2', '--outcome', 'hold', '--comment', 'Pilot lot not built yet');
    expect(recommended.code, recommended.stderr).toBe(0);
    expect(recommended.stdout).toMatch(/recommends +李伟: hold – Pilot lot not built yet/);
    const recycled = jsonOf<GateDocument>(
      await as(
        'jonas',
        'gate',
        'decide',
        'CLI-GATE',
        'G2',
        '--outcome',
        'recycle',
        '--rationale',
        'The pilot lot was built on T0 tools',
        '--recycle-reason',
        'Build the pilot lot on T1 tools;g2-pilot-qty',
        '--recycle-reason',
        'Book the line for it',
        '--json',
      ),
    );
    expect(recycled.decision?.reasons).toEqual([
      { text: 'Build the pilot lot on T1 tools', itemKey: 'G2-PILOT-QTY' },
      { text: 'Book the line for it' },
    ]);
  });

  it('writes the gate checklist pack as a PDF that names the gate, its items and who accepted them', async () => {
    const r = await as('alex', 'gate', 'pack', 'CLI-GATE', 'g1', '--out', 'packs-g1.pdf', '--time-zone', 'Asia/Shanghai');
    expect(r.code, r.stderr).toBe(0);
    const file = join(db.dataDir, 'packs-g1.pdf');
    expect(r.stdout).toMatch(/^Wrote the CLI-GATE G1 checklist pack \(9 items, \d+ KB\) to .*packs-g1\.pdf\n$/);
    const pages = await readPdf(readFileSync(file));
    const text = pages.map((p) => p.text).join('\n');
    expect(pages[0]?.lines).toContain('G1 – Pre-production readiness');
    expect(text).toContain('Tooling T1 approved');
    expect(text).toContain('accepted by 李伟');
    expect(text).toContain('passed with conditions');
    expect(text).toContain('waived');
    // Without --out, the file is named after the program and the gate, in the working directory.
    expect((await as('alex', 'gate', 'pack', 'CLI-GATE', 'G2')).code).toBe(0);
    expect(existsSync(join(db.dataDir, 'CLI-GATE-G2-pack.pdf'))).toBe(true);
    const zone = await as('alex', 'gate', 'pack', 'CLI-GATE', 'G1', '--time-zone', 'Mars/Olympus');
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('--time-zone');
  });

  describe('over the HTTP API of a running server', () => {
    let server: Serving;
    let token: string;
    const remote = (...args: string[]) => tollgateWith(db, { env: { TOLLGATE_TOKEN: token } }, '--server', server.url, ...args);

    beforeAll(async () => {
      server = await serveInProcess(db);
      token = jsonOf<{ token: string }>(await as('alex', 'token', 'create', '--name', 'CLI test', '--json')).token;
    });
    afterAll(async () => {
      if (server) expect(await server.stop()).toBe(0);
    });

    it('shows the same gates and refuses the same way as on the database', async () => {
      expect(jsonOf(await remote('gate', 'show', 'CLI-GATE', 'G1', '--json'))).toEqual(
        jsonOf(await as('alex', 'gate', 'show', 'CLI-GATE', 'G1', '--json')),
      );
      const [over, local] = [
        await remote('gate', 'submit', 'CLI-GATE', 'G2', 'G2-PILOT-QTY', '--note', 'x'),
        await as('alex', 'gate', 'submit', 'CLI-GATE', 'G2', 'G2-PILOT-QTY', '--note', 'x'),
      ];
      expect(over).toEqual(local);
      expect(over.code).toBe(1);
    });

    it('downloads the pack the server draws', async () => {
      const r = await remote('gate', 'pack', 'CLI-GATE', 'G1', '--out', 'remote-g1.pdf');
      expect(r.code, r.stderr).toBe(0);
      const text = (await readPdf(readFileSync(join(db.dataDir, 'remote-g1.pdf')))).map((p) => p.text).join('\n');
      expect(text).toContain('G1 – Pre-production readiness');
      expect(text).toContain('accepted by 李伟');
      const missing = await remote('gate', 'pack', 'CLI-GATE', 'G9');
      expect(missing.stderr).toMatch(/^error GATE_NOT_FOUND: /);
    });
  });
});
