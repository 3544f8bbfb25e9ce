import type { z } from 'zod';
import type { Milestone } from '../contract/milestone.js';
import type { PushSchema } from '../contract/plan.js';
import type { ProgramSummary } from '../contract/program.js';
import type { Backend } from './backend.js';
import { CliExit, fail, type Output, table } from './output.js';
import { canPrompt, promptLine } from './prompt.js';
import { must } from './targets.js';
import { terminal } from './terminal.js';

// A move or a new link that pushes other milestones later is shown first and confirmed: on a terminal
// by a question, in scripts by --yes. The confirmed change insists on the versions the preview showed.

type Push = z.infer<typeof PushSchema>;

const milestones = (n: number) => `${n} milestone${n === 1 ? '' : 's'}`;

/** What a move to `to` would push, for people. */
export const previewText = (m: Milestone, to: string, pushes: readonly Push[]): string =>
  pushesText(`Moving ${m.key} "${m.name}" from ${m.forecastDate} to ${to}`, pushes);

/** What a change ("Moving M-3 …", "Linking M-3 → M-5") would push, for people. */
export function pushesText(doing: string, pushes: readonly Push[]): string {
  if (pushes.length === 0) return `${doing} pushes no other milestone.`;
  const rows = pushes.map((p) => [p.key, p.name, `${p.from} → ${p.to}${p.provisional ? ' ?' : ''}`, `pushed by ${p.cause.key}`]);
  const note = pushes.some((p) => p.provisional)
    ? '\n? counted across days whose official holiday schedule is not yet published (see `tollgate calendar show`)'
    : '';
  return `${doing} pushes ${milestones(pushes.length)} later:\n${table(['Key', 'Name', 'Forecast', 'Why'], rows, { maxWidths: [undefined, 40] })}${note}`;
}

/** The milestones a written move or link pushed, for people; empty when it pushed none. */
export const pushedText = (pushed: readonly { key: string; from: string; to: string }[] | undefined): string =>
  pushed?.length ? `\n  pushed later with it: ${pushed.map((p) => `${p.key} ${p.from} → ${p.to}`).join('; ')}` : '';

/** The versions the preview showed, by milestone id, for the move to insist on. */
export const pushedVersions = (pushes: readonly Push[]): Record<string, number> => Object.fromEntries(pushes.map((p) => [p.id, p.version]));

export interface MoveIntent {
  readonly program: ProgramSummary;
  readonly before: Milestone;
  readonly forecastDate: string;
  readonly reason: string;
  /** --version as given (undefined: the version just read). */
  readonly version: number | undefined;
  readonly isConfirmed: boolean;
}

/** Whether the move will be refused anyway (no reason, done, same date, stale version, no right): no preview then. */
function isRefusedAnyway(i: MoveIntent): boolean {
  const { before } = i;
  return (
    i.reason.trim() === '' ||
    before.actualDate !== null ||
    before.forecastDate === i.forecastDate ||
    (i.version !== undefined && i.version !== before.version) ||
    i.program.can['milestone.move'] === 'no'
  );
}

/**
 * The pushes the person agreed to, after showing them: none when the move pushes nothing. Ends the
 * command when they decline, or when nobody can be asked and --yes is missing (nothing written).
 */
export async function confirmedPushes(b: Backend, out: Output, i: MoveIntent): Promise<readonly Push[]> {
  if (isRefusedAnyway(i)) return [];
  const { pushes } = must(
    out,
    await b.previewMove({ params: { programId: i.program.id, milestoneId: i.before.id }, body: { forecastDate: i.forecastDate } }),
  );
  const key = i.before.key;
  return agreedPushes(out, pushes, {
    isConfirmed: i.isConfirmed,
    doing: `Moving ${key} "${i.before.name}" from ${i.before.forecastDate} to ${i.forecastDate}`,
    refused: `Moving ${key} to ${i.forecastDate} pushes ${milestones(pushes.length)} later; nothing was moved. Re-run with --yes to move ${pushes.length === 1 ? 'it' : 'them'} too (--preview shows what it pushes).`,
    question: `Move ${key} and push ${milestones(pushes.length)}? [y/N] `,
    declined: 'Not moved: nothing was written.',
  });
}

/** How to ask about a change's pushes: what it is, and what to say when it cannot be asked or is declined. */
export interface PushQuestion {
  readonly isConfirmed: boolean;
  /** "Moving M-3 "Tool T1" from … to …", "Linking M-3 → M-5 (lag 2 business days)". */
  readonly doing: string;
  /** Why nothing was written without a terminal and without --yes. */
  readonly refused: string;
  readonly question: string;
  readonly declined: string;
}

/**
 * Shows the pushes and returns them once agreed (at once when there are none or --yes was given).
 * Ends the command when the person declines, or when nobody can be asked and --yes is missing.
 */
export async function agreedPushes(out: Output, pushes: readonly Push[], q: PushQuestion): Promise<readonly Push[]> {
  if (pushes.length === 0 || q.isConfirmed) return pushes;
  // With --json, stdout is for the answer only.
  const show = (text: string) => (out.json ? terminal().stderr : terminal().stdout).write(`${text}\n`);
  if (!canPrompt()) {
    if (!out.json) show(pushesText(q.doing, pushes));
    return fail(out, {
      code: 'VALIDATION_FAILED',
      message: q.refused,
      fields: [{ path: '--yes', message: 'Required to confirm the pushes without a terminal to ask at.' }],
    });
  }
  show(pushesText(q.doing, pushes));
  const answer = await promptLine(q.question);
  if (/^y(es)?$/i.test(answer)) return pushes;
  terminal().stderr.write(`${q.declined}\n`);
  throw new CliExit(1);
}
