import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import type { GateDocument, ProgramGatesDocument } from '../../src/contract/gate.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { kettleGateProgram } from '../support/gate-program.js';
import { type Caller, call, changes, expectProblem, paths } from './helpers.js';

// Monday 16 March 2026, 10:00 in Ningbo.
const now = new Date('2026-03-16T02:00:00Z');

describe.each(dialects)('phase gates through the API on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let cadence: Actor;
  let jonas: Actor;
  let sophie: Actor;
  let li: Actor;
  let alex: Actor;
  const base = () => `/api/v1/programs/${program.code}/gates`;
  const gate = async (key: string, who?: Caller) => {
    const res = await call(t, { method: 'GET', url: `${base()}/${key}` }, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<GateDocument>();
  };
  const itemOf = (g: GateDocument, key: string) => {
    const found = g.items.find((i) => i.key === key);
    if (!found) throw new Error(`no item ${key} on ${g.key}`);
    return found;
  };
  const step = async (gateKey: string, itemKey: string, action: string, body: Record<string, unknown>, who: Caller) => {
    const item = itemOf(await gate(gateKey), itemKey);
    return call(
      t,
      { method: 'POST', url: `${base()}/${gateKey}/items/${itemKey}/${action}`, payload: { version: item.version, ...body } },
      who,
    );
  };
  const byId = (id: string | null) => [cadence, jonas, sophie, li].find((p) => p.id === id) as Actor;
  /** Every required item of the gate submitted by its owner and accepted by a reviewer who did not submit it. */
  const acceptAll = async (gateKey: string, except: readonly string[] = []) => {
    const g = await gate(gateKey);
    for (const i of g.items.filter((x) => x.isRequired && !except.includes(x.key) && x.state !== 'accepted' && x.state !== 'waived')) {
      const owner = byId(i.ownerId);
      const submitted = await step(gateKey, i.key, 'submit', { note: `Done: ${i.title}` }, owner);
      expect(submitted.statusCode, submitted.body).toBe(200);
      const others = [g.ownerId, sophie.id].filter((id): id is string => id !== null && id !== owner.id);
      const reviewer = others.length > 0 ? byId(others[0] as string) : jonas;
      const accepted = await step(gateKey, i.key, 'accept', {}, reviewer);
      expect(accepted.statusCode, accepted.body).toBe(200);
    }
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    ({ cadence, jonas, sophie, li, alex, program } = await kettleGateProgram(t));
    for (const who of [cadence, jonas, sophie, li, alex])
      await t.grant(who, { programId: program.id, role: 'observer' }).catch(() => undefined);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a program made from the default template has its four gates, their reviews planned and items dated and owned by role', async () => {
    const res = await call(t, { method: 'GET', url: base() }, alex);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<ProgramGatesDocument>();
    expect(list.gates.map((g) => [g.key, g.status, g.templateId])).toEqual([
      ['G1', 'not_started', 'default-4-gate'],
      ['G2', 'not_started', 'default-4-gate'],
      ['G3', 'not_started', 'default-4-gate'],
      ['G4', 'not_started', 'default-4-gate'],
    ]);
    expect(list.phase).toEqual({ kind: 'gate', gateKey: 'G1', status: 'not_started' });
    const g1 = await gate('G1', alex);
    expect(g1.ownerId).toBe(cadence.id);
    expect(g1.reviewMilestone?.name).toMatch(/G1 review/);
    expect(g1.plannedReviewDate).not.toBeNull();
    expect(itemOf(g1, 'G1-GOLDEN-SAMPLE').ownerId).toBe(jonas.id);
    expect(itemOf(g1, 'G1-TOOLING-T1').ownerId).toBe(sophie.id);
    // The page is told whom the gate rules name, so it offers exactly the steps the server takes.
    expect(g1.reviewers).toEqual({ decisionOwnerId: jonas.id, qualityOwnerIds: [sophie.id] });
    expect(g1.people.map((p) => p.id)).toEqual(expect.arrayContaining([jonas.id, sophie.id]));
    for (const i of g1.items) expect(i.dueDate !== null && i.dueDate <= (g1.plannedReviewDate as string)).toBe(true);
  });

  it('refuses steps out of turn: an observer submits nothing, only the owner submits, nothing is submitted without evidence', async () => {
    expectProblem(await step('G1', 'G1-BOM-DRAWINGS', 'submit', { note: 'x' }, alex), 403, 'FORBIDDEN');
    expectProblem(await step('G1', 'G1-BOM-DRAWINGS', 'submit', { note: 'BOM rev C' }, li), 403, 'GATE_ROLE_REQUIRED');
    const bare = expectProblem(await step('G1', 'G1-BOM-DRAWINGS', 'submit', {}, cadence), 422, 'VALIDATION_FAILED');
    expect(paths(bare)).toEqual(['note']);
    expectProblem(await step('G1', 'G1-BOM-DRAWINGS', 'accept', {}, sophie), 409, 'EVIDENCE_STATE');
    const stale = await call(
      t,
      { method: 'POST', url: `${base()}/G1/items/G1-BOM-DRAWINGS/submit`, payload: { version: 99, note: 'x' } },
      cadence,
    );
    expectProblem(stale, 409, 'VERSION_CONFLICT');
    expectProblem(await call(t, { method: 'GET', url: `${base()}/G9` }, alex), 404, 'GATE_NOT_FOUND');
    expectProblem(
      await step('G1', 'NOPE', 'submit', { note: 'x' }, cadence).catch(() =>
        call(t, { method: 'POST', url: `${base()}/G1/items/NOPE/submit`, payload: { version: 1, note: 'x' } }, cadence),
      ),
      404,
      'CHECKLIST_ITEM_NOT_FOUND',
    );
  });

  it('evidence is submitted, rejected with a reason, submitted again and accepted; the gate follows', async () => {
    expect((await step('G1', 'G1-BOM-DRAWINGS', 'submit', { note: 'BOM rev C and drawings 4711-C released' }, cadence)).statusCode).toBe(
      200,
    );
    let g1 = await gate('G1');
    expect(g1.status).toBe('in_progress');
    expectProblem(await step('G1', 'G1-BOM-DRAWINGS', 'reject', { comment: '' }, sophie), 422, 'VALIDATION_FAILED');
    expectProblem(await step('G1', 'G1-BOM-DRAWINGS', 'accept', {}, cadence), 403, 'GATE_ROLE_REQUIRED');
    expect((await step('G1', 'G1-BOM-DRAWINGS', 'reject', { comment: 'Drawing 4712 still at rev B.' }, sophie)).statusCode).toBe(200);
    g1 = await gate('G1');
    expect(itemOf(g1, 'G1-BOM-DRAWINGS')).toMatchObject({
      state: 'rejected',
      reviewComment: 'Drawing 4712 still at rev B.',
      reviewedById: sophie.id,
    });
    expect((await step('G1', 'G1-BOM-DRAWINGS', 'submit', { note: 'All drawings at rev C.' }, cadence)).statusCode).toBe(200);
    const accepted = await step('G1', 'G1-BOM-DRAWINGS', 'accept', { comment: 'Checked against the BOM.' }, sophie);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(itemOf(accepted.json<GateDocument>(), 'G1-BOM-DRAWINGS').state).toBe('accepted');
    const log = await changes(t, program.code);
    expect(log.some((c) => c.field === 'state' && c.newValue === 'rejected')).toBe(true);
  });

  it('passing early is refused with the missing items listed; a waiver needs a decided decision; a conditional go opens actions', async () => {
    const g1 = await gate('G1');
    const early = await call(
      t,
      { method: 'POST', url: `${base()}/G1/decision`, payload: { version: g1.version, outcome: 'go', rationale: 'Looks fine' } },
      jonas,
    );
    const refused = expectProblem(early, 409, 'GATE_NOT_READY');
    expect(paths(refused)).toContain('items.G1-GOLDEN-SAMPLE');
    expect(paths(refused)).not.toContain('items.G1-BOM-DRAWINGS');

    const asked = await call(
      t,
      {
        method: 'POST',
        url: `/api/v1/programs/${program.code}/decisions`,
        payload: { statement: 'Waive the capacity check for G1?', ownerId: jonas.id, dueDate: '2026-03-20' },
      },
      cadence,
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const d = asked.json<{ id: string; key: string; version: number }>();
    expectProblem(await step('G1', 'G1-CAPACITY', 'waive', { decisionId: d.key }, cadence), 422, 'WAIVER_NEEDS_DECISION');
    const decided = await call(
      t,
      {
        method: 'POST',
        url: `/api/v1/programs/${program.code}/decisions/${d.key}/decide`,
        payload: {
          version: d.version,
          outcome: 'Waived',
          rationale: 'Capacity was confirmed on the sister line.',
          expectedImpact: 'None.',
        },
      },
      jonas,
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const waived = await step('G1', 'G1-CAPACITY', 'waive', { decisionId: d.key }, cadence);
    expect(waived.statusCode, waived.body).toBe(200);
    expect(itemOf(waived.json<GateDocument>(), 'G1-CAPACITY')).toMatchObject({ state: 'waived', waiverDecisionKey: d.key });

    await acceptAll('G1');
    const ready = await gate('G1');
    expect(ready.status).toBe('ready_for_review');
    const wrongDecider = await call(
      t,
      { method: 'POST', url: `${base()}/G1/decision`, payload: { version: ready.version, outcome: 'go', rationale: 'Ready' } },
      cadence,
    );
    expectProblem(wrongDecider, 403, 'GATE_ROLE_REQUIRED');
    const conditional = await call(
      t,
      {
        method: 'POST',
        url: `${base()}/G1/decision`,
        payload: {
          version: ready.version,
          outcome: 'conditional_go',
          rationale: 'Ready but for the retail box artwork.',
          conditions: [{ text: 'Retail box artwork approved by the client', ownerId: li.id, dueDate: '2026-04-10' }],
        },
      },
      jonas,
    );
    expect(conditional.statusCode, conditional.body).toBe(200);
    const passed = conditional.json<GateDocument>();
    expect(passed.status).toBe('passed_with_conditions');
    expect(passed.decision?.evidence?.length).toBe(ready.items.length);
    const condition = passed.decision?.conditions[0];
    expect(condition).toMatchObject({ ownerId: li.id, dueDate: '2026-04-10' });
    const action = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/actions/${condition?.actionKey}` }, alex);
    expect(action.statusCode, action.body).toBe(200);
    expect(action.json<{ status: string; owner: { id: string } }>()).toMatchObject({ status: 'open', owner: { id: li.id } });
    const logged = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/decisions/${passed.decisionKey}` }, alex);
    expect(logged.json<{ status: string; statement: string }>()).toMatchObject({
      status: 'decided',
      statement: expect.stringContaining('G1'),
    });
    expect((await call(t, { method: 'GET', url: base() }, alex)).json<ProgramGatesDocument>().phase).toMatchObject({
      kind: 'gate',
      gateKey: 'G2',
    });
  });

  it("a gate's review milestone is completed only after its gate passed; the next gate does not pass while a condition is open", async () => {
    const g1 = await gate('G1');
    const g2 = await gate('G2');
    const m2 = g2.reviewMilestone;
    const ms2 = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/milestones/${m2?.key}` }, cadence);
    const done2 = await call(
      t,
      {
        method: 'POST',
        url: `/api/v1/programs/${program.code}/milestones/${m2?.key}/complete`,
        payload: { version: ms2.json<{ version: number }>().version, actualDate: '2026-03-16' },
      },
      cadence,
    );
    expectProblem(done2, 409, 'GATE_NOT_PASSED');
    const ms1 = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/milestones/${g1.reviewMilestone?.key}` }, cadence);
    const done1 = await call(
      t,
      {
        method: 'POST',
        url: `/api/v1/programs/${program.code}/milestones/${g1.reviewMilestone?.key}/complete`,
        payload: { version: ms1.json<{ version: number }>().version, actualDate: '2026-03-16' },
      },
      cadence,
    );
    expect(done1.statusCode, done1.body).toBe(200);

    await acceptAll('G2');
    const ready = await gate('G2');
    const refused = expectProblem(
      await call(
        t,
        { method: 'POST', url: `${base()}/G2/decision`, payload: { version: ready.version, outcome: 'go', rationale: 'Pilot passed.' } },
        jonas,
      ),
      409,
      'GATE_CONDITION_OPEN',
    );
    expect(paths(refused)).toEqual([`conditions.${g1.decision?.conditions[0]?.actionKey}`]);
  });
});
