import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../src/app/create-records.js';
import { importLegacyAction } from '../../src/app/demo/legacy-records.js';
import type { Actor } from '../../src/app/deps.js';
import { listGates } from '../../src/app/gates/get-gates.js';
import { updateGate } from '../../src/app/gates/update-gate.js';
import type { UserId } from '../../src/domain/ids.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { type Caller, call, expectProblem, seedProgram, seedUser } from './helpers.js';
import { seedDecision, seedRisk } from './seed-records.js';

interface Item {
  kind: string;
  programCode: string;
  programName: string;
  id: string;
  key: string;
  title: string;
  dueDate: string | null;
  isOverdue: boolean;
  ask: string;
  flags: string[];
}
interface Week {
  weekStart: string;
  weekEnd: string;
  decisions: Item[];
  actions: Item[];
  confirmations: Item[];
  risks: Item[];
  milestones: Item[];
  gatesAtRisk: {
    programCode: string;
    programName: string;
    gateKey: string;
    gateName: string;
    plannedReviewDate: string;
    businessDaysLeft: number;
    items: { key: string; title: string; owner: { id: string; name: string } | null; dueDate: string; reasons: string[] }[];
  }[];
}

// Wednesday 11 March 2026, noon in Ningbo: the week runs Monday 9 to Sunday 15 March.
const now = new Date('2026-03-11T04:00:00Z');

