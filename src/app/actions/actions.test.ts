import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openUseCaseWorld, refusal, type UseCaseWorld, worldStart } from '../../../test/support/use-case-world.js';
import type { Action } from '../../domain/action.js';
import { plainDate } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import { unwrap } from '../create-records.js';
import { importLegacyAction } from '../demo/legacy-records.js';
import type { Actor } from '../deps.js';
import { getMilestone } from '../get-milestone.js';
import { getProgram } from '../get-program.js';
import { raiseRisk } from '../risks/raise-risk.js';
import { confirmAction } from './confirm-action.js';
import { editAction } from './edit-action.js';
import { listActions } from './list-actions.js';
import { markActionDone } from './mark-action-done.js';
import { openAction } from './open-action.js';
import { recordEffectiveness } from './record-effectiveness.js';
import { reopenAction } from './reopen-action.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

/** A program with Chen, a contributor who owns actions, and Ines, its quality owner. */
async function team() {
  const p = await w.program();
  const chen = await w.person('Chen Wei', { role: 'contributor', program: p });
  const ines = await w.person('Ines Duarte', { role: 'quality_owner', program: p });
  return { p, chen, ines };
}

const open = (p: Program, ownerId: string | null, over: Partial<Parameters<typeof openAction>[1]> = {}) =>
  openAction(w.deps, {
    programId: p.id,
    actor: w.lead,
    title: 'Re-cut the gate insert',
    ownerId,
    dueDate: plainDate('2026-03-20'),
    ...over,
  });

const target = (p: Program, a: Action, actor: Actor) => ({ programId: p.id, actionId: a.key, version: a.version, actor });

describe('openAction', () => {
  it('opens an action under the next key, blocking a milestone and addressing a risk named by key', async () => {
    const { p, chen } = await team();
    await w.milestone(p, 'Pilot run', '2026-03-12');
    unwrap(
      await raiseRisk(w.deps, {
        programId: p.id,
        actor: w.lead,
        title: 'Flash',
        category: 'quality',
        ownerId: chen.id,
        likelihood: 3,
        impact: 3,
      }),
    );
    const v = unwrap(await open(p, chen.id, { blocksMilestoneId: 'M-1', riskId: 'R-1', dueDate: plainDate('2026-03-09') }));
    expect(v.action).toMatchObject({
      key: 'A-1',
      status: 'open',
      severity: 'medium',
      dueDate: '2026-03-09',
      originalDueDate: '2026-03-09',
    });
    expect([v.blocks?.key, v.risk?.key, v.owner?.id]).toEqual(['M-1', 'R-1', chen.id]);
  });

  it('refuses an action nobody owns, an owner outside the program, and a milestone of another program', async () => {
    const { p, chen } = await team();
    const other = await w.program();
    const foreign = await w.milestone(other, 'Elsewhere', '2026-03-12');
    const outsider = await w.person('Olu Adebayo', { role: 'cadence_owner', program: other });
    expect(refusal(await open(p, null)).code).toBe('OWNER_REQUIRED');
    expect(refusal(await open(p, chen.id, { dueDate: null }))).toMatchObject({ code: 'DUE_DATE_REQUIRED', fields: [{ path: 'dueDate' }] });
    expect(refusal(await open(p, outsider.id)).code).toBe('USER_NOT_FOUND');
    const r = refusal(await open(p, chen.id, { blocksMilestoneId: foreign.id }));
    expect(r.code).toBe('LINK_TARGET_NOT_FOUND');
    expect(r.fields?.map((f) => f.path)).toEqual(['blocksMilestoneId']);
    expect(unwrap(await listActions(w.deps, { programId: p.id, actor: w.lead })).items).toEqual([]);
  });
});

