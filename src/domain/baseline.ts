import { diffFields } from './change.js';
import type { Decision } from './decision.js';
import type { Edit } from './edit.js';
import type { ProgramId, UserId } from './ids.js';
import { type Milestone, milestoneFields } from './milestone.js';
import type { PlainDate } from './plain-date.js';
import { ok, type Result, refuse } from './result.js';

/**
 * A named snapshot of a program's planned dates. Baseline 0 is taken when the program goes active;
 * each later number is a re-baseline approved by a decision. A snapshot never changes once taken.
 */
export interface Baseline {
  readonly id: string;
  readonly programId: ProgramId;
  readonly number: number;
  readonly name: string;
  readonly decisionId: string | null;
  readonly takenAt: string;
  readonly takenById: UserId;
  /** Planned date of every milestone the baseline holds, by milestone id. */
  readonly dates: Readonly<Record<string, PlainDate>>;
  readonly version: number;
}

/** The planned dates of the milestones as they stand: what a baseline holds. */
export function snapshotDates(milestones: readonly Milestone[]): Record<string, PlainDate> {
  const out: Record<string, PlainDate> = {};
  for (const m of [...milestones].sort((a, b) => (a.id < b.id ? -1 : 1))) out[m.id] = m.baselineDate;
  return out;
}

/**
 * A re-baseline makes today's forecast the new plan: every open milestone whose forecast differs
 * from its planned date gets the forecast as its planned date. Done milestones keep theirs.
 */
export function rebaselineEdits(milestones: readonly Milestone[]): Edit<Milestone>[] {
  const edits: Edit<Milestone>[] = [];
  for (const m of milestones) {
    if (m.actualDate !== null || m.forecastDate === m.baselineDate) continue;
    const next: Milestone = { ...m, baselineDate: m.forecastDate, version: m.version + 1 };
    edits.push({ next, changes: diffFields(m, next, milestoneFields) });
  }
  return edits;
}

/**
 * "No silent re-planning": a re-baseline needs a decision of the same program that is decided, by
 * someone who holds the decision-owner role there (`decidedByDecisionOwner`), and that approved no
 * other baseline.
 */
export function checkRebaselineDecision(
  decision: Decision,
  programId: ProgramId,
  decidedByDecisionOwner: boolean,
  existing: readonly Baseline[],
): Result<Decision> {
  const bad = (message: string) => refuse('BASELINE_DECISION_INVALID', message, [{ path: 'decisionId', message }]);
  if (decision.programId !== programId) return bad(`${decision.key} belongs to another program.`);
  if (decision.status !== 'decided') {
    return bad(`${decision.key} is ${decision.status}; a re-baseline needs a decided decision.`);
  }
  if (!decidedByDecisionOwner) return bad(`${decision.key} was not decided by a decision owner of the program.`);
  const used = existing.find((b) => b.decisionId === decision.id);
  if (used) return bad(`${decision.key} already approved baseline ${used.number} ("${used.name}").`);
  return ok(decision);
}

/** The next baseline's number: 0 for the first, then one more than the last. */
export const nextBaselineNumber = (existing: readonly Baseline[]): number =>
  existing.length === 0 ? 0 : Math.max(...existing.map((b) => b.number)) + 1;

/** The baseline a view compares with: the numbered one, or the latest. */
export function chooseBaseline(existing: readonly Baseline[], number: number | undefined): Result<Baseline | null> {
  if (number === undefined) {
    return ok(existing.reduce<Baseline | null>((a, b) => (a === null || b.number > a.number ? b : a), null));
  }
  const found = existing.find((b) => b.number === number);
  return found
    ? ok(found)
    : refuse('BASELINE_NOT_FOUND', `The program has no baseline ${number}.`, [{ path: 'baseline', message: 'No such baseline.' }]);
}
