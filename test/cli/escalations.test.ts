import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepEscalations } from '../../src/app/escalations/sweep-escalations.js';
import type { Escalation } from '../../src/contract/escalation.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';
import { jsonOf, problemOf, tollgate } from './run-cli.js';

interface EscalationList {
  items: Escalation[];
  nextCursor: string | null;
}

describe.each(dialects)('tollgate trigger and escalation on %s (demo portfolio)', (dialect) => {
  let db: TestDatabase;
  const lead = (...args: string[]) => tollgate(db, '--as', 'lead@demo.test', ...args);

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { from: 'demo' });
    // The sweep runs where the jobs run; here once, at the demo's instant, on the same database.
    const opened = openStore({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    const now = new Date(db.now ?? Date.now());
    await sweepEscalations({
      store: opened.store,
      clock: { now: () => now },
      newId: () => crypto.randomUUID(),
      passwords: testPasswords,
    });
    await opened.store.close();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('lists and sets a trigger, lists escalations, acknowledges and resolves one', async () => {
    const listed = await lead('trigger', 'list', 'KHG-KW500');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('missed_milestone');
    expect(listed.stdout).toContain('default');
    const set = await lead('trigger', 'set', 'KHG-KW500', 'risk_score', '--threshold', '20', '--within', '8h', '--climbs', 'no');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('Set KHG-KW500 risk_score: on, N 20, high, within 8 business hours.');
    expect(problemOf(await lead('trigger', 'set', 'KHG-KW500', 'risk_score', '--threshold', '99', '--json')).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      problemOf(await tollgate(db, '--as', 'supplier@demo.test', 'trigger', 'set', 'KHG-KW500', 'risk_score', '--off', '--json')).code,
    ).toBe('FORBIDDEN');

    const all = jsonOf<EscalationList>(await lead('escalation', 'list', 'KHG-KW500', '--json'));
    expect(all.items.length).toBeGreaterThan(0);
    const table = await lead('escalation', 'list', 'KHG-KW500');
    expect(table.stdout).toContain('X-1');
    const e = all.items.find((x) => x.owner.email === 'lead@demo.test') ?? (all.items[0] as Escalation);
    const ack = await tollgate(db, '--as', e.owner.email, 'escalation', 'ack', 'KHG-KW500', e.key);
    expect(ack.code, ack.stderr).toBe(0);
    expect(ack.stdout).toContain(`Acknowledged: KHG-KW500 ${e.key} acknowledged`);
    const noOutcome = problemOf(await lead('escalation', 'resolve', 'KHG-KW500', e.key, '--json'));
    expect(noOutcome.code).toBe('OUTCOME_REQUIRED');
    const done = await lead('escalation', 'resolve', 'KHG-KW500', e.key, '--outcome', 'Handled at the weekly review');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(`Resolved: KHG-KW500 ${e.key} resolved`);
    const mine = jsonOf<EscalationList>(await lead('escalation', 'list', '--mine', '--status', 'all', '--json'));
    expect(mine.items.every((x) => x.owner.email === 'lead@demo.test')).toBe(true);
  });
});
