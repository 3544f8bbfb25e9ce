import { addBusinessDays, mondayToFriday } from '../../domain/business-days.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { confirmAction } from '../actions/confirm-action.js';
import { editAction } from '../actions/edit-action.js';
import { markActionDone } from '../actions/mark-action-done.js';
import { openAction } from '../actions/open-action.js';
import { recordEffectiveness } from '../actions/record-effectiveness.js';
import { reopenAction } from '../actions/reopen-action.js';
import { unwrap } from '../create-records.js';
import type { Actor, AppDeps } from '../deps.js';
import type { DemoProgram } from './demo-data.js';
import { demoMilestones } from './demo-milestones.js';
import type { ActionBy } from './demo-texts.js';
import { importLegacyAction, legacyReason } from './legacy-records.js';

export interface DemoActionsInput {
  readonly programId: string;
  readonly spec: DemoProgram;
  /** The demo's people by key, with the roles they hold now. */
  readonly people: ReadonlyMap<string, Actor>;
  readonly today: PlainDate;
}

/**
 * Opens the demo program's actions and walks each through its history (re-plans, done, confirmed,
 * reopened, effectiveness checked) on the loader's clock, through the ordinary use cases.
 */
export async function loadDemoActions(
  d: AppDeps,
  clock: { set(day: PlainDate, hourUtc?: number): unknown },
  input: DemoActionsInput,
): Promise<number> {
  const { spec, today, programId } = input;
  const day = (n: number) => addBusinessDays(mondayToFriday, today, n);
  const person = (key: string) => input.people.get(key) as Actor;
  // The client's decision owner where the program has one; otherwise whoever runs the program.
  const decider = input.people.get('jonas');
  const who: Record<ActionBy, Actor> = {
    contact: person(spec.contact),
    quality: person(spec.quality),
    owner: person(spec.owner),
    decider: decider && spec.client !== 'halvorsen' ? decider : person(spec.owner),
  };
  const lead = who.owner;
  const quality = who.quality;
  const open = (await demoMilestones(d, programId, lead)).filter((m) => m.actualDate === null);
  const blocking = {
    next: open[0]?.id,
    critical: (open.find((m) => m.isCritical) ?? open[0])?.id,
  };

  const plan = spec.texts.actions;
  for (const t of plan) {
    const owner = who[t.by];
    clock.set(day(t.opened), 2);
    if (t.due === null) {
      // Imported from the client's earlier tracking sheet, undated: the "needs an owner or date" view lists it.
      unwrap(await importLegacyAction(d, { programId, actor: lead, reason: legacyReason, title: t.title, ownerId: owner.id }));
      continue;
    }
    let a = unwrap(
      await openAction(d, {
        programId,
        actor: lead,
        title: t.title,
        description: t.description,
        ownerId: owner.id,
        dueDate: day(t.due),
        severity: t.severity,
        blocksMilestoneId: t.blocks ? blocking[t.blocks] : undefined,
        checkDate: t.check === undefined ? undefined : day(t.check),
      }),
    );
    const target = (actor: Actor) => ({ programId, actionId: a.action.id, version: a.action.version, actor });
    if (t.replan) {
      clock.set(day(t.replan.on), 2);
      a = unwrap(await editAction(d, { ...target(owner), patch: { dueDate: day(t.replan.due) }, reason: t.replan.reason }));
    }
    if (t.done) {
      clock.set(day(t.done.on), 9);
      a = unwrap(await markActionDone(d, { ...target(owner), note: t.done.note }));
    }
    if (t.confirm !== undefined) {
      clock.set(day(t.confirm), 14);
      a = unwrap(await confirmAction(d, target(lead)));
    }
    if (t.reopen) {
      clock.set(day(t.reopen.on), 14);
      a = unwrap(await reopenAction(d, { ...target(lead), reason: t.reopen.reason }));
    }
    if (t.checked) {
      clock.set(day(t.checked.on), 8);
      a = unwrap(await recordEffectiveness(d, { ...target(quality), result: t.checked.result }));
    }
  }
  return plan.length;
}
