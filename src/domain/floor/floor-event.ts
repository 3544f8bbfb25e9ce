import type { ProgramId, UserId } from '../ids.js';
import type { PlainDate } from '../plain-date.js';
import type { InspectionLevel, SamplingPlan } from '../sampling/iso2859.js';
import { lotSizeMax, lotSizeMin } from '../sampling/iso2859.js';

/** What the floor reports: a sample shipment, an inspection of a lot, a measurement of a characteristic. */
export const floorEventKinds = ['shipment', 'inspection', 'measurement'] as const;
export type FloorEventKind = (typeof floorEventKinds)[number];

/** The defect classes of ISO 2859-1 as a quality plan names them, most severe first. */
export const defectClasses = ['critical', 'major', 'minor'] as const;
export type DefectClass = (typeof defectClasses)[number];

/** Every bound of a floor event's fields, documented in README.md ("Floor events") and checked by the rules. */
export const floorBounds = {
  /** Title (what was shipped, inspected or measured), lot reference, characteristic. */
  textMax: 200,
  unitMax: 20,
  lotSizeMin,
  lotSizeMax,
  valuesMin: 1,
  valuesMax: 1000,
  /** Every number of a measurement (nominal, limits, values) lies within ±this. */
  numberAbsMax: 1e9,
} as const;

/** A sample shipment: expected, and when known, shipped and arrived. */
export interface ShipmentDetails {
  readonly expectedOn: PlainDate;
  readonly shippedOn: PlainDate | null;
  readonly arrivedOn: PlainDate | null;
}

/** What an inspection asked of one defect class and what it found. */
export interface DefectClassInput {
  readonly aql: number;
  readonly defectsFound: number;
}

/** One defect class of an inspection as judged when it was recorded: the plan used, what was found, the verdict. */
export interface DefectClassResult {
  readonly defectClass: DefectClass;
  readonly aql: number;
  readonly plan: SamplingPlan;
  /** The acceptance and rejection numbers applied: the plan's, or 0 and 1 for critical defects that accept none. */
  readonly acceptNumber: number;
  readonly rejectNumber: number;
  readonly defectsFound: number;
  readonly verdict: Verdict;
  /** Defects found per 100 units inspected. */
  readonly defectRatePercent: number;
}

export type Verdict = 'accept' | 'reject';

export interface InspectionDetails {
  readonly lotRef: string;
  readonly lotSize: number;
  readonly level: InspectionLevel;
  /** Only the classes inspected, in the order of `defectClasses`. */
  readonly classes: readonly DefectClassResult[];
  /** Whether critical defects were judged at Ac 0 / Re 1 (the program's rule when it was recorded). */
  readonly criticalAcceptsNone: boolean;
  readonly verdict: Verdict;
}

export interface MeasurementDetails {
  readonly characteristic: string;
  readonly unit: string;
  readonly nominal: number;
  /** The lower and upper specification limits; at least one is set. */
  readonly lowerLimit: number | null;
  readonly upperLimit: number | null;
  readonly values: readonly number[];
}

interface FloorEventBase {
  readonly id: string;
  readonly programId: ProgramId;
  /** E-12: its number within the program. */
  readonly key: string;
  readonly title: string;
  /** The day it happened on the floor (the program's zone). */
  readonly occurredOn: PlainDate;
  readonly recordedById: UserId;
  readonly createdAt: string;
  readonly version: number;
}

export type ShipmentEvent = FloorEventBase & { readonly kind: 'shipment'; readonly shipment: ShipmentDetails };
export type InspectionEvent = FloorEventBase & { readonly kind: 'inspection'; readonly inspection: InspectionDetails };
export type MeasurementEvent = FloorEventBase & { readonly kind: 'measurement'; readonly measurement: MeasurementDetails };

/** A reported floor event: its kind decides which details it carries. */
export type FloorEvent = ShipmentEvent | InspectionEvent | MeasurementEvent;

/** The kind-specific part of an event as a store keeps it: shipment dates as columns, the rest as one payload. */
export interface FloorEventColumns {
  readonly programId: ProgramId;
  readonly key: string;
  readonly kind: FloorEventKind;
  readonly title: string;
  readonly occurredOn: PlainDate;
  readonly recordedById: UserId;
  /** Shipments only (null otherwise): the dates the lateness sweep reads in SQL. */
  readonly expectedOn: PlainDate | null;
  readonly shippedOn: PlainDate | null;
  readonly arrivedOn: PlainDate | null;
  /** Inspection or measurement details; null for shipments. */
  readonly details: InspectionDetails | MeasurementDetails | null;
}

/** The fields the change log records of an event, in the order it lists them. */
export const floorEventFields = [
  'kind',
  'title',
  'occurredOn',
  'recordedById',
  'expectedOn',
  'shippedOn',
  'arrivedOn',
  'details',
] as const satisfies readonly (keyof FloorEventColumns)[];

/** An event as the columns of its row: one shape for every kind. */
export function floorEventColumns(e: FloorEvent): FloorEventColumns {
  const base = { programId: e.programId, key: e.key, kind: e.kind, title: e.title, occurredOn: e.occurredOn, recordedById: e.recordedById };
  switch (e.kind) {
    case 'shipment':
      return { ...base, ...e.shipment, details: null };
    case 'inspection':
      return { ...base, expectedOn: null, shippedOn: null, arrivedOn: null, details: e.inspection };
    case 'measurement':
      return { ...base, expectedOn: null, shippedOn: null, arrivedOn: null, details: e.measurement };
  }
}
