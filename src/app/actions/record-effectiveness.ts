import { type EffectivenessResult, recordEffectiveness as record } from '../../domain/action.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import type { ActionView } from './action-view.js';
import { type ActionTarget, writeActionEdit } from './action-write.js';

export interface RecordEffectivenessInput extends ActionTarget {
  readonly result: EffectivenessResult;
}

/** The cadence or quality owner records whether a corrective action's fix held. */
export function recordEffectiveness(deps: AppDeps, input: RecordEffectivenessInput): Promise<Result<ActionView>> {
  return writeActionEdit(deps, input, 'action.check', null, async ({ action }) => record(action, input.result));
}
