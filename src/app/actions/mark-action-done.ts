import { markDone } from '../../domain/action.js';
import type { Result } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import type { ActionView } from './action-view.js';
import { type ActionTarget, writeActionEdit } from './action-write.js';

export interface MarkActionDoneInput extends ActionTarget {
  /** What was done. */
  readonly note: string;
}

/** Step one of closing: the action's owner, and only they, marks it done with a note. */
export function markActionDone(deps: AppDeps, input: MarkActionDoneInput): Promise<Result<ActionView>> {
  return writeActionEdit(deps, input, 'action.done', null, async ({ action, now }) =>
    markDone(action, input.actor.id, input.note, now.toISOString()),
  );
}
