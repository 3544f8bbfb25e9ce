import type { Action } from '../contract/action.js';
import type { ProgramSummary } from '../contract/program.js';
import { table } from './output.js';

// Actions in words and tables for people: gaps and lateness in capitals, so they stand out.

/** The action's state in words: "open, overdue", "done, waiting for confirmation", "closed". */
export function actionState(a: Action): string {
  if (a.status === 'done') return 'done, waiting for confirmation';
  if (a.status === 'closed') return 'closed';
  return a.isOverdue ? 'open, OVERDUE' : 'open';
}

/** The due date, with the first promise when it was re-planned, or the gap named. */
export const dueText = (a: Action) =>
  a.dueDate === null
    ? 'NO DUE DATE'
    : a.originalDueDate && a.originalDueDate !== a.dueDate
      ? `${a.dueDate} (was ${a.originalDueDate})`
      : a.dueDate;

/** An action after a write, for people. */
export function describeAction(p: ProgramSummary, a: Action): string {
  return [
    `${p.code} ${a.key} "${a.title}"`,
    `owner ${a.owner?.name ?? 'NO OWNER'}, due ${dueText(a)}, severity ${a.severity}`,
    `${actionState(a)}${a.blocks ? `, blocks ${a.blocks.key} ${a.blocks.name}` : ''}${a.risk ? `, for risk ${a.risk.key}` : ''}`,
    ...(a.doneNote ? [`done: ${a.doneNote}`] : []),
    ...(a.confirmedBy ? [`confirmed by ${a.confirmedBy.name}`] : []),
    ...(a.checkDate ? [`effectiveness check ${a.checkDate}: ${a.checkResult?.replace('_', ' ') ?? 'not yet checked'}`] : []),
    `now at version ${a.version}`,
  ].join('\n  ');
}

/** A program's actions as a table. */
export function actionsTable(p: ProgramSummary, items: readonly Action[]): string {
  if (items.length === 0) return `No actions in ${p.code} match. Open one: tollgate action add ${p.code} --title <text> --owner <email>`;
  return table(
    ['Key', 'Title', 'Owner', 'Due', 'Severity', 'State', 'Blocks'],
    items.map((a) => [a.key, a.title, a.owner?.name ?? 'NO OWNER', dueText(a), a.severity, actionState(a), a.blocks?.key ?? null]),
    { maxWidths: [undefined, 40, 18, undefined, undefined, undefined, undefined] },
  );
}
