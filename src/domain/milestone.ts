import { diffFields } from './change.js';
import type { Edit } from './edit.js';
import type { MilestoneId, ProgramId, UserId } from './ids.js';
import type { PlainDate } from './plain-date.js';
import { ok, type Result, refuse } from './result.js';

export const phases = ['G1', 'G2', 'G3', 'G4'] as const;
export type Phase = (typeof phases)[number];

export interface Milestone {
  readonly id: MilestoneId;
  readonly programId: ProgramId;
  readonly key: string;
  readonly name: string;
  readonly phase: Phase;
  readonly ownerId: UserId | null;
  readonly baselineDate: PlainDate;
  readonly forecastDate: PlainDate;
  readonly actualDate: PlainDate | null;
  readonly isCritical: boolean;
  /** Business days the forecast may lie after the baseline before it is a breach; null: the program's default. */
  readonly toleranceDays: number | null;
  readonly version: number;
}

/** Fields a person can see change in the change log, in display order. */
export const milestoneFields = [
  'name',
  'phase',
  'ownerId',
  'baselineDate',
  'forecastDate',
  'actualDate',
  'isCritical',
  'toleranceDays',
] as const satisfies readonly (keyof Milestone)[];

const hasText = (s: string | undefined): s is string => typeof s === 'string' && s.trim().length > 0;

export interface NewMilestone {
  readonly id: MilestoneId;
  readonly programId: ProgramId;
  readonly key: string;
  readonly name: string;
  readonly phase: Phase;
  readonly ownerId: UserId | null;
  readonly baselineDate: PlainDate;
  readonly forecastDate?: PlainDate | undefined;
  readonly isCritical?: boolean | undefined;
  readonly toleranceDays?: number | null | undefined;
}

/**
 * A new milestone has a named owner (its due date is its baseline date) and starts with its forecast
 * on the baseline unless a different forecast is given.
 */
export function createMilestone(input: NewMilestone): Result<Edit<Milestone>> {
  if (input.ownerId === null)
    return refuse('OWNER_REQUIRED', 'Every milestone needs an owner.', [{ path: 'ownerId', message: 'Name who delivers it.' }]);
  return ok(milestoneRecord(input));
}

/** The milestone as given, owner or none: a record imported from an earlier tool may lack one (it is then listed as needing one). */
export function milestoneRecord(input: NewMilestone): Edit<Milestone> {
  const next: Milestone = {
    id: input.id,
    programId: input.programId,
    key: input.key,
    name: input.name.trim(),
    phase: input.phase,
    ownerId: input.ownerId,
    baselineDate: input.baselineDate,
    forecastDate: input.forecastDate ?? input.baselineDate,
    actualDate: null,
    isCritical: input.isCritical ?? false,
    toleranceDays: input.toleranceDays ?? null,
    version: 1,
  };
  return { next, changes: diffFields(null, next, milestoneFields) };
}

export interface MilestonePatch {
  readonly name?: string | undefined;
  readonly phase?: Phase | undefined;
  readonly ownerId?: UserId | null | undefined;
  readonly isCritical?: boolean | undefined;
  readonly baselineDate?: PlainDate | undefined;
  readonly toleranceDays?: number | null | undefined;
}

/**
 * Edits descriptive fields (the owner can be handed over, never taken away); changing the baseline re-states the promise and so needs a reason, and
 * once the program has a baseline (`baselined`) planned dates change only by a re-baseline.
 */
export function editMilestone(m: Milestone, patch: MilestonePatch, reason: string | undefined, baselined = false): Result<Edit<Milestone>> {
  if (patch.ownerId === null)
    return refuse('OWNER_REQUIRED', 'A milestone keeps a named owner; hand it over instead.', [
      { path: 'ownerId', message: 'Name who delivers it.' },
    ]);
  const next: Milestone = {
    ...m,
    name: patch.name !== undefined ? patch.name.trim() : m.name,
    phase: patch.phase ?? m.phase,
    ownerId: patch.ownerId !== undefined ? patch.ownerId : m.ownerId,
    isCritical: patch.isCritical ?? m.isCritical,
    baselineDate: patch.baselineDate ?? m.baselineDate,
    toleranceDays: patch.toleranceDays !== undefined ? patch.toleranceDays : m.toleranceDays,
    version: m.version + 1,
  };
  const changes = diffFields(m, next, milestoneFields);
  if (changes.length === 0) return refuse('NOTHING_TO_CHANGE', 'Every value given equals the current one.');
  if (next.baselineDate !== m.baselineDate && baselined) {
    return refuse(
      'BASELINE_LOCKED',
      `${m.key}'s planned date is part of the program's baseline; take a re-baseline approved by a decision to change it.`,
      [{ path: 'baselineDate', message: 'Planned dates change only by a re-baseline once baseline 0 is taken.' }],
    );
  }
  if (next.baselineDate !== m.baselineDate && !hasText(reason)) {
    return refuse('REASON_REQUIRED', 'Changing the baseline date needs a reason.', [
      { path: 'reason', message: 'Say why the baseline date changes.' },
    ]);
  }
  return ok({ next, changes });
}

/** Moves the forecast date; every move needs a reason, and a done milestone no longer moves. */
export function moveForecast(m: Milestone, to: PlainDate, reason: string | undefined): Result<Edit<Milestone>> {
  if (m.actualDate !== null) return refuse('MILESTONE_DONE', `${m.key} is done (${m.actualDate}); its forecast no longer moves.`);
  if (!hasText(reason)) {
    return refuse('REASON_REQUIRED', 'Moving a forecast date needs a reason.', [{ path: 'reason', message: 'Say why the date moves.' }]);
  }
  if (to === m.forecastDate) return refuse('NOTHING_TO_CHANGE', `${m.key} is already forecast for ${to}.`);
  const next: Milestone = { ...m, forecastDate: to, version: m.version + 1 };
  return ok({ next, changes: diffFields(m, next, milestoneFields) });
}

/** Marks a milestone done on the day it was actually reached, which cannot be later than today. */
export function completeMilestone(m: Milestone, actualDate: PlainDate, today: PlainDate): Result<Edit<Milestone>> {
  if (m.actualDate !== null) return refuse('MILESTONE_DONE', `${m.key} is already done (${m.actualDate}).`);
  if (actualDate > today) {
    return refuse('ACTUAL_DATE_IN_FUTURE', `The actual date ${actualDate} is after today (${today}).`, [
      { path: 'actualDate', message: `Must be ${today} or earlier.` },
    ]);
  }
  const next: Milestone = { ...m, actualDate, version: m.version + 1 };
  return ok({ next, changes: diffFields(m, next, milestoneFields) });
}
