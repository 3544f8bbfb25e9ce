import type { PersonRef } from '../../../src/contract/common.js';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { policy } from '../../../src/domain/policy.js';
import type { Role } from '../../../src/domain/roles.js';

export type Can = ProgramSummary['can'];
export type Grant = Can[keyof Can];

/** What the signed-in person may do to one milestone, by the program's `can` and who owns it. */
export interface MilestoneRights {
  edit: boolean;
  move: boolean;
  complete: boolean;
}

/** "own" holds only on items the person owns. */
export const allows = (grant: Grant, owner: PersonRef | null, meId: string): boolean =>
  grant === 'yes' || (grant === 'own' && owner !== null && owner.id === meId);

export const milestoneRights = (can: Can, owner: PersonRef | null, meId: string): MilestoneRights => ({
  edit: can['milestone.edit'] === 'yes',
  move: allows(can['milestone.move'], owner, meId),
  complete: allows(can['milestone.complete'], owner, meId),
});

/** Whether any row could show a control: otherwise the actions column is left out. */
export const mayChangeAny = (can: Can): boolean =>
  can['milestone.edit'] !== 'no' || can['milestone.move'] !== 'no' || can['milestone.complete'] !== 'no';

/** Whether the person may do the action to an item with this owner ('own': only to their own). */
export const may = (can: Can, action: keyof Can, owner: PersonRef | null, meId: string): boolean => allows(can[action], owner, meId);

/** Whether the person may change nothing at all here. */
export const readOnly = (can: Can): boolean =>
  (Object.keys(can) as (keyof Can)[]).every(
    (action) =>
      action === 'program.read' ||
      can[action] === 'no' ||
      // Anyone may answer an escalation that climbed to them (leadership on the path may only observe): that is
      // not a control of the program's own, so an observer stays read-only.
      (action === 'escalation.respond' && can[action] === 'own'),
  );

/**
 * Whether someone holding these roles on the program could do the action to an item they own:
 * who may be named owner of a decision (decide), a risk (update) or an action (mark done).
 */
export const couldOwn = (roles: readonly Role[], action: keyof Can): boolean => roles.some((r) => policy[action][r] !== 'no');
