import type { PlainDate } from '../../domain/plain-date.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { abort } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { programWrite } from '../write-sequence.js';
import { getPlan, type PlanView } from './get-plan.js';
import { planFacts } from './plan-facts.js';

export interface UpdatePlanSettingsInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly version: number;
  readonly toleranceDays?: number | undefined;
  readonly targetReleaseDate?: PlainDate | null | undefined;
  /** Floor inspections: critical defects accept none whatever the plan. */
  readonly criticalDefectsAcceptNone?: boolean | undefined;
  readonly reason: string;
}

/** Changes the program's default tolerance and target release date, change-logged with the reason. */
export async function updatePlanSettings(deps: AppDeps, input: UpdatePlanSettingsInput): Promise<Result<PlanView>> {
  const target = {
    programId: input.programId,
    actor: input.actor,
    permission: 'plan.edit',
    version: input.version,
    reason: input.reason,
  } as const;
  const written = await programWrite(deps, target, async ({ tx, program, meta }) => {
    if (!input.reason.trim()) {
      abort({
        code: 'REASON_REQUIRED',
        message: 'Changing the plan settings needs a reason.',
        fields: [{ path: 'reason', message: 'Say why.' }],
      });
    }
    const set: { toleranceDays?: number; targetReleaseDate?: PlainDate | null } = {};
    if (input.toleranceDays !== undefined && input.toleranceDays !== program.toleranceDays) set.toleranceDays = input.toleranceDays;
    if (input.targetReleaseDate !== undefined && input.targetReleaseDate !== program.targetReleaseDate) {
      set.targetReleaseDate = input.targetReleaseDate;
    }
    const floor = await tx.findFloorSettings(program.id);
    const rule =
      input.criticalDefectsAcceptNone !== undefined && input.criticalDefectsAcceptNone !== floor.criticalDefectsAcceptNone
        ? { criticalDefectsAcceptNone: input.criticalDefectsAcceptNone }
        : {};
    if (Object.keys(set).length === 0 && Object.keys(rule).length === 0)
      abort({ code: 'NOTHING_TO_CHANGE', message: 'Every value given equals the current one.' });
    await updateRecord(
      deps,
      tx,
      { entity: 'program', id: program.id, programId: program.id, entityKey: program.code, meta },
      {
        toleranceDays: program.toleranceDays,
        targetReleaseDate: program.targetReleaseDate,
        criticalDefectsAcceptNone: floor.criticalDefectsAcceptNone,
        version: program.version,
      },
      { ...set, ...rule },
    );
    // A plan that cannot be computed under the new settings must not be committed: what they change in
    // it is the slack counted up to the target release on the program's calendar, worked out here (a
    // throw rolls the change back); the rest of the plan does not depend on them.
    const [milestones, links] = await Promise.all([tx.listMilestones(program.id), tx.listMilestoneLinks(program.id)]);
    planFacts({ ...program, ...set }, milestones, links, [], []);
    return program.id;
  });
  // The answer is the plan as committed.
  return written.ok ? getPlan(deps, { programId: written.value, actor: input.actor }) : written;
}