describe('closing an action takes two people', () => {
  it('the owner marks it done with a note; only the cadence owner confirms the closure', async () => {
    const { p, chen, ines } = await team();
    const a = unwrap(await open(p, chen.id)).action;

    expect(refusal(await markActionDone(w.deps, { ...target(p, a, w.lead), note: 'Done by me' })).code).toBe('FORBIDDEN');
    expect(refusal(await markActionDone(w.deps, { ...target(p, a, chen), note: '  ' })).code).toBe('VALIDATION_FAILED');
    expect(refusal(await confirmAction(w.deps, target(p, a, w.lead))).code).toBe('ACTION_STATE');
    w.setNow('2026-03-05T07:00:00.000Z');
    const done = unwrap(await markActionDone(w.deps, { ...target(p, a, chen), note: 'Insert re-cut, 30 shots OK' }));
    expect(done.action).toMatchObject({ status: 'done', doneNote: 'Insert re-cut, 30 shots OK', doneAt: '2026-03-05T07:00:00.000Z' });

    // Neither the owner who did it nor the quality owner may close it.
    expect(refusal(await confirmAction(w.deps, target(p, done.action, chen))).code).toBe('FORBIDDEN');
    expect(refusal(await confirmAction(w.deps, target(p, done.action, ines))).code).toBe('FORBIDDEN');
    w.setNow('2026-03-05T16:00:00.000Z');
    const closed = unwrap(await confirmAction(w.deps, target(p, done.action, w.lead)));
    expect(closed.action).toMatchObject({ status: 'closed', confirmedById: w.lead.id, confirmedAt: '2026-03-05T16:00:00.000Z' });
    expect(closed.confirmedBy?.name).toBe('Dana Whitfield');
    const statuses = (await w.changes(p, { entity: 'action', field: 'status' })).map((c) => [c.oldValue, c.newValue, c.actorId]);
    expect(statuses).toEqual([
      [null, 'open', w.lead.id],
      ['open', 'done', chen.id],
      ['done', 'closed', w.lead.id],
    ]);
  });

  it('the cadence owner who marked their own action done may not confirm it; a decision owner or an admin does', async () => {
    const { p } = await team();
    const jonas = await w.person('Jonas Keller', { role: 'decision_owner', program: p });
    const own = unwrap(await open(p, w.lead.id)).action;
    const done = unwrap(await markActionDone(w.deps, { ...target(p, own, w.lead), note: 'Spec sent' })).action;
    expect(done.doneById).toBe(w.lead.id);
    const r = refusal(await confirmAction(w.deps, target(p, done, w.lead)));
    expect(r.code).toBe('CLOSURE_NEEDS_SECOND_PERSON');
    expect(r.message).toContain(done.key);
    expect(unwrap(await confirmAction(w.deps, target(p, done, jonas))).action).toMatchObject({ status: 'closed', confirmedById: jonas.id });

    const again = unwrap(await open(p, w.lead.id)).action;
    const doneAgain = unwrap(await markActionDone(w.deps, { ...target(p, again, w.lead), note: 'Spec sent' })).action;
    expect(unwrap(await confirmAction(w.deps, target(p, doneAgain, w.admin))).action.confirmedById).toBe(w.admin.id);
  });

  it('reopening needs a reason and clears the closure; a closed action is not edited until reopened', async () => {
    const { p, chen } = await team();
    const a = unwrap(await open(p, chen.id)).action;
    const done = unwrap(await markActionDone(w.deps, { ...target(p, a, chen), note: 'Done' })).action;
    const closed = unwrap(await confirmAction(w.deps, target(p, done, w.lead))).action;
    const edit = refusal(await editAction(w.deps, { ...target(p, closed, w.lead), patch: { title: 'New title' } }));
    expect(edit.code).toBe('ACTION_STATE');
    expect(refusal(await reopenAction(w.deps, { ...target(p, closed, w.lead), reason: '' })).code).toBe('REASON_REQUIRED');
    expect(refusal(await reopenAction(w.deps, { ...target(p, closed, chen), reason: 'Mine' })).code).toBe('FORBIDDEN');
    const reopened = unwrap(await reopenAction(w.deps, { ...target(p, closed, w.lead), reason: 'Flash is back on cavity 2' }));
    expect(reopened.action).toMatchObject({ status: 'open', doneNote: null, doneAt: null, confirmedById: null, confirmedAt: null });
    expect((await w.changes(p, { entity: 'action', field: 'status' })).at(-1)).toMatchObject({
      oldValue: 'closed',
      newValue: 'open',
      reason: 'Flash is back on cavity 2',
    });
  });
});

