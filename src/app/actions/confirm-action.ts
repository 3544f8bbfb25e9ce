import { confirmClosure } from '../../domain/action.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import type { ActionView } from './action-view.js';
import { type ActionTarget, writeActionEdit } from './action-write.js';

/** Step two of closing: the cadence owner confirms that an action marked done is done. */
export function confirmAction(deps: AppDeps, input: ActionTarget): Promise<Result<ActionView>> {
  return writeActionEdit(deps, input, 'action.confirm', null, async ({ action, now }) =>
    confirmClosure(action, input.actor.id, now.toISOString()),
  );
}
