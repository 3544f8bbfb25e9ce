import type { FieldChange } from '../change.js';
import { diffFields } from '../change.js';
import { dateRangeMessage, isInDateRange } from '../date-range.js';
import type { Edit } from '../edit.js';
import type { ProgramId, UserId } from '../ids.js';
import { isPlainDate, type PlainDate } from '../plain-date.js';
import { type FieldProblem, ok, type Result } from '../result.js';
import { inspectionLevels } from '../sampling/iso2859.js';
import { isPlainLine } from '../text.js';
import {
  type DefectClass,
  type DefectClassInput,
  defectClasses,
  type FloorEvent,
  floorBounds,
  floorEventColumns,
  floorEventFields,
  type MeasurementDetails,
  type ShipmentDetails,
} from './floor-event.js';
import { judgeInspection } from './inspection.js';

/** A shipment as reported (dates as typed, checked here). */
export interface ShipmentDraft {
  readonly kind: 'shipment';
  readonly expectedOn: string;
  readonly shippedOn?: string | null | undefined;
  readonly arrivedOn?: string | null | undefined;
}

export interface InspectionDraft {
  readonly kind: 'inspection';
  readonly lotRef?: string | undefined;
  readonly lotSize: number;
  readonly level: string;
  readonly critical?: DefectClassInput | undefined;
  readonly major?: DefectClassInput | undefined;
  readonly minor?: DefectClassInput | undefined;
}

export interface MeasurementDraft {
  readonly kind: 'measurement';
  readonly characteristic: string;
  readonly unit?: string | undefined;
  readonly nominal: number;
  readonly lowerLimit?: number | null | undefined;
  readonly upperLimit?: number | null | undefined;
  readonly values: readonly number[];
}

/** A floor event as reported through a form, the API, the CLI or a CSV row; field paths name these fields. */
export type FloorEventDraft = {
  readonly title: string;
  /** Default: today. */
  readonly occurredOn?: string | undefined;
} & (ShipmentDraft | InspectionDraft | MeasurementDraft);

/** What the rules need besides the draft: who, where, the key and id given out, today and the program's rules. */
export interface RecordContext {
  readonly id: string;
  readonly programId: ProgramId;
  readonly key: string;
  readonly recordedById: UserId;
  readonly createdAt: string;
  /** The program's today: no event happened, shipped or arrived after it. */
  readonly today: PlainDate;
  readonly criticalAcceptsNone: boolean;
}

type Problems = FieldProblem[];

function text(problems: Problems, path: string, value: string | undefined, max: number, isRequired: boolean): string {
  const v = (value ?? '').trim();
  if (isRequired && v === '') problems.push({ path, message: 'Required.' });
  else if (v.length > max) problems.push({ path, message: `At most ${max} characters.` });
  else if (!isPlainLine(v)) problems.push({ path, message: 'Holds a control or direction character; type it as plain text.' });
  return v;
}

function date(problems: Problems, path: string, value: string, today: PlainDate, isPastOnly: boolean): PlainDate {
  if (!isPlainDate(value)) problems.push({ path, message: 'Must be a date, YYYY-MM-DD.' });
  else if (!isInDateRange(value)) problems.push({ path, message: dateRangeMessage });
  else if (isPastOnly && value > today) problems.push({ path, message: `Cannot lie after today (${today}).` });
  return value as PlainDate;
}

function optionalDate(problems: Problems, path: string, value: string | null | undefined, today: PlainDate): PlainDate | null {
  return value === undefined || value === null || value === '' ? null : date(problems, path, value, today, true);
}

function integer(problems: Problems, path: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    problems.push({ path, message: `Must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}.` });
  return value;
}

function finite(problems: Problems, path: string, value: number): number {
  if (!Number.isFinite(value) || Math.abs(value) > floorBounds.numberAbsMax)
    problems.push({ path, message: 'Must be a number within ±1e9.' });
  return value;
}

/** The shipment's dates: arrived no earlier than shipped; neither after today. */
export function checkShipment(problems: Problems, d: Omit<ShipmentDraft, 'kind'>, today: PlainDate): ShipmentDetails {
  const expectedOn = date(problems, 'expectedOn', d.expectedOn, today, false);
  const shippedOn = optionalDate(problems, 'shippedOn', d.shippedOn, today);
  const arrivedOn = optionalDate(problems, 'arrivedOn', d.arrivedOn, today);
  if (shippedOn !== null && arrivedOn !== null && isPlainDate(shippedOn) && isPlainDate(arrivedOn) && arrivedOn < shippedOn)
    problems.push({ path: 'arrivedOn', message: `Cannot lie before the day it shipped (${shippedOn}).` });
  return { expectedOn, shippedOn, arrivedOn };
}