describe('an action that blocks a milestone', () => {
  it('blocks it until the closure is confirmed, and again once reopened', async () => {
    const { p, chen } = await team();
    const m = await w.milestone(p, 'Pilot run', '2026-03-12');
    const blockers = async () => unwrap(await getProgram(w.deps, { programId: p.id, actor: w.lead })).blockers;
    const blockedBy = async () =>
      unwrap(await getMilestone(w.deps, { programId: p.id, milestoneId: m.key, actor: w.lead })).blockedBy.map((a) => a.key);

    expect(await blockers()).toBe(0);
    const a = unwrap(await open(p, chen.id, { blocksMilestoneId: m.key, dueDate: plainDate('2026-03-10') })).action;
    expect([await blockers(), await blockedBy()]).toEqual([1, ['A-1']]);
    const done = unwrap(await markActionDone(w.deps, { ...target(p, a, chen), note: 'Done' })).action;
    expect(await blockers()).toBe(1);
    const closed = unwrap(await confirmAction(w.deps, target(p, done, w.lead))).action;
    expect([await blockers(), await blockedBy()]).toEqual([0, []]);
    unwrap(await reopenAction(w.deps, { ...target(p, closed, w.lead), reason: 'Not fixed' }));
    expect(await blockers()).toBe(1);
  });

  it('puts the milestone at risk once it is overdue, or due after the milestone', async () => {
    const { p, chen } = await team();
    const m = await w.milestone(p, 'Pilot run', '2026-03-12');
    const health = async () => {
      const v = unwrap(await getMilestone(w.deps, { programId: p.id, milestoneId: m.key, actor: w.lead }));
      return [v.health, v.healthReason];
    };
    const a = unwrap(await open(p, chen.id, { blocksMilestoneId: m.key, dueDate: plainDate('2026-03-10') })).action;
    expect(await health()).toEqual(['on_track', { kind: 'on_plan' }]);
    w.setNow('2026-03-11T09:00:00.000Z');
    expect(await health()).toEqual(['at_risk', { kind: 'blocked', actionKey: 'A-1', overdue: true }]);
    const later = unwrap(
      await editAction(w.deps, { ...target(p, a, chen), patch: { dueDate: plainDate('2026-03-13') }, reason: 'Tool shop closed Monday' }),
    );
    expect(later.isOverdue).toBe(false);
    expect(await health()).toEqual(['at_risk', { kind: 'blocked', actionKey: 'A-1', overdue: false }]);
  });
});

describe('editAction', () => {
  it('moves a due date only with a reason, keeping the first promise; a first due date needs none', async () => {
    const { p, chen } = await team();
    const undated = unwrap(
      await importLegacyAction(w.deps, { programId: p.id, actor: w.lead, reason: 'Imported', title: 'Old item', ownerId: chen.id }),
    );
    const dated = unwrap(await editAction(w.deps, { ...target(p, undated, chen), patch: { dueDate: plainDate('2026-03-09') } })).action;
    expect(dated).toMatchObject({ dueDate: '2026-03-09', originalDueDate: '2026-03-09' });

    const noReason = refusal(await editAction(w.deps, { ...target(p, dated, chen), patch: { dueDate: plainDate('2026-03-16') } }));
    expect(noReason.code).toBe('REASON_REQUIRED');
    expect(noReason.fields?.map((f) => f.path)).toEqual(['reason']);
    const moved = unwrap(
      await editAction(w.deps, { ...target(p, dated, chen), patch: { dueDate: plainDate('2026-03-16') }, reason: 'Steel late' }),
    ).action;
    expect(moved).toMatchObject({ dueDate: '2026-03-16', originalDueDate: '2026-03-09' });
    expect((await w.changes(p, { entity: 'action', field: 'dueDate' })).at(-1)).toMatchObject({
      oldValue: '2026-03-09',
      newValue: '2026-03-16',
      reason: 'Steel late',
    });
  });

  it('lets a contributor edit only their own actions', async () => {
    const { p, chen } = await team();
    const ana = await w.person('Ana Lima', { role: 'contributor', program: p });
    const a = unwrap(await open(p, chen.id)).action;
    expect(refusal(await editAction(w.deps, { ...target(p, a, ana), patch: { title: 'Mine now' } })).code).toBe('FORBIDDEN');
    expect(unwrap(await editAction(w.deps, { ...target(p, a, chen), patch: { severity: 'critical' } })).action.severity).toBe('critical');
  });
});

describe('recordEffectiveness', () => {
  it('records once the action is done and a check is planned, by the quality or cadence owner', async () => {
    const { p, chen, ines } = await team();
    const a = unwrap(await open(p, chen.id, { checkDate: plainDate('2026-04-01') })).action;
    expect(refusal(await recordEffectiveness(w.deps, { ...target(p, a, ines), result: 'effective' })).code).toBe('ACTION_STATE');
    const done = unwrap(await markActionDone(w.deps, { ...target(p, a, chen), note: 'Done' })).action;
    expect(refusal(await recordEffectiveness(w.deps, { ...target(p, done, chen), result: 'effective' })).code).toBe('FORBIDDEN');
    const checked = unwrap(await recordEffectiveness(w.deps, { ...target(p, done, ines), result: 'not_effective' })).action;
    expect(checked.checkResult).toBe('not_effective');
    expect(refusal(await recordEffectiveness(w.deps, { ...target(p, checked, ines), result: 'not_effective' })).code).toBe(
      'NOTHING_TO_CHANGE',
    );
    const unplanned = unwrap(await open(p, chen.id)).action;
    const unplannedDone = unwrap(await markActionDone(w.deps, { ...target(p, unplanned, chen), note: 'Done' })).action;
    const r = refusal(await recordEffectiveness(w.deps, { ...target(p, unplannedDone, ines), result: 'effective' }));
    expect(r).toMatchObject({ code: 'ACTION_STATE' });
    expect(r.message).toContain('no effectiveness check planned');
  });
});
