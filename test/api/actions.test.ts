import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { type Caller, call, changes, expectProblem, paths, seedProgram, seedUser } from './helpers.js';
import { seedDecision, seedRisk } from './seed-records.js';

interface ActionBody {
  id: string;
  programId: string;
  programCode: string;
  key: string;
  title: string;
  description: string;
  owner: { id: string; name: string; email: string } | null;
  dueDate: string | null;
  originalDueDate: string | null;
  severity: string;
  blocks: { id: string; key: string; name: string } | null;
  risk: { id: string; key: string; title: string } | null;
  status: 'open' | 'done' | 'closed';
  isOverdue: boolean;
  doneNote: string | null;
  doneAt: string | null;
  doneBy: { id: string; name: string; email: string } | null;
  confirmedBy: { id: string; name: string } | null;
  confirmedAt: string | null;
  checkDate: string | null;
  checkResult: string | null;
  version: number;
}

// Wednesday 11 March 2026, noon in Ningbo (Asia/Shanghai).
const now = new Date('2026-03-11T04:00:00Z');

describe.each(dialects)('actions API on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let chen: Actor;
  let sophie: Actor;
  let jonas: Actor;
  let alex: Actor;
  const base = () => `/api/v1/programs/${program.code}/actions`;

  const open = (body: Record<string, unknown>, who?: Caller) => call(t, { method: 'POST', url: base(), payload: body }, who);
  const patch = (a: string, body: Record<string, unknown>, who?: Caller) =>
    call(t, { method: 'PATCH', url: `${base()}/${a}`, payload: body }, who);
  const step = (a: string, verb: 'done' | 'confirm' | 'reopen' | 'effectiveness', body: Record<string, unknown>, who?: Caller) =>
    call(t, { method: 'POST', url: `${base()}/${a}/${verb}`, payload: body }, who);
  const list = async (query = '', who?: Caller) => {
    const res = await call(t, { method: 'GET', url: `${base()}${query}` }, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: ActionBody[] }>().items;
  };
  /** Opens an action (as Dana unless told) and returns it, failing the test unless it was opened. */
  const opened = async (body: Record<string, unknown>, who?: Caller) => {
    const res = await open({ title: 'Send corrected commercial invoice to broker', ownerId: chen.id, dueDate: '2026-03-13', ...body }, who);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ActionBody>();
  };
  const ok = (res: { statusCode: number; body: string; json: <T>() => T }) => {
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ActionBody>();
  };
  const portfolioRow = async () =>
    (await call(t, { method: 'GET', url: '/api/v1/programs' }))
      .json<{ items: { code: string; openDecisions: number; highRisks: number; blockers: number }[] }>()
      .items.find((p) => p.code === program.code);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    program = await seedProgram(t, 'KHG-KW500');
    chen = await seedUser(t, 'Chen Wei', 'chen.wei@example.test', { programId: program.id });
    sophie = await seedUser(t, 'Sophie Brandt', 'sophie@example.test', { programId: program.id, role: 'quality_owner' });
    jonas = await seedUser(t, 'Jonas Keller', 'jonas@example.test', { programId: program.id, role: 'decision_owner' });
    alex = await seedUser(t, 'Alex Moreno', 'alex@example.test', { programId: program.id, role: 'observer' });
    const m = await call(t, {
      method: 'POST',
      url: `/api/v1/programs/${program.code}/milestones`,
      payload: { name: 'T1 samples arrived', phase: 'G1', baselineDate: '2026-03-20', ownerId: t.actor.id },
    });
    expect(m.statusCode, m.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('opens an action A-1 with its owner, the first due date kept, and the milestone it blocks (named by key)', async () => {
    const a = await opened({ severity: 'high', blocksMilestoneId: 'm-1', description: 'HS code mismatch' });
    expect(a).toMatchObject({
      programId: program.id,
      programCode: 'KHG-KW500',
      key: 'A-1',
      title: 'Send corrected commercial invoice to broker',
      description: 'HS code mismatch',
      owner: { id: chen.id, name: 'Chen Wei' },
      dueDate: '2026-03-13',
      originalDueDate: '2026-03-13',
      severity: 'high',
      blocks: { key: 'M-1', name: 'T1 samples arrived' },
      risk: null,
      status: 'open',
      isOverdue: false,
      confirmedBy: null,
      version: 1,
    });
    expect((await opened({ title: 'Book second pre-shipment inspection slot' })).key).toBe('A-2');
  });

  it('refuses an action without an owner or a due date (422 VALIDATION_FAILED naming it), whether left out or null', async () => {
    for (const ownerId of [undefined, null, '']) {
      const p = expectProblem(await open({ title: 'Nobody will do this', ownerId, dueDate: '2026-03-13' }), 422, 'VALIDATION_FAILED');
      expect(p.errors).toEqual([{ path: 'ownerId', message: 'Name who will do it: every action has an owner.' }]);
    }
    for (const dueDate of [undefined, null]) {
      const p = expectProblem(await open({ title: 'No date', ownerId: chen.id, dueDate }), 422, 'VALIDATION_FAILED');
      expect(p.errors).toEqual([{ path: 'dueDate', message: 'Say by when it is done: every action has a due date.' }]);
    }
  });

  it('refuses an owner outside the program, and a milestone or risk that is not in it', async () => {
    const stranger = await t.addPerson({ email: 'stranger@example.test' });
    const due = { dueDate: '2026-03-13' };
    expectProblem(await open({ title: 'x', ownerId: stranger.id, ...due }), 422, 'USER_NOT_FOUND');
    const m = expectProblem(await open({ title: 'x', ownerId: chen.id, blocksMilestoneId: 'M-99', ...due }), 422, 'LINK_TARGET_NOT_FOUND');
    expect(paths(m)).toEqual(['blocksMilestoneId']);
    const r = expectProblem(await open({ title: 'x', ownerId: chen.id, riskId: 'R-99', ...due }), 422, 'LINK_TARGET_NOT_FOUND');
    expect(paths(r)).toEqual(['riskId']);
  });

  it('links an action to a risk of the program by key', async () => {
    const risk = await seedRisk(t, program, t.actor, {
      title: 'Resin allocation',
      ownerId: chen.id,
      likelihood: 2,
      impact: 2,
      reviewDate: null,
    });
    const a = await opened({ title: 'Qualify second resin source', riskId: risk.key });
    expect(a.risk).toEqual({ id: risk.id, key: risk.key, title: 'Resin allocation' });
  });

  it('lets an observer read actions but not open them (403 FORBIDDEN)', async () => {
    expect((await list('', alex)).length).toBeGreaterThan(0);
    const p = expectProblem(await open({ title: 'Observer action', ownerId: alex.id, dueDate: '2026-03-13' }, alex), 403, 'FORBIDDEN');
    expect(p.detail).toContain('action.open');
  });

  it('closes in two steps: the owner marks done, the cadence owner confirms', async () => {
    const a = await opened({ title: 'Re-run drop test with rib change' });
    const done = ok(await step(a.key, 'done', { version: 1, note: 'Passed at 1.2 m on all six corners.' }, chen));
    expect(done).toMatchObject({ status: 'done', doneNote: 'Passed at 1.2 m on all six corners.', doneAt: now.toISOString(), version: 2 });
    const closed = ok(await step(a.key, 'confirm', { version: 2 }));
    expect(closed).toMatchObject({
      status: 'closed',
      confirmedBy: { id: t.actor.id, name: 'Dana Whitfield' },
      confirmedAt: now.toISOString(),
      version: 3,
    });
  });

  it('refuses done by anyone but the owner, confirming an open action, and a second done', async () => {
    const a = await opened({ title: 'Chase the factory for the schedule' });
    expectProblem(await step(a.key, 'done', { version: 1, note: 'Done by the lead' }), 403, 'FORBIDDEN');
    expectProblem(await step(a.key, 'done', { version: 1, note: 'Done by quality' }, sophie), 403, 'FORBIDDEN');
    expectProblem(await step(a.key, 'confirm', { version: 1 }), 409, 'ACTION_STATE');
    ok(await step(a.key, 'done', { version: 1, note: 'Schedule received.' }, chen));
    expectProblem(await step(a.key, 'done', { version: 2, note: 'Again' }, chen), 409, 'ACTION_STATE');
  });

  it('lets a contributor open actions and mark their own done, but not confirm, reopen or check them', async () => {
    const a = await opened({ title: 'Release pilot materials from bonded stock', ownerId: chen.id }, chen);
    expect(a.key).toMatch(/^A-\d+$/);
    ok(await step(a.key, 'done', { version: 1, note: 'Duty paid; materials released.' }, chen));
    expectProblem(await step(a.key, 'confirm', { version: 2 }, chen), 403, 'FORBIDDEN');
    expectProblem(await step(a.key, 'reopen', { version: 2, reason: 'Not really' }, chen), 403, 'FORBIDDEN');
    expectProblem(await step(a.key, 'confirm', { version: 2 }, sophie), 403, 'FORBIDDEN');
    // A decision owner may confirm as well as the cadence owner.
    expect(ok(await step(a.key, 'confirm', { version: 2 }, jonas)).status).toBe('closed');
  });

  it('two people, two steps: the cadence owner may not confirm an action she marked done herself (403 CLOSURE_NEEDS_SECOND_PERSON)', async () => {
    const a = await opened({ title: 'Send the corrected spec sheet', ownerId: t.actor.id });
    const done = ok(await step(a.key, 'done', { version: 1, note: 'Sent to the factory.' }));
    expect(done.doneBy).toEqual({ id: t.actor.id, name: 'Dana Whitfield', email: 'dana.whitfield@example.test' });
    const p = expectProblem(await step(a.key, 'confirm', { version: 2 }), 403, 'CLOSURE_NEEDS_SECOND_PERSON');
    expect(p.detail).toContain(a.key);
    expect((await list()).find((x) => x.key === a.key)).toMatchObject({ status: 'done', version: 2 });
    const closed = ok(await step(a.key, 'confirm', { version: 2 }, jonas));
    expect(closed).toMatchObject({ status: 'closed', confirmedBy: { id: jonas.id } });
  });

  it('reopens a done or closed action only with a reason, and the reason is logged', async () => {
    const a = await opened({ title: 'Correct the WEEE symbol size' });
    ok(await step(a.key, 'done', { version: 1, note: 'Artwork sent to the printer.' }, chen));
    expectProblem(await step(a.key, 'reopen', { version: 2, reason: '  ' }), 422, 'REASON_REQUIRED');
    const reopened = ok(await step(a.key, 'reopen', { version: 2, reason: 'The proof still shows 5 mm.' }));
    expect(reopened).toMatchObject({ status: 'open', doneNote: null, doneAt: null, version: 3 });
    expectProblem(await step(a.key, 'reopen', { version: 3, reason: 'Again' }), 409, 'ACTION_STATE');
    const log = await changes(t, program.code);
    const status = log.find((c) => c.entityId === a.id && c.field === 'status' && c.newValue === 'open' && c.oldValue === 'done');
    expect(status?.reason).toBe('The proof still shows 5 mm.');
  });

  it('moves a due date only with a reason, keeping the original promise', async () => {
    const a = await opened({ title: 'Book the container', ownerId: chen.id });
    const refused = expectProblem(await patch(a.key, { version: 1, dueDate: '2026-03-20' }, chen), 422, 'REASON_REQUIRED');
    expect(paths(refused)).toEqual(['reason']);
    expect((await list()).find((x) => x.key === a.key)).toMatchObject({ dueDate: '2026-03-13', version: 1 });
    const moved = ok(await patch(a.key, { version: 1, dueDate: '2026-03-20', reason: 'Vessel cut-off moved' }, chen));
    expect(moved).toMatchObject({ dueDate: '2026-03-20', originalDueDate: '2026-03-13', version: 2 });
    const again = ok(await patch(a.key, { version: 2, dueDate: '2026-03-27', reason: 'Second cut-off slip', severity: 'high' }));
    expect(again).toMatchObject({ dueDate: '2026-03-27', originalDueDate: '2026-03-13', severity: 'high' });
    const log = await changes(t, program.code);
    expect(log.find((c) => c.entityId === a.id && c.field === 'dueDate' && c.newValue === '2026-03-20')?.reason).toBe(
      'Vessel cut-off moved',
    );
  });

  it("refuses edits of someone else's action by a contributor, a stale version with the current state, and unknown actions", async () => {
    const a = await opened({ title: "Sophie's audit prep", ownerId: sophie.id });
    expectProblem(await patch(a.key, { version: 1, title: 'Hijacked' }, chen), 403, 'FORBIDDEN');
    ok(await patch(a.key, { version: 1, title: 'Audit prep' }, sophie));
    const stale = expectProblem(await patch(a.key, { version: 1, title: 'Old view' }), 409, 'VERSION_CONFLICT');
    expect(stale.current).toMatchObject({ key: a.key, title: 'Audit prep', version: 2 });
    expect(paths(expectProblem(await patch(a.key, { version: 2, ownerId: null }), 422, 'VALIDATION_FAILED'))).toEqual(['ownerId']);
    expect(paths(expectProblem(await patch(a.key, { version: 2, dueDate: null }), 422, 'VALIDATION_FAILED'))).toEqual(['dueDate']);
    expectProblem(await patch('A-999', { version: 1, title: 'x' }), 404, 'ACTION_NOT_FOUND');
    expectProblem(await step('A-999', 'done', { version: 1, note: 'x' }, chen), 404, 'ACTION_NOT_FOUND');
  });

  it('records an effectiveness check after the action is done, by the cadence or quality owner', async () => {
    const a = await opened({ title: 'Replace worn ejector pins on cavity 2', checkDate: '2026-04-10' });
    expect(a.checkDate).toBe('2026-04-10');
    expectProblem(await step(a.key, 'effectiveness', { version: 1, result: 'effective' }), 409, 'ACTION_STATE');
    ok(await step(a.key, 'done', { version: 1, note: 'Pins replaced.' }, chen));
    expectProblem(await step(a.key, 'effectiveness', { version: 2, result: 'effective' }, chen), 403, 'FORBIDDEN');
    expect(ok(await step(a.key, 'effectiveness', { version: 2, result: 'not_effective' }, sophie))).toMatchObject({
      checkResult: 'not_effective',
      status: 'done',
    });
    expect(ok(await step(a.key, 'effectiveness', { version: 3, result: 'effective' }))).toMatchObject({ checkResult: 'effective' });
  });

  it('lists by status and owner, open first, each overdue in the program time zone', async () => {
    const a = await opened({ title: 'Due on the 11th', ownerId: sophie.id, dueDate: '2026-03-11' });
    const all = await list();
    expect(all.map((x) => x.status)).toEqual(
      [...all.map((x) => x.status)].sort((x, y) => ['open', 'done', 'closed'].indexOf(x) - ['open', 'done', 'closed'].indexOf(y)),
    );
    expect((await list('?status=done')).every((x) => x.status === 'done')).toBe(true);
    expect((await list('?status=closed')).length).toBeGreaterThan(0);
    const sophies = await list(`?ownerId=${sophie.id}`);
    expect(sophies.length).toBeGreaterThan(0);
    expect(sophies.every((x) => x.owner?.id === sophie.id)).toBe(true);
    expect(sophies.find((x) => x.key === a.key)?.isOverdue).toBe(false);
    expect((await list('?ownerId=me', sophie)).map((x) => x.key)).toEqual(sophies.map((x) => x.key));
    // 17:00 UTC on the 11th is already the 12th in Ningbo: the action is overdue there.
    t.setNow(new Date('2026-03-11T17:00:00Z'));
    try {
      expect((await list(`?ownerId=${sophie.id}`)).find((x) => x.key === a.key)?.isOverdue).toBe(true);
    } finally {
      t.setNow(now);
    }
    expectProblem(await call(t, { method: 'GET', url: `${base()}?status=lost` }), 422, 'VALIDATION_FAILED');
  });

  it('shows an open blocking action on the milestone it blocks and in the portfolio blockers count, until confirmed', async () => {
    const milestones = async () =>
      (await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/milestones` })).json<{
        items: { key: string; blockedBy: { key: string; status: string }[] }[];
      }>().items;
    const before = (await portfolioRow())?.blockers ?? 0;
    const a = await opened({ title: 'Release customs hold on T1 samples', blocksMilestoneId: 'M-1' });
    expect((await milestones()).find((m) => m.key === 'M-1')?.blockedBy).toContainEqual(
      expect.objectContaining({ key: a.key, status: 'open' }),
    );
    expect((await portfolioRow())?.blockers).toBe(before + 1);
    ok(await step(a.key, 'done', { version: 1, note: 'Released.' }, chen));
    expect((await portfolioRow())?.blockers).toBe(before + 1);
    ok(await step(a.key, 'confirm', { version: 2 }));
    expect((await milestones()).find((m) => m.key === 'M-1')?.blockedBy.map((b) => b.key)).not.toContain(a.key);
    expect((await portfolioRow())?.blockers).toBe(before);
    const unblocked = await opened({ title: 'Unblock later', blocksMilestoneId: 'M-1' });
    expect(ok(await patch(unblocked.key, { version: 1, blocksMilestoneId: null })).blocks).toBeNull();
    expect((await portfolioRow())?.blockers).toBe(before);
  });

  it('counts open decisions and high risks per program in the portfolio', async () => {
    const before = await portfolioRow();
    await seedDecision(t, program, t.actor, { statement: 'Approve the second mould insert', ownerId: jonas.id, dueDate: '2026-03-16' });
    await seedDecision(t, program, t.actor, { statement: 'Already decided', ownerId: jonas.id, dueDate: null, status: 'decided' });
    await seedRisk(t, program, t.actor, { title: 'Lunar New Year shutdown', ownerId: chen.id, likelihood: 4, impact: 4, reviewDate: null });
    await seedRisk(t, program, t.actor, { title: 'Low one', ownerId: chen.id, likelihood: 2, impact: 3, reviewDate: null });
    await seedRisk(t, program, t.actor, {
      title: 'Closed high one',
      ownerId: chen.id,
      likelihood: 5,
      impact: 5,
      reviewDate: null,
      status: 'closed',
    });
    const after = await portfolioRow();
    expect(after?.openDecisions).toBe((before?.openDecisions ?? 0) + 1);
    expect(after?.highRisks).toBe((before?.highRisks ?? 0) + 1);
  });

  it('is not there for someone outside the program (404) or nobody (401)', async () => {
    const outsider = await t.addPerson({ email: 'outsider@example.test' });
    expectProblem(await call(t, { method: 'GET', url: base() }, outsider), 404, 'PROGRAM_NOT_FOUND');
    expectProblem(await call(t, { method: 'GET', url: base() }, 'anonymous'), 401, 'UNAUTHENTICATED');
  });
});
