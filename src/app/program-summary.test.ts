import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openUseCaseWorld, type UseCaseWorld, worldStart } from '../../test/support/use-case-world.js';
import type { Milestone } from '../domain/milestone.js';
import { plainDate } from '../domain/plain-date.js';
import type { Program } from '../domain/program.js';
import { confirmAction } from './actions/confirm-action.js';
import { markActionDone } from './actions/mark-action-done.js';
import { openAction } from './actions/open-action.js';
import { completeMilestone } from './complete-milestone.js';
import { unwrap } from './create-records.js';
import { decideDecision } from './decisions/decide-decision.js';
import { requestDecision } from './decisions/request-decision.js';
import type { Actor } from './deps.js';
import { getProgram } from './get-program.js';
import { listMilestones } from './list-milestones.js';
import { listPrograms } from './list-programs.js';
import { moveMilestone } from './move-milestone.js';
import { raiseRisk } from './risks/raise-risk.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

/** The figures the portfolio and the program header show, as getProgram answers them now. */
async function figures(p: Program, actor: Actor = w.lead) {
  const v = unwrap(await getProgram(w.deps, { programId: p.id, actor }));
  return {
    health: v.health,
    reason: v.healthReason,
    next: v.nextMilestone?.key ?? null,
    phase: v.currentPhase,
    milestones: v.milestoneCount,
    done: v.doneCount,
    openDecisions: v.openDecisions,
    highRisks: v.highRisks,
    blockers: v.blockers,
  };
}

const move = async (p: Program, m: Milestone, to: string, reason: string) =>
  unwrap(
    await moveMilestone(w.deps, {
      programId: p.id,
      milestoneId: m.key,
      version: m.version,
      actor: w.lead,
      forecastDate: plainDate(to),
      reason,
    }),
  ).milestone;

