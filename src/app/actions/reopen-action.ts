import { reopenAction as reopen } from '../../domain/action.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import type { ActionView } from './action-view.js';
import { type ActionTarget, writeActionEdit } from './action-write.js';

export interface ReopenActionInput extends ActionTarget {
  /** Why it is not done after all; kept in the change log. */
  readonly reason: string;
}

/** The cadence owner sends a done or closed action back to open, with a reason. */
export function reopenAction(deps: AppDeps, input: ReopenActionInput): Promise<Result<ActionView>> {
  return writeActionEdit(deps, input, 'action.confirm', input.reason, async ({ action }) => reopen(action, input.reason));
}
