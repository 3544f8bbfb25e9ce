import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CharterDocument } from '../../src/contract/charter.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { jsonOf, problemOf, tollgate } from './run-cli.js';

// `tollgate charter set --request-days-before`, the run by `tollgate sweep`, and `tollgate update-request list|revoke` on
// a copy of the demo at its instant, Wednesday 11 March 2026, noon in Ningbo: two business days before KHG-KW500's Friday report.
describe.each(dialects)('tollgate update-request on %s (demo portfolio)', (dialect) => {
  let db: TestDatabase;
  const lead = (...args: string[]) => tollgate(db, '--as', 'lead@demo.test', ...args);

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { from: 'demo' });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('sets when requests go out, refusing a value out of range by its option', async () => {
    const bad = await lead('charter', 'set', 'KHG-KW500', '--request-days-before', '11');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--request-days-before: Business days before the report from 0 (its day) to 10.');
    const set = await lead('charter', 'set', 'KHG-KW500', '--request-days-before', '2', '--request-untouched-days', '21', '--json');
    expect(set.code, set.stderr).toBe(0);
    expect(jsonOf<CharterDocument>(set).weeklyReport.updateRequests).toEqual({ businessDaysBefore: 2, untouchedDays: 21 });
    const shown = await lead('charter', 'show', 'KHG-KW500');
    expect(shown.stdout).toMatch(
      /update requests\s+2 business days before the report, to owners of items due, overdue or untouched for 21 days/,
    );
  });

  it('lists who was asked once the run came, and who answered; the cadence owner withdraws nothing that has no link', async () => {
    const none = await lead('update-request', 'list', 'KHG-KW500', '--week', '2026-W11');
    expect(none.stdout).toContain("Nobody was asked to update their items before KHG-KW500's 2026-W11 report.");
    const ran = await tollgate(db, 'sweep', '--job', 'update-request-run');
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/^update-request-run at \S+Z: [1-9]\d* update requests? in [1-9]\d* programs?/m);
    const list = await lead('update-request', 'list', 'KHG-KW500', '--week', '2026-W11');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^KHG-KW500 update requests before the 2026-W11 report: 0 of \d+ answered/);
    expect(list.stdout).toContain('Dana Whitfield <lead@demo.test>');
    const json = jsonOf<{ requests: { id: string; hasAccount: boolean }[] }>(
      await lead('update-request', 'list', 'KHG-KW500', '--week', '2026-W11', '--json'),
    );
    const someone = json.requests.find((r) => r.hasAccount);
    const refused = await lead('update-request', 'revoke', 'KHG-KW500', someone?.id ?? '', '--json');
    expect(refused.code).not.toBe(0);
    expect(problemOf(refused).code).toBe('NOTHING_TO_CHANGE');
    const bad = await lead('update-request', 'list', 'KHG-KW500', '--week', '2026-W60');
    expect(bad.code).toBe(2);
  });
});
