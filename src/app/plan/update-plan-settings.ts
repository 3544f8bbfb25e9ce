import type { PlainDate } from '../../domain/plain-date.js';
import { permit } from '../../domain/policy.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { abort, must, transact } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { getPlan, type PlanView } from './get-plan.js';

export interface UpdatePlanSettingsInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly version: number;
  readonly toleranceDays?: number | undefined;
  readonly targetReleaseDate?: PlainDate | null | undefined;
  readonly reason: string;
}

/** Changes the program's default tolerance and target release date, change-logged with the reason. */
export function updatePlanSettings(deps: AppDeps, input: UpdatePlanSettingsInput): Promise<Result<PlanView>> {
  return transact(deps.store, async (tx) => {
    const { program, access } = must(await findAccessibleProgram(tx, input.actor, input.programId));
    must(permit(access, 'plan.edit'));
    if (input.version !== program.version) {
      abort({ code: 'VERSION_CONFLICT', message: `${program.code} was changed by someone else; reload and retry.` });
    }
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
    if (Object.keys(set).length === 0) abort({ code: 'NOTHING_TO_CHANGE', message: 'Every value given equals the current one.' });
    await updateRecord(
      deps,
      tx,
      { entity: 'program', id: program.id, programId: program.id, entityKey: program.code, actorId: input.actor.id, reason: input.reason },
      { toleranceDays: program.toleranceDays, targetReleaseDate: program.targetReleaseDate, version: program.version },
      set,
    );
    // The answer is computed before commit: a plan that cannot be computed rolls the change back.
    return must(await getPlan(deps, { programId: program.id, actor: input.actor }, tx));
  });
}
