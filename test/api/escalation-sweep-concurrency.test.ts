import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import type { AppDeps } from '../../src/app/deps.js';
import { listEscalations } from '../../src/app/escalations/list-escalations.js';
import { sweepEscalations } from '../../src/app/escalations/sweep-escalations.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { seedProgram } from './helpers.js';

/**
 * The escalation sweep on two instances of one PostgreSQL database at the same moment, each with its own
 * connection pool: every condition raises exactly one escalation, and every overdue one expires once.
 */
const rounds = 25;

describe('escalation sweeps on two instances at once (PostgreSQL)', { timeout: 600_000 }, () => {
  let t: TestApp;
  let second: AppDeps;
  let programs: Program[];
  let now = new Date('2026-03-11T04:00:00Z');

  beforeAll(async () => {
    t = await createTestApp('postgres');
    t.setNow(now);
    (t.deps.clock as { now: () => Date }).now = () => now;
    programs = [await seedProgram(t, 'KHG-SWEEP1'), await seedProgram(t, 'KHG-SWEEP2')];
    second = (await t.restart()).deps;
    (second.clock as { now: () => Date }).now = () => now;
  });
  afterAll(() => t.close());

  const allEscalations = async () =>
    unwrap(await listEscalations(t.deps, { actor: t.admin, status: 'all', limit: 200 })).items.map((v) => v.escalation);

  it(`two sweeps at once raise each missed milestone once (${rounds} rounds)`, async () => {
    let raised = 0;
    for (let i = 0; i < rounds; i++) {
      // A milestone of each program whose date passed: two new conditions a round.
      for (const p of programs)
        unwrap(
          await createMilestone(t.deps, {
            programId: p.id,
            actor: t.actor,
            name: `Late ${i}`,
            phase: 'G2',
            baselineDate: '2026-03-02' as PlainDate,
            ownerId: t.actor.id,
          }),
        );
      const [a, b] = await Promise.all([sweepEscalations(t.deps), sweepEscalations(second)]);
      expect(a.raised + b.raised).toBe(2);
      raised += a.raised + b.raised;
    }
    const all = await allEscalations();
    expect(all).toHaveLength(raised);
    const keys = all.map((e) => `${e.programId} ${e.conditionKey}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Human keys are unique per program, X-1 … X-25 in each.
    for (const p of programs)
      expect(
        all
          .filter((e) => e.programId === p.id)
          .map((e) => e.key)
          .sort(),
      ).toHaveLength(rounds);
  });

  it('two sweeps past the deadlines expire each escalation once, and a third finds nothing to do', async () => {
    now = new Date('2026-03-20T04:00:00Z');
    const [a, b] = await Promise.all([sweepEscalations(t.deps), sweepEscalations(second)]);
    // No escalation path in the charters: each stays expired at its level.
    expect(a.expired + b.expired).toBe(rounds * programs.length);
    expect(a.raised + b.raised).toBe(0);
    const again = await sweepEscalations(second);
    expect(again).toMatchObject({ raised: 0, expired: 0, climbed: 0 });
    const all = await allEscalations();
    expect(all.every((e) => e.status === 'expired')).toBe(true);
    // Each was changed once by the expiry, by Tollgate's missed-milestone actor.
    expect(all.every((e) => e.version === 2)).toBe(true);
  });
});
