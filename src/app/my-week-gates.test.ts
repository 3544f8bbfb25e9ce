import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeCompleteCharter } from '../../test/support/charter.js';
import { openUseCaseWorld, type UseCaseWorld, worldStart } from '../../test/support/use-case-world.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { Program } from '../domain/program.js';
import { unwrap } from './create-records.js';
import { passDemoGate } from './demo/demo-gates.js';
import type { Actor } from './deps.js';
import { listGates } from './gates/get-gates.js';
import { updateGate } from './gates/update-gate.js';
import { myWeek } from './my-week.js';
import { grantRole } from './people/grant-role.js';
import type { Reads } from './ports.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

/** G1's review planned on a new review milestone of the program, and the gate handed to `owner`. */
async function planG1(p: Program, review: string, owner: Actor): Promise<void> {
  const m = await w.milestone(p, 'G1 review: pre-production readiness', review, { phase: 'G1' });
  const g1 = unwrap(await listGates(w.deps, { programId: p.id, actor: w.lead })).gates[0];
  unwrap(
    await updateGate(w.deps, {
      programId: p.id,
      gateKey: 'G1',
      actor: w.lead,
      version: g1?.version ?? 0,
      reviewMilestoneId: m.id,
      ownerId: owner.id,
    }),
  );
}

/** The store's reads, counting the calls "my week" makes (the real store does the work). */
async function weekReads(actor: Actor): Promise<Map<string, number>> {
  const calls = new Map<string, number>();
  const proxy = new Proxy(w.deps.store.reads, {
    get(target, name, receiver) {
      const v = Reflect.get(target, name, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        calls.set(String(name), (calls.get(String(name)) ?? 0) + 1);
        return v.apply(target, args);
      };
    },
  }) as Reads;
  await myWeek({ ...w.deps, store: { ...w.deps.store, reads: proxy } }, { actor });
  return calls;
}

describe('myWeek: gates at risk that the person owns', () => {
  it('the gate owner sees their gate at risk with the required items not on course named; someone else on the program does not', async () => {
    // Wednesday 4 March 2026; G1's review on Friday 13 March, 7 business days away: inside the 10-day warning period.
    const p = await w.program({ ownerId: w.lead.id });
    const gita = await w.person('Gita Sharma', { role: 'quality_owner', program: p });
    const other = await w.person('Oskar Lind', { role: 'quality_owner', program: p });
    await planG1(p, '2026-03-13', gita);
    const gates = unwrap(await listGates(w.deps, { programId: p.id, actor: w.lead })).gates;
    const expected = gates[0]?.readiness;
    expect(expected?.level).toBe('at_risk');

    const week = await myWeek(w.deps, { actor: await w.reload(gita) });
    expect(week.gatesAtRisk).toHaveLength(1);
    const g = week.gatesAtRisk[0];
    expect(g).toMatchObject({
      programId: p.id,
      programCode: p.code,
      plannedReviewDate: '2026-03-13',
      businessDaysLeft: 7,
      gate: { key: 'G1', name: gates[0]?.name, ownerId: gita.id },
    });
    // Exactly the items gate readiness names on the gate page, with their owners known.
    expect(g?.items).toEqual(expected?.items);
    expect(g?.items.length).toBeGreaterThan(0);
    expect(g?.items.every((i) => i.reasons.length > 0)).toBe(true);
    for (const i of g?.items ?? []) if (i.ownerId) expect(week.people.get(i.ownerId)?.id).toBe(i.ownerId);
    expect(week.programs.get(p.id)?.code).toBe(p.code);

    for (const someone of [other, w.lead]) {
      expect((await myWeek(w.deps, { actor: await w.reload(someone) })).gatesAtRisk).toEqual([]);
    }
  });

  it('before the warning period the gate is not listed; from its first day it is', async () => {
    // Monday 5 January 2026; the review on Tuesday 30 June: the warning period opens on 16 June.
    w.setNow('2026-01-05T09:00:00.000Z');
    const p = await w.program({ ownerId: w.lead.id });
    const gita = await w.person('Gita Sharma', { role: 'quality_owner', program: p });
    await planG1(p, '2026-06-30', gita);
    expect((await myWeek(w.deps, { actor: await w.reload(gita) })).gatesAtRisk).toEqual([]);
    w.setNow('2026-06-15T09:00:00.000Z');
    expect((await myWeek(w.deps, { actor: await w.reload(gita) })).gatesAtRisk).toEqual([]);
    w.setNow('2026-06-16T09:00:00.000Z');
    expect((await myWeek(w.deps, { actor: await w.reload(gita) })).gatesAtRisk.map((g) => [g.gate.key, g.businessDaysLeft])).toEqual([
      ['G1', 10],
    ]);
  });

  it('a passed gate is not listed, though its review date is inside the warning period', async () => {
    const p = await w.program({ ownerId: w.lead.id });
    const gita = await w.person('Gita Sharma', { role: 'quality_owner', program: p });
    await planG1(p, '2026-03-13', gita);
    expect((await myWeek(w.deps, { actor: await w.reload(gita) })).gatesAtRisk).toHaveLength(1);
    // The lead decides (the charter's decision owner); Gita, the gate owner, accepts the evidence.
    await writeCompleteCharter(w.deps, p.id, w.lead);
    const people = new Map<string, Actor>([
      [w.lead.id, w.lead],
      [gita.id, await w.reload(gita)],
    ]);
    await passDemoGate(
      w.deps,
      { set: (d: PlainDate, hour = 9) => w.setNow(`${d}T${String(hour).padStart(2, '0')}:00:00.000Z`) },
      { program: p, people, owner: w.lead, decider: w.lead },
      'G1',
      '2026-03-06' as PlainDate,
      [gita.id],
    );
    expect(unwrap(await listGates(w.deps, { programId: p.id, actor: w.lead })).gates[0]?.status).toBe('passed');
    w.setNow(worldStart);
    expect((await myWeek(w.deps, { actor: await w.reload(gita) })).gatesAtRisk).toEqual([]);
  });

  it('reads the same few times however many gates and programs the person owns', async () => {
    const first = await w.program({ ownerId: w.lead.id });
    const gita = await w.person('Gita Sharma', { role: 'quality_owner', program: first });
    await planG1(first, '2026-03-13', gita);
    const few = await weekReads(await w.reload(gita));
    for (let i = 0; i < 4; i++) {
      const p = await w.program({ ownerId: w.lead.id });
      unwrap(await grantRole(w.deps, { actor: w.admin, userId: gita.id, programId: p.id, role: 'quality_owner' }));
      await planG1(p, '2026-03-12', gita);
    }
    const owner = await w.reload(gita);
    expect((await myWeek(w.deps, { actor: owner })).gatesAtRisk).toHaveLength(5);
    const many = await weekReads(owner);
    expect(many.get('listOwnedGatesForReadiness')).toBe(1);
    expect(many).toEqual(few);
  });
});