describe.each(dialects)('my week on %s', (dialect) => {
  let t: TestApp;
  let kettle: Program;
  let blender: Program;
  let chen: Actor;
  let sophie: Actor;
  let jonas: Actor;
  let alex: Actor;

  const week = async (who: Caller) => {
    const res = await call(t, { method: 'GET', url: '/api/v1/me/week' }, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Week>();
  };
  const titles = (items: Item[]) => items.map((i) => i.title);
  const post = async (program: Program, path: string, payload: Record<string, unknown>, who?: Caller) => {
    const res = await call(t, { method: 'POST', url: `/api/v1/programs/${program.code}/${path}`, payload }, who);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<{ id: string; key: string; version: number }>();
  };
  // An undated action is a legacy one, imported before every action had to have a due date.
  const action = async (program: Program, title: string, ownerId: string, dueDate: string | null) =>
    dueDate === null
      ? unwrap(
          await importLegacyAction(t.deps, {
            programId: program.id,
            actor: t.actor,
            reason: 'Imported',
            title,
            ownerId: ownerId as UserId,
          }),
        )
      : post(program, 'actions', { title, ownerId, dueDate });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    kettle = await seedProgram(t, 'KHG-KW500');
    blender = await seedProgram(t, 'KHG-HB20');
    chen = await seedUser(t, 'Chen Wei', 'chen.wei@example.test', { programId: kettle.id });
    chen = await t.grant(chen, { programId: blender.id, role: 'contributor' });
    sophie = await seedUser(t, 'Sophie Brandt', 'sophie@example.test', { programId: kettle.id, role: 'quality_owner' });
    jonas = await seedUser(t, 'Jonas Keller', 'jonas@example.test', { programId: kettle.id, role: 'decision_owner' });
    jonas = await t.grant(jonas, { programId: blender.id, role: 'decision_owner' });
    alex = await seedUser(t, 'Alex Moreno', 'alex@example.test', { programId: kettle.id, role: 'observer' });

    // Chen's actions on two programs: overdue, due this week, undated, next month, done, someone else's.
    await action(kettle, 'Send corrected commercial invoice to broker', chen.id, '2026-03-06');
    await action(blender, 'Release pilot materials from bonded stock', chen.id, '2026-03-13');
    await action(kettle, 'Re-run drop test with rib change', chen.id, '2026-03-15');
    await action(kettle, 'Confirm carton drop height', chen.id, null);
    await action(kettle, 'Add second resin source', chen.id, '2026-04-15');
    await action(kettle, 'Next Monday', chen.id, '2026-03-16');
    await action(kettle, "Sophie's label check", sophie.id, '2026-03-12');
    const done = await action(kettle, 'Send golden sample photos', chen.id, '2026-03-10');
    await post(kettle, `actions/${done.key}/done`, { version: 1, note: 'Photos uploaded.' }, chen);

    // Decisions: Jonas owns two open ones on two programs, one decided; Dana owns one.
    await seedDecision(t, kettle, t.actor, { statement: 'Approve second mould insert', ownerId: jonas.id, dueDate: '2026-04-02' });
    await seedDecision(t, blender, t.actor, {
      statement: 'Accept the pilot lot under deviation',
      ownerId: jonas.id,
      dueDate: '2026-03-05',
    });
    await seedDecision(t, kettle, t.actor, { statement: 'Choose the carton supplier', ownerId: jonas.id, dueDate: null });
    await seedDecision(t, kettle, t.actor, { statement: 'Already decided', ownerId: jonas.id, dueDate: '2026-03-10', status: 'decided' });
    await seedDecision(t, kettle, t.actor, { statement: "Dana's decision", ownerId: t.actor.id, dueDate: '2026-03-12' });

    // Risks owned by Sophie: review due this week, overdue, undated, later, closed.
    const risk = (title: string, reviewDate: string | null, status?: 'open' | 'mitigating' | 'closed') =>
      seedRisk(t, kettle, t.actor, { title, ownerId: sophie.id, likelihood: 3, impact: 3, reviewDate, status });
    await risk('Resin allocation to another customer', '2026-03-13');
    await risk('Safety lab queue', '2026-03-02', 'mitigating');
    await risk('Lunar New Year shutdown', null);
    await risk('Packaging artwork change', '2026-04-30');
    await risk('Closed one', '2026-03-10', 'closed');

    // Milestones owned by Chen: late, due this week, next month, done.
    const milestone = (name: string, baselineDate: string, ownerId = chen.id) =>
      post(kettle, 'milestones', { name, phase: 'G1', baselineDate, ownerId });
    await milestone('T1 samples shipped', '2026-03-03');
    await milestone('Tooling kick-off (T0)', '2026-03-12');
    await milestone('Pilot run started', '2026-04-20');
    await milestone('Lead milestone', '2026-03-12', t.actor.id);
    const completed = await milestone('Drawing package frozen', '2026-03-04');
    await post(kettle, `milestones/${completed.key}/complete`, { version: 1, actualDate: '2026-03-04' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("names the week in the person's time zone", async () => {
    expect(await week(chen)).toMatchObject({ weekStart: '2026-03-09', weekEnd: '2026-03-15' });
  });

  it('lists exactly the open decisions the decision owner must make, across programs, overdue first', async () => {
    const w = await week(jonas);
    expect(titles(w.decisions)).toEqual([
      'Accept the pilot lot under deviation',
      'Approve second mould insert',
      'Choose the carton supplier',
    ]);
    expect(w.decisions.map((d) => [d.programCode, d.ask, d.isOverdue, d.flags])).toEqual([
      ['KHG-HB20', 'decide', true, []],
      ['KHG-KW500', 'decide', false, []],
      ['KHG-KW500', 'decide', false, ['no_due_date']],
    ]);
    expect(w.decisions[0]?.programName).toBe('Kettle KHG-HB20');
    expect([w.actions, w.confirmations, w.risks, w.milestones]).toEqual([[], [], [], []]);
  });

  it("lists a contributor's open actions due this week or overdue, undated last, but not next week's or next month's", async () => {
    const w = await week(chen);
    expect(titles(w.actions)).toEqual([
      'Send corrected commercial invoice to broker',
      'Release pilot materials from bonded stock',
      'Re-run drop test with rib change',
      'Confirm carton drop height',
    ]);
    expect(w.actions.map((a) => [a.kind, a.ask, a.dueDate, a.isOverdue, a.flags])).toEqual([
      ['action', 'do', '2026-03-06', true, []],
      ['action', 'do', '2026-03-13', false, []],
      ['action', 'do', '2026-03-15', false, []],
      ['action', 'do', null, false, ['no_due_date']],
    ]);
    expect(w.actions.map((a) => a.programCode)).toEqual(['KHG-KW500', 'KHG-HB20', 'KHG-KW500', 'KHG-KW500']);
    expect(w.confirmations).toEqual([]);
  });

  it('moves with the clock: next Monday the new week holds the Monday action', async () => {
    t.setNow(new Date('2026-03-16T04:00:00Z'));
    try {
      const w = await week(chen);
      expect(w).toMatchObject({ weekStart: '2026-03-16', weekEnd: '2026-03-22' });
      expect(titles(w.actions)).toContain('Next Monday');
      expect(w.actions.filter((a) => a.isOverdue).map((a) => a.title)).toContain('Re-run drop test with rib change');
    } finally {
      t.setNow(now);
    }
  });

  it('lists actions marked done as confirmations for the cadence owner only', async () => {
    const dana = await week(t.actor);
    expect(dana.confirmations.map((c) => [c.title, c.kind, c.ask])).toEqual([['Send golden sample photos', 'confirmation', 'confirm']]);
    expect((await week(sophie)).confirmations).toEqual([]);
    expect(titles(dana.decisions)).toEqual(["Dana's decision"]);
  });

  it('lists the risks the owner must review this week: overdue first, undated flagged, not later or closed ones', async () => {
    const w = await week(sophie);
    expect(w.risks.map((r) => [r.title, r.kind, r.ask, r.dueDate, r.isOverdue, r.flags])).toEqual([
      ['Safety lab queue', 'risk_review', 'review', '2026-03-02', true, []],
      ['Resin allocation to another customer', 'risk_review', 'review', '2026-03-13', false, []],
      ['Lunar New Year shutdown', 'risk_review', 'review', null, false, ['no_due_date']],
    ]);
    expect(titles(w.actions)).toEqual(["Sophie's label check"]);
  });

  it('lists the open milestones the owner must deliver this week, late ones first', async () => {
    const w = await week(chen);
    expect(w.milestones.map((m) => [m.title, m.kind, m.ask, m.dueDate, m.isOverdue])).toEqual([
      ['T1 samples shipped', 'milestone', 'deliver', '2026-03-03', true],
      ['Tooling kick-off (T0)', 'milestone', 'deliver', '2026-03-12', false],
    ]);
    expect(titles((await week(t.actor)).milestones)).toEqual(['Lead milestone']);
  });

  it("lists the gates the person owns that are at risk, with the required items off course; not someone else's", async () => {
    const gated = await seedProgram(t, 'KHG-G1');
    const owner = await t.grant(sophie, { programId: gated.id, role: 'quality_owner' });
    // G1's review on Wednesday 18 March: 5 business days away, inside the 10-day warning period.
    const review = await post(gated, 'milestones', { name: 'G1 review', phase: 'G1', baselineDate: '2026-03-18', ownerId: owner.id });
    const g1 = unwrap(await listGates(t.deps, { programId: gated.id, actor: t.actor })).gates[0];
    unwrap(
      await updateGate(t.deps, {
        programId: gated.id,
        gateKey: 'G1',
        actor: t.actor,
        version: g1?.version ?? 0,
        reviewMilestoneId: review.id,
        ownerId: owner.id,
      }),
    );
    const readiness = unwrap(await listGates(t.deps, { programId: gated.id, actor: t.actor })).gates[0]?.readiness;
    const [gate, ...more] = (await week(owner)).gatesAtRisk;
    expect(more).toEqual([]);
    expect(gate).toMatchObject({
      programCode: 'KHG-G1',
      programName: 'Kettle KHG-G1',
      gateKey: 'G1',
      plannedReviewDate: '2026-03-18',
      businessDaysLeft: 5,
    });
    expect(gate?.items.map((i) => [i.key, i.title, i.owner?.id ?? null, i.dueDate, i.reasons])).toEqual(
      readiness?.items.map((i) => [i.key, i.title, i.ownerId, i.dueDate, i.reasons]),
    );
    expect(gate?.items.length).toBeGreaterThan(0);
    for (const who of [chen, jonas, alex]) expect((await week(who)).gatesAtRisk).toEqual([]);
  });

  it('is empty for an observer, and refused without a person (401)', async () => {
    expect(await week(alex)).toMatchObject({ decisions: [], actions: [], confirmations: [], risks: [], milestones: [] });
    expectProblem(await call(t, { method: 'GET', url: '/api/v1/me/week' }, 'anonymous'), 401, 'UNAUTHENTICATED');
  });
});
