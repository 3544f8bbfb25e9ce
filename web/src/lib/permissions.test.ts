import { describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/contract/common.js';
import { policy, programActions } from '../../../src/domain/policy.js';
import type { Role } from '../../../src/domain/roles.js';
import { allows, type Can, couldOwn, mayChangeAny, milestoneRights, readOnly } from './permissions.js';

const me: PersonRef = { id: 'u-me', name: 'Mei', email: 'mei@example.com' };
const other: PersonRef = { id: 'u-other', name: 'Otto', email: 'otto@example.com' };

/** What the server sends as `can` to someone holding exactly this role. */
const canAs = (role: Role): Can => Object.fromEntries(programActions.map((a) => [a, policy[a][role]])) as Can;
/** Nothing but reading, plus the given grants. */
const can = (grants: Partial<Can>): Can => ({ ...canAs('observer'), ...grants });

describe('allows', () => {
  it('"yes" holds for any item, owned by anyone or nobody', () => {
    expect(allows('yes', me, me.id)).toBe(true);
    expect(allows('yes', other, me.id)).toBe(true);
    expect(allows('yes', null, me.id)).toBe(true);
  });

  it('"own" holds only for items the person owns: not for someone else’s, not for an unowned one', () => {
    expect(allows('own', me, me.id)).toBe(true);
    expect(allows('own', other, me.id)).toBe(false);
    expect(allows('own', null, me.id)).toBe(false);
  });

  it('"no" never holds, not even on one’s own item', () => {
    expect(allows('no', me, me.id)).toBe(false);
    expect(allows('no', null, me.id)).toBe(false);
  });
});

describe('milestoneRights', () => {
  it('a contributor moves and completes their own milestones, edits none', () => {
    expect(milestoneRights(canAs('contributor'), me, me.id)).toEqual({ edit: false, move: true, complete: true });
    expect(milestoneRights(canAs('contributor'), other, me.id)).toEqual({ edit: false, move: false, complete: false });
    expect(milestoneRights(canAs('contributor'), null, me.id)).toEqual({ edit: false, move: false, complete: false });
  });

  it('the cadence owner does everything to any milestone, owned or not', () => {
    expect(milestoneRights(canAs('cadence_owner'), other, me.id)).toEqual({ edit: true, move: true, complete: true });
    expect(milestoneRights(canAs('cadence_owner'), null, me.id)).toEqual({ edit: true, move: true, complete: true });
  });

  it('an observer does nothing, even to a milestone named after them', () => {
    expect(milestoneRights(canAs('observer'), me, me.id)).toEqual({ edit: false, move: false, complete: false });
  });
});

describe('mayChangeAny', () => {
  it('keeps the actions column when some milestone could be changed, if only one’s own', () => {
    expect(mayChangeAny(canAs('cadence_owner'))).toBe(true);
    expect(mayChangeAny(canAs('contributor'))).toBe(true);
    expect(mayChangeAny(can({ 'milestone.complete': 'own' }))).toBe(true);
  });

  it('drops it when no milestone action is granted, whatever else is', () => {
    expect(mayChangeAny(canAs('observer'))).toBe(false);
    expect(mayChangeAny(canAs('decision_owner'))).toBe(false);
    expect(mayChangeAny(can({ 'risk.raise': 'yes', 'milestone.create': 'yes' }))).toBe(false);
  });
});

describe('readOnly', () => {
  it('is read-only with nothing but reading', () => {
    expect(readOnly(canAs('observer'))).toBe(true);
  });

  it('is not read-only with any other grant, even "own" only', () => {
    expect(readOnly(can({ 'action.done': 'own' }))).toBe(false);
    expect(readOnly(canAs('contributor'))).toBe(false);
  });
});

describe('couldOwn', () => {
  it('holds when any of the roles may do the action, to their own items or any', () => {
    expect(couldOwn(['contributor'], 'risk.update')).toBe(true);
    expect(couldOwn(['decision_owner'], 'decision.decide')).toBe(true);
    expect(couldOwn(['observer', 'quality_owner'], 'decision.decide')).toBe(true);
  });

  it('fails for roles that may never do it, and for no roles at all', () => {
    expect(couldOwn(['contributor'], 'decision.decide')).toBe(false);
    expect(couldOwn(['observer'], 'action.done')).toBe(false);
    expect(couldOwn([], 'risk.update')).toBe(false);
  });
});
