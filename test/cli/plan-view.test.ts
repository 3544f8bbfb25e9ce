import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Baseline, Mta, Plan, SlipHistory } from '../../src/contract/plan.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { jsonOf, problemOf, tollgate } from './run-cli.js';

// `tollgate plan …` on the demo portfolio, on the database backend (the server backend shares
// cli/plan-backend.ts's JSON and is exercised through the same API by test/api/plan-view.test.ts).
describe.each(dialects)('tollgate plan on %s (demo portfolio)', (dialect) => {
  let db: TestDatabase;
  const lead = (...args: string[]) => tollgate(db, '--as', 'lead@demo.test', ...args);

  // A copy of the demo loaded once per run (test/support/global-setup.ts), read at the demo's instant;
  // loading the demo with `tollgate demo` is tested in portfolio.test.ts.
  beforeAll(async () => {
    db = await createTestDatabase(dialect, { from: 'demo' });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('shows plan vs actual against the latest baseline or an earlier one', async () => {
    // KHG-HB20 was re-planned in its history: baseline 1 holds three milestones five business days later.
    const latest = jsonOf<Plan>(await lead('plan', 'show', 'KHG-HB20', '--json'));
    expect(latest.baselines.map((b) => b.number)).toEqual([0, 1]);
    expect(latest.baseline).toMatchObject({ number: 1, decision: { key: expect.stringMatching(/^D-\d+$/) } });
    const first = jsonOf<Plan>(await lead('plan', 'show', 'KHG-HB20', '--baseline', '0', '--json'));
    expect(first.baseline?.number).toBe(0);
    const moved = first.rows.filter((r) => {
      const now = latest.rows.find((x) => x.id === r.id);
      return r.varianceDays !== null && now?.varianceDays !== null && r.varianceDays !== now?.varianceDays;
    });
    expect(moved.length).toBeGreaterThanOrEqual(3);
    for (const r of moved) expect((r.varianceDays ?? 0) - (latest.rows.find((x) => x.id === r.id)?.varianceDays ?? 0)).toBe(5);

    const text = await lead('plan', 'show', 'KHG-HB20');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Compared with      baseline 1 "Re-plan for the Silver Line launch"');
    expect(text.stdout).toMatch(/Critical path +M-\d+ → M-\d+/);
    expect(text.stdout).toContain('◆ critical path');
    // Open milestones still to come read "due in N bd", not "not done"; only overdue ones read "not done".
    const ahead = latest.rows.filter((r) => r.actualDate === null && r.dueInBusinessDays !== null && r.dueInBusinessDays > 0);
    expect(ahead.length).toBeGreaterThan(0);
    for (const r of ahead) expect(text.stdout).toContain(`due in ${r.dueInBusinessDays} bd`);
    const overdue = latest.rows.filter((r) => r.actualDate === null && r.dueInBusinessDays === null);
    expect(text.stdout.includes('not done')).toBe(overdue.length > 0);
  });

  it('lists the baselines with the decision that approved the re-plan', async () => {
    const { items } = jsonOf<{ items: Baseline[] }>(await lead('plan', 'baselines', 'KHG-HB20', '--json'));
    expect(items.map((b) => [b.number, b.name])).toEqual([
      [0, 'Baseline 0'],
      [1, 'Re-plan for the Silver Line launch'],
    ]);
    const text = await lead('plan', 'baselines', 'KHG-HB20');
    expect(text.stdout).toContain(`${items[1]?.decision?.key} Approve moving the HB-20 delivery`);
  });

  it('shows a slip history and the forecast drift week by week', async () => {
    // KHG-KW500's first open critical milestone drifted three times by three business days.
    const plan = jsonOf<Plan>(await lead('plan', 'show', 'KHG-KW500', '--json'));
    const drifting = plan.rows.find((r) => r.slips.count === 3) as Plan['rows'][number];
    expect(drifting).toBeDefined();
    const slips = jsonOf<SlipHistory>(await lead('plan', 'slips', 'KHG-KW500', drifting.key, '--json'));
    expect(slips.moves.map((m) => m.days)).toEqual([3, 3, 3]);
    expect(slips.netDays).toBe(9);
    expect((await lead('plan', 'slips', 'KHG-KW500', drifting.key)).stdout).toContain('moved 3 times, +9 bd in all');
    // A page at a time: --limit, then --cursor as the page printed it.
    const first = await lead('plan', 'slips', 'KHG-KW500', drifting.key, '--limit', '2');
    const next = /\nLater moves: tollgate plan slips KHG-KW500 (M-\d+) --limit 2 --cursor ([A-Za-z0-9_-]+)\n/.exec(first.stdout);
    expect(next?.[1]).toBe(drifting.key);
    const rest = jsonOf<SlipHistory>(
      await lead('plan', 'slips', 'KHG-KW500', drifting.key, '--limit', '2', '--cursor', next?.[2] ?? '', '--json'),
    );
    expect(rest).toMatchObject({ count: 3, netDays: 9, nextCursor: null });
    expect(rest.moves).toEqual(slips.moves.slice(2));
    expect((await lead('plan', 'slips', 'KHG-KW500', drifting.key, '--limit', '501')).code).toBe(2);

    const mta = jsonOf<Mta>(await lead('plan', 'trend', 'KHG-KW500', '--milestones', drifting.key, '--json'));
    expect(mta.weeks).toHaveLength(12);
    const points = mta.series[0]?.points.map((p) => p.forecastDate) ?? [];
    expect(points[0]).toBe(drifting.currentBaselineDate);
    expect(points.at(-1)).toBe(drifting.forecastDate);
    expect(new Set(points).size).toBe(4);
  });

  it('refuses a bad baseline number, an unknown approving decision and a reader activating', async () => {
    const nine = await lead('plan', 'show', 'KHG-KW500', '--baseline', '9');
    expect(nine.code).toBe(1);
    expect(nine.stderr).toMatch(/^error BASELINE_NOT_FOUND: /);
    const bad = await lead('plan', 'rebaseline', 'KHG-KW500', '--name', 'Re-plan', '--decision', 'D-999', '--json');
    expect(bad.code).toBe(1);
    expect(problemOf(bad)).toMatchObject({ code: 'BASELINE_DECISION_INVALID', errors: [{ path: '--decision' }] });
    const observer = await tollgate(db, '--as', 'observer@demo.test', 'plan', 'activate', 'KHG-KW500');
    expect(observer.code).toBe(1);
    expect(observer.stderr).toMatch(/^error FORBIDDEN: /);
    expect((await lead('plan', 'show', 'KHG-KW500', '--baseline', 'x')).code).toBe(2);
  });
});