function checkMeasurement(problems: Problems, d: MeasurementDraft): MeasurementDetails {
  const characteristic = text(problems, 'characteristic', d.characteristic, floorBounds.textMax, true);
  const unit = text(problems, 'unit', d.unit, floorBounds.unitMax, false);
  const nominal = finite(problems, 'nominal', d.nominal);
  const lowerLimit = d.lowerLimit === undefined || d.lowerLimit === null ? null : finite(problems, 'lowerLimit', d.lowerLimit);
  const upperLimit = d.upperLimit === undefined || d.upperLimit === null ? null : finite(problems, 'upperLimit', d.upperLimit);
  if (lowerLimit === null && upperLimit === null)
    problems.push({ path: 'upperLimit', message: 'Give a lower or an upper limit, or both.' });
  if (lowerLimit !== null && upperLimit !== null && lowerLimit >= upperLimit)
    problems.push({ path: 'upperLimit', message: 'Must be above the lower limit.' });
  if (d.values.length < floorBounds.valuesMin || d.values.length > floorBounds.valuesMax)
    problems.push({
      path: 'values',
      message: `Give from ${floorBounds.valuesMin} to ${floorBounds.valuesMax.toLocaleString('en')} values.`,
    });
  else for (const [i, v] of d.values.entries()) finite(problems, `values.${i}`, v);
  return { characteristic, unit, nominal, lowerLimit, upperLimit, values: [...d.values] };
}

/**
 * A floor event as reported, checked field by field (every problem at once, each naming its field) and
 * judged: an inspection gets its sampling plan and verdict per class when it is recorded, so a later
 * change of the program's rule does not rewrite a verdict given. Answers the event and its change rows.
 */
export function recordFloorEvent(draft: FloorEventDraft, c: RecordContext): Result<Edit<FloorEvent>> {
  const problems: Problems = [];
  const title = text(problems, 'title', draft.title, floorBounds.textMax, true);
  const occurredOn = draft.occurredOn ? date(problems, 'occurredOn', draft.occurredOn, c.today, true) : c.today;
  const base = {
    id: c.id,
    programId: c.programId,
    key: c.key,
    title,
    occurredOn,
    recordedById: c.recordedById,
    createdAt: c.createdAt,
    version: 1,
  };
  let event: FloorEvent | null = null;
  if (draft.kind === 'shipment') {
    event = { ...base, kind: 'shipment', shipment: checkShipment(problems, draft, c.today) };
  } else if (draft.kind === 'measurement') {
    event = { ...base, kind: 'measurement', measurement: checkMeasurement(problems, draft) };
  } else {
    const lotRef = text(problems, 'lotRef', draft.lotRef, floorBounds.textMax, false);
    const lotSize = integer(problems, 'lotSize', draft.lotSize, floorBounds.lotSizeMin, floorBounds.lotSizeMax);
    if (!inspectionLevels.includes(draft.level as never))
      problems.push({ path: 'level', message: `Must be one of ${inspectionLevels.join(', ')}.` });
    const classes: Partial<Record<DefectClass, DefectClassInput>> = {};
    for (const k of defectClasses) {
      const asked = draft[k];
      if (asked === undefined) continue;
      if (!Number.isFinite(asked.aql) || asked.aql <= 0) problems.push({ path: `${k}.aql`, message: 'Must be an AQL of ISO 2859-1.' });
      integer(problems, `${k}.defectsFound`, asked.defectsFound, 0, floorBounds.lotSizeMax);
      classes[k] = asked;
    }
    if (Object.keys(classes).length === 0)
      problems.push({ path: 'major', message: 'Give the AQL and defects found of at least one defect class (critical, major, minor).' });
    if (problems.length === 0) {
      const judged = judgeInspection({ lotRef, lotSize, level: draft.level as never, classes }, c.criticalAcceptsNone);
      if (!judged.ok) return judged;
      event = { ...base, kind: 'inspection', inspection: judged.value };
    }
  }
  if (problems.length > 0 || event === null)
    return { ok: false, error: { code: 'VALIDATION_FAILED', message: 'Some values of the event were not accepted.', fields: problems } };
  return ok({ next: event, changes: floorEventChanges(null, event) });
}

/** The change rows between two states of an event (null: it was just recorded). */
export function floorEventChanges(before: FloorEvent | null, after: FloorEvent): FieldChange[] {
  return diffFields(before === null ? null : floorEventColumns(before), floorEventColumns(after), floorEventFields);
}