describe('program figures', () => {
  it('follow every write at once: counts, next milestone, phase, open decisions, high risks, blockers', async () => {
    const p = await w.program();
    const jonas = await w.person('Jonas Keller', { role: 'decision_owner', program: p });
    // The phase is the program's first gate not passed: G1 until G1 passes, whatever the milestones.
    expect(await figures(p)).toMatchObject({ milestones: 0, next: null, phase: 'G1', health: 'on_track' });

    const g2 = await w.milestone(p, 'Pilot run', '2026-03-10', { phase: 'G2' });
    await w.milestone(p, 'Release', '2026-03-20', { phase: 'G4' });
    expect(await figures(p)).toMatchObject({ milestones: 2, done: 0, next: 'M-1', phase: 'G1' });

    unwrap(
      await completeMilestone(w.deps, {
        programId: p.id,
        milestoneId: g2.key,
        version: 1,
        actor: w.lead,
        actualDate: plainDate('2026-03-04'),
      }),
    );
    expect(await figures(p)).toMatchObject({ milestones: 2, done: 1, next: 'M-2', phase: 'G1' });

    const d = unwrap(
      await requestDecision(w.deps, {
        programId: p.id,
        actor: w.lead,
        statement: 'Ship early?',
        ownerId: jonas.id,
        dueDate: plainDate('2026-03-20'),
      }),
    ).decision;
    expect((await figures(p)).openDecisions).toBe(1);
    const verdict = { outcome: 'No', rationale: 'Stock', expectedImpact: 'None' };
    unwrap(await decideDecision(w.deps, { programId: p.id, decisionId: d.key, version: 1, actor: jonas, ...verdict }));
    expect((await figures(p)).openDecisions).toBe(0);

    const risk = { programId: p.id, actor: w.lead, title: 'Resin', category: 'supply' as const, ownerId: jonas.id };
    unwrap(await raiseRisk(w.deps, { ...risk, likelihood: 3, impact: 4 }));
    unwrap(await raiseRisk(w.deps, { ...risk, likelihood: 5, impact: 3 }));
    expect((await figures(p)).highRisks).toBe(1);

    const a = unwrap(
      await openAction(w.deps, {
        programId: p.id,
        actor: w.lead,
        title: 'Fix',
        ownerId: w.lead.id,
        dueDate: plainDate('2026-03-20'),
        blocksMilestoneId: 'M-2',
      }),
    ).action;
    expect((await figures(p)).blockers).toBe(1);
    const done = unwrap(
      await markActionDone(w.deps, { programId: p.id, actionId: a.key, version: 1, actor: w.lead, note: 'Fixed' }),
    ).action;
    // She marked it done herself, so the decision owner confirms (two people, two steps).
    unwrap(await confirmAction(w.deps, { programId: p.id, actionId: a.key, version: done.version, actor: jonas }));
    expect((await figures(p)).blockers).toBe(0);
  });

  it('turn late when the factory’s day passes a forecast, without any write, counting business days overdue', async () => {
    const p = await w.program();
    await w.milestone(p, 'Pilot run', '2026-03-05');
    expect(await figures(p)).toMatchObject({ health: 'on_track' });
    // Thursday 5 March, 23:30 in Berlin: still the day it is due.
    w.setNow('2026-03-05T22:30:00.000Z');
    expect(await figures(p)).toMatchObject({ health: 'on_track' });
    // An hour later it is Friday in Berlin.
    w.setNow('2026-03-05T23:30:00.000Z');
    expect(await figures(p)).toMatchObject({ health: 'late', reason: { kind: 'overdue', days: 1 } });
    // The weekend does not count: Monday is two business days after Thursday.
    w.setNow('2026-03-09T08:00:00.000Z');
    expect(await figures(p)).toMatchObject({ health: 'late', reason: { kind: 'overdue', days: 2 } });
  });

  it('stop calling a plan slipping once its forecast moves leave the four-week window, on the same day', async () => {
    const p = await w.program();
    // Forecast well ahead of plan, then moved later twice: slipping, though not yet past the baseline.
    let m = await w.milestone(p, 'Release', '2026-06-30', { forecastDate: '2026-06-01' });
    m = await move(p, m, '2026-06-05', 'Resin allocation');
    await move(p, m, '2026-06-10', 'Resin allocation again');
    expect((await figures(p)).reason).toEqual({ kind: 'slipping', moves: 2, days: 7 });

    // Both moves were at 09:00 UTC on 4 March; four weeks later they leave the window at 09:00 UTC on 1 April.
    w.setNow('2026-04-01T08:00:00.000Z');
    expect((await figures(p)).reason.kind).toBe('slipping');
    w.setNow('2026-04-01T10:00:00.000Z');
    expect(await figures(p)).toMatchObject({ health: 'on_track', reason: { kind: 'on_plan' } });
  });

  it('are worked out once when several reads ask for them at the same time (the program page asks for the program and its milestones at once)', async () => {
    const p = await w.program();
    await w.milestone(p, 'Tooling T1 approved', '2026-03-02');
    await w.milestone(p, 'Pilot run', '2026-03-20');
    // The same database, its reads counted; a store of its own, so nothing is kept for it yet.
    const store = w.deps.store;
    let worked = 0;
    const reads = {
      ...store.reads,
      listMilestonesOfPrograms: (ids: Parameters<typeof store.reads.listMilestonesOfPrograms>[0]) => {
        worked++;
        return store.reads.listMilestonesOfPrograms(ids);
      },
    };
    const deps = { ...w.deps, store: { ...store, reads } };
    const input = { programId: p.id, actor: w.lead };
    const [a, b, milestones] = await Promise.all([getProgram(deps, input), getProgram(deps, input), listMilestones(deps, input)]);
    expect(worked).toBe(1);
    expect(unwrap(a)).toEqual(unwrap(b));
    expect(unwrap(a).health).toBe('late');
    expect(unwrap(milestones).map((m) => m.milestone.name)).toEqual(['Tooling T1 approved', 'Pilot run']);
    // Kept now: asked again, nothing is worked out; after a write, once more.
    await getProgram(deps, input);
    expect(worked).toBe(1);
    await w.milestone(p, 'Golden sample approved', '2026-02-20');
    await Promise.all([getProgram(deps, input), listMilestones(deps, input)]);
    expect(worked).toBe(2);
  });

  it('are shown in the portfolio for the programs the person sees, each its own', async () => {
    const a = await w.program();
    const b = await w.program();
    await w.milestone(a, 'Pilot run', '2026-03-02');
    await w.milestone(b, 'Pilot run', '2026-03-20');
    const priya = await w.person('Priya Nair', { role: 'observer', program: a }, { role: 'observer', program: b });
    const portfolio = await listPrograms(w.deps, { actor: priya });
    expect(portfolio.map((v) => [v.program.code, v.health, v.milestoneCount])).toEqual([
      [a.code, 'late', 1],
      [b.code, 'on_track', 1],
    ]);
    const ines = await w.person('Ines Duarte', { role: 'quality_owner', program: b });
    expect((await listPrograms(w.deps, { actor: ines })).map((v) => v.program.code)).toEqual([b.code]);
  });
});
