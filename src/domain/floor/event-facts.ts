import type { WorkingDays } from '../business-days.js';
import type { PlainDate } from '../plain-date.js';
import type { FloorEvent, Verdict } from './floor-event.js';
import { worstDefectRatePercent } from './inspection.js';
import { measurementFacts, type OutOfLimits } from './measurement.js';
import { shipmentLateness } from './shipment.js';

/** What an event says that a trigger may act on; a fact is absent when it does not apply to the event's kind. */
export interface EventFacts {
  /** A shipment that arrived late, or is still missing after its expected day. */
  readonly lateArrival?: { readonly businessDaysLate: number; readonly hasArrived: boolean };
  /** A measurement's values outside its limits (absent when none). */
  readonly outOfTolerance?: { readonly count: number; readonly values: readonly OutOfLimits[] };
  /** A measurement's Cpk (absent below the minimum of values or without spread). */
  readonly cpk?: number;
  readonly inspectionVerdict?: Verdict;
  /** An inspection's highest defect rate of its classes, in percent of the sample. */
  readonly defectRatePercent?: number;
}

/** The facts of an event on a given day, counted on the program's business calendar (for triggers and escalations). */
export function eventFacts(event: FloorEvent, today: PlainDate, calendar: WorkingDays): EventFacts {
  switch (event.kind) {
    case 'shipment': {
      const late = shipmentLateness(event.shipment, today, calendar);
      return late === null ? {} : { lateArrival: late };
    }
    case 'inspection':
      return { inspectionVerdict: event.inspection.verdict, defectRatePercent: worstDefectRatePercent(event.inspection) };
    case 'measurement': {
      const f = measurementFacts(event.measurement);
      return {
        ...(f.outOfLimits.length > 0 ? { outOfTolerance: { count: f.outOfLimits.length, values: f.outOfLimits } } : {}),
        ...(f.cpk === null ? {} : { cpk: f.cpk }),
      };
    }
  }
}
