import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openUseCaseWorld, type UseCaseWorld, worldStart } from '../../../test/support/use-case-world.js';
import { plainDate } from '../../domain/plain-date.js';
import { unwrap } from '../create-records.js';
import { getProgram } from '../get-program.js';
import { listPrograms } from '../list-programs.js';
import type { Reads } from '../ports.js';
import { listGates } from './get-gates.js';
import { updateGate } from './update-gate.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

describe('gate readiness in the program figures', () => {
  it('a gate off course inside its warning period makes its review milestone, and so the program, at risk, naming the gate', async () => {
    // Wednesday 4 March 2026; G1's review on Friday 13 March, 7 business days away: inside the 10-day warning period.
    const p = await w.program({ ownerId: w.lead.id });
    const review = await w.milestone(p, 'G1 review: pre-production readiness', '2026-03-13', { phase: 'G1' });
    const g1 = unwrap(await listGates(w.deps, { programId: p.id, actor: w.lead })).gates[0];
    expect(unwrap(await getProgram(w.deps, { programId: p.id, actor: w.lead }))).toMatchObject({ health: 'on_track', currentPhase: 'G1' });
    unwrap(
      await updateGate(w.deps, { programId: p.id, gateKey: 'G1', actor: w.lead, version: g1?.version ?? 0, reviewMilestoneId: review.key }),
    );
    // Its items are now due 5–10 business days before the review: the earliest already overdue.
    const v = unwrap(await getProgram(w.deps, { programId: p.id, actor: w.lead }));
    expect(v.health).toBe('at_risk');
    expect(v.healthReason).toMatchObject({ kind: 'gate_at_risk', gateKey: 'G1' });
    const gates = unwrap(await listGates(w.deps, { programId: p.id, actor: w.lead }));
    expect(gates.gates[0]?.readiness.level).toBe('at_risk');
    expect(gates.gates[0]?.readiness.items.length).toBe(v.healthReason.kind === 'gate_at_risk' ? v.healthReason.items : -1);
  });

  it('before the warning period the same gate is not yet at risk', async () => {
    w.setNow('2026-01-05T09:00:00.000Z');
    const p = await w.program({ ownerId: w.lead.id });
    const review = await w.milestone(p, 'G1 review', '2026-06-30', { phase: 'G1' });
    const g1 = unwrap(await listGates(w.deps, { programId: p.id, actor: w.lead })).gates[0];
    unwrap(
      await updateGate(w.deps, { programId: p.id, gateKey: 'G1', actor: w.lead, version: g1?.version ?? 0, reviewMilestoneId: review.id }),
    );
    const gates = unwrap(await listGates(w.deps, { programId: p.id, actor: w.lead }));
    expect(gates.gates[0]?.readiness).toMatchObject({ level: 'not_yet', windowStart: plainDate('2026-06-16') });
    expect(unwrap(await getProgram(w.deps, { programId: p.id, actor: w.lead })).health).toBe('on_track');
  });

  it('the portfolio reads gates and their open items for all programs at once: no read per program', async () => {
    /** The store's reads, counting the calls the portfolio makes (the real store does the work). */
    const counted = (reads: Reads) => {
      const calls = new Map<string, number>();
      const proxy = new Proxy(reads, {
        get(target, name, receiver) {
          const v = Reflect.get(target, name, receiver);
          if (typeof v !== 'function') return v;
          return (...args: unknown[]) => {
            calls.set(String(name), (calls.get(String(name)) ?? 0) + 1);
            return v.apply(target, args);
          };
        },
      });
      return { proxy, calls };
    };
    const portfolioReads = async () => {
      const { proxy, calls } = counted(w.deps.store.reads);
      const deps = { ...w.deps, store: { ...w.deps.store, reads: proxy } };
      await listPrograms(deps, { actor: w.lead });
      return calls;
    };
    w.setNow('2026-02-02T09:00:00.000Z');
    const first = await w.program({ ownerId: w.lead.id });
    await w.milestone(first, 'G1 review', '2026-02-20', { phase: 'G1' });
    const few = await portfolioReads();
    for (let i = 0; i < 6; i++) await w.milestone(await w.program({ ownerId: w.lead.id }), 'G1 review', '2026-02-27', { phase: 'G1' });
    const many = await portfolioReads();
    expect(many.get('listGatesOfPrograms')).toBe(1);
    expect(many.get('listOpenRequiredItemsOfPrograms')).toBe(1);
    expect(many.get('listGates') ?? 0).toBe(0);
    expect(many.get('listChecklistItems') ?? 0).toBe(0);
    expect([...many.values()].reduce((a, b) => a + b, 0)).toBe([...few.values()].reduce((a, b) => a + b, 0));
  });
});
