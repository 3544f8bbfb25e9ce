import { type Action, actionFields, openAction } from '../../domain/action.js';
import { diffFields } from '../../domain/change.js';
import { type Decision, decisionFields, requestDecision } from '../../domain/decision.js';
import { asMilestoneId, type UserId } from '../../domain/ids.js';
import { type Milestone, milestoneRecord, type Phase } from '../../domain/milestone.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { must } from '../transact.js';
import { programWrite } from '../write-sequence.js';

// Records as an earlier tool held them, before every record had to have an owner and a due date: the
// demo imports one or two so that the "needs an owner or date" view has something to show. They are
// written through the one write path (change log, under the reason given), never through an operation.

/** The demo's reason for its legacy records, kept in the change log. */
export const legacyReason = "Imported from the client's earlier tracking sheet, which kept no owner or due date for it";

export interface LegacyTarget {
  readonly programId: string;
  readonly actor: Actor;
  /** Why the record arrives as it is, kept in the change log. */
  readonly reason: string;
}

/** A milestone imported without an owner. */
export function importLegacyMilestone(
  deps: AppDeps,
  t: LegacyTarget & { readonly name: string; readonly phase: Phase; readonly baselineDate: PlainDate },
): Promise<Result<Milestone>> {
  return programWrite(deps, { ...t, permission: 'milestone.create' }, async ({ tx, program, meta }) => {
    const key = await tx.nextKey(program.id, 'M');
    const e = milestoneRecord({
      id: asMilestoneId(deps.newId()),
      programId: program.id,
      key,
      name: t.name,
      phase: t.phase,
      ownerId: null,
      baselineDate: t.baselineDate,
    });
    const { id, version: _v, ...values } = e.next;
    await tx.write({ op: 'insert', entity: 'milestone', id, programId: program.id, entityKey: key, values, changes: e.changes, meta });
    return e.next;
  });
}

/** An open decision imported with its owner but no due date. */
export function importLegacyDecision(
  deps: AppDeps,
  t: LegacyTarget & { readonly statement: string; readonly ownerId: UserId },
): Promise<Result<Decision>> {
  return programWrite(deps, { ...t, permission: 'decision.request' }, async ({ tx, program, meta }) => {
    const key = await tx.nextKey(program.id, 'D');
    // The rules of a new decision hold but for the date, which the earlier tool did not keep.
    const asked = must(
      requestDecision({
        id: deps.newId(),
        programId: program.id,
        key,
        statement: t.statement,
        ownerId: t.ownerId,
        requestedById: t.actor.id,
        dueDate: '2000-01-01' as PlainDate,
      }),
    );
    const next: Decision = { ...asked.next, dueDate: null };
    const { id, version: _v, ...values } = next;
    const changes = diffFields(null, next, decisionFields);
    await tx.write({ op: 'insert', entity: 'decision', id, programId: program.id, entityKey: key, values, changes, meta });
    return next;
  });
}

/** An open action imported with its owner but no due date. */
export function importLegacyAction(
  deps: AppDeps,
  t: LegacyTarget & { readonly title: string; readonly ownerId: UserId },
): Promise<Result<Action>> {
  return programWrite(deps, { ...t, permission: 'action.open' }, async ({ tx, program, meta }) => {
    const key = await tx.nextKey(program.id, 'A');
    const opened = must(
      openAction({
        id: deps.newId(),
        programId: program.id,
        key,
        title: t.title,
        ownerId: t.ownerId,
        dueDate: '2000-01-01' as PlainDate,
        severity: 'medium',
      }),
    );
    const next: Action = { ...opened.next, dueDate: null, originalDueDate: null };
    const { id, version: _v, ...values } = next;
    const changes = diffFields(null, next, actionFields);
    await tx.write({ op: 'insert', entity: 'action', id, programId: program.id, entityKey: key, values, changes, meta });
    return next;
  });
}
