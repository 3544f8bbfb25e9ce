import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CharterDocument } from '../../src/contract/charter.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { cliNow, jsonOf, problemOf, tollgate } from './run-cli.js';

// `tollgate charter show|set` on a copy of the demo portfolio, on the database backend (the server
// backend sends the same operations, tested through the API in test/api/charter.test.ts).
describe.each(dialects)('tollgate charter on %s (demo portfolio)', (dialect) => {
  let db: TestDatabase;
  const lead = (...args: string[]) => tollgate(db, '--as', 'lead@demo.test', ...args);
  const owner = (...args: string[]) => tollgate(db, '--as', 'owner@demo.test', ...args);

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { now: cliNow, from: 'demo' });
    // The demo's programs were activated with their charters: a new draft has none yet.
    const added = await lead(
      'program',
      'add',
      'KHG-CH1',
      '--name',
      'Citrus press CP-1',
      '--client',
      'Keller Haushaltsgeräte GmbH',
      '--factory',
      'Ningbo Evergreen Outdoor Products/Ningbo',
    );
    expect(added.code, added.stderr).toBe(0);
  });

  it("shows a demo program's charter, complete, agreed before it went active", async () => {
    const c = jsonOf<CharterDocument>(await owner('charter', 'show', 'KHG-KW500', '--json'));
    expect(c).toMatchObject({ programCode: 'KHG-KW500', version: 1, gaps: [], weeklyReport: { weekday: 5, time: '16:00' } });
    expect(c.successDefinitions).toHaveProperty('G4');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('shows an unwritten charter with everything activation still needs', async () => {
    const c = jsonOf<CharterDocument>(await owner('charter', 'show', 'KHG-CH1', '--json'));
    expect(c).toMatchObject({ programCode: 'KHG-CH1', version: 0, decisionOwnerId: null });
    expect(c.gaps).toHaveLength(11);
    const text = await owner('charter', 'show', 'KHG-CH1');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('KHG-CH1 kickoff charter');
    expect(text.stdout).toContain('Missing before activation (11):');
    expect(text.stdout).toContain('- decisionOwnerId: Name the one decision owner.');
  });

  it('sets only the parts given, at the version read, and keeps the rest', async () => {
    const first = await lead(
      'charter',
      'set',
      'KHG-CH1',
      '--decision-owner',
      'owner@demo.test',
      '--escalation',
      'lead@demo.test, owner@demo.test',
      '--success',
      'G1=Golden sample signed, tools make good parts',
      '--success',
      'g2=Pilot of 200 at ≤ 1.5 % defects',
      '--report-day',
      'fri',
      '--report-time',
      '16:00',
      '--recipients',
      'owner@demo.test,buyer@client.example',
      '--reason',
      'Agreed at kickoff',
      '--json',
    );
    const c = jsonOf<CharterDocument>(first);
    expect(c).toMatchObject({
      version: 1,
      successDefinitions: { G1: 'Golden sample signed, tools make good parts', G2: 'Pilot of 200 at ≤ 1.5 % defects' },
      weeklyReport: { weekday: 5, time: '16:00', recipientEmails: ['buyer@client.example'] },
      leadershipReview: { scoreAtLeast: null, unresolvedDays: null },
    });
    expect(c.weeklyReport.recipientIds).toEqual([c.decisionOwnerId]);
    expect(c.people.map((p) => p.email)).toEqual(['owner@demo.test', 'lead@demo.test']);
    expect(c.escalationPath).toHaveLength(2);

    const second = await lead(
      'charter',
      'set',
      'KHG-CH1',
      '--success',
      'G3=Yield ≥ 97 % for four weeks',
      '--success',
      'G4=Released on time',
      '--review-score',
      '15',
      '--review-days',
      '10',
    );
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Complete: nothing is missing before activation.');
    expect(second.stdout).toContain('Friday 16:00, to');
    const now = jsonOf<CharterDocument>(await owner('charter', 'show', 'KHG-CH1', '--json'));
    expect(now).toMatchObject({ version: 2, gaps: [], decisionOwnerId: c.decisionOwnerId, escalationPath: c.escalationPath });
  });

  it('refuses wrong values naming the option, someone not on the program, a stale --version, and those without charter.edit', async () => {
    const bad = await lead('charter', 'set', 'KHG-CH1', '--review-score', '30', '--report-time', '25:00', '--json');
    expect(bad.code).toBe(2);
    expect(problemOf(bad).errors.map((e) => e.path)).toEqual(['--report-time', '--review-score']);
    const day = await lead('charter', 'set', 'KHG-CH1', '--report-day', 'someday');
    expect(day.code).toBe(2);
    expect(day.stderr).toContain('--report-day');
    const stranger = await lead('charter', 'set', 'KHG-CH1', '--decision-owner', 'nobody@example.test', '--json');
    expect(problemOf(stranger)).toMatchObject({ code: 'USER_NOT_FOUND', errors: [{ path: '--decision-owner' }] });
    const stale = await lead('charter', 'set', 'KHG-CH1', '--review-days', '5', '--version', '1', '--json');
    expect(problemOf(stale)).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: 2 } });
    const forbidden = await owner('charter', 'set', 'KHG-CH1', '--review-days', '5', '--json');
    expect(problemOf(forbidden).code).toBe('FORBIDDEN');
    expect(jsonOf<CharterDocument>(await owner('charter', 'show', 'KHG-CH1', '--json')).version).toBe(2);
  });

  it('refuses to activate a program whose charter is not complete, naming the options that write what is missing; then activates it', async () => {
    const rows = async () => jsonOf<{ items: unknown[] }>(await lead('changes', 'KHG-CH2', '--rows', '--json')).items;
    const draft = await lead(
      'program',
      'add',
      'KHG-CH2',
      '--name',
      'Citrus press CP-2',
      '--client',
      'Keller Haushaltsgeräte GmbH',
      '--factory',
      'Ningbo Evergreen Outdoor Products/Ningbo',
    );
    expect(draft.code, draft.stderr).toBe(0);
    const made = await rows();
    const refused = await lead('plan', 'activate', 'KHG-CH2', '--reason', 'Kick-off signed');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^error CHARTER_INCOMPLETE: The kickoff charter of KHG-CH2 is not complete: 11 things missing\. Write them with `tollgate charter set KHG-CH2` before activating:\n/,
    );
    expect(refused.stderr).toContain('  --decision-owner: Name the one decision owner.\n');
    expect(refused.stderr).toContain('  --success G4: Say what success at G4 means.\n');
    expect(refused.stderr).toContain('  --review-days: Say after how many business days unresolved.\n');
    const json = problemOf(await lead('plan', 'activate', 'KHG-CH2', '--json'));
    expect(json.code).toBe('CHARTER_INCOMPLETE');
    expect(json.errors.map((e) => e.path)).toEqual([
      '--decision-owner',
      '--escalation',
      '--success G1',
      '--success G2',
      '--success G3',
      '--success G4',
      '--report-day',
      '--report-time',
      '--recipients',
      '--review-score',
      '--review-days',
    ]);
    // Nothing was written: still a draft, no baseline, no change but the program's own making.
    const plan = jsonOf<{ status: string; baseline: unknown; baselines: unknown[] }>(await lead('plan', 'show', 'KHG-CH2', '--json'));
    expect(plan).toMatchObject({ status: 'draft', baseline: null, baselines: [] });
    expect(await rows()).toEqual(made);

    // KHG-CH1's charter is complete (above): it goes active and takes baseline 0.
    const active = await lead('plan', 'activate', 'KHG-CH1', '--reason', 'Kick-off signed');
    expect(active.code, active.stderr).toBe(0);
    expect(active.stdout).toContain('KHG-CH1 is active; baseline 0 holds 0 planned dates.');
    expect(jsonOf<{ status: string }>(await lead('plan', 'show', 'KHG-CH1', '--json')).status).toBe('active');
  });
});
