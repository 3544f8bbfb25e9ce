import { businessDaysBetween, type WorkingDays } from '../business-days.js';
import type { PlainDate } from '../plain-date.js';
import type { ShipmentDetails } from './floor-event.js';

/** How late a shipment is, in business days of the program's calendar, and whether it has arrived. */
export interface Lateness {
  readonly businessDaysLate: number;
  readonly hasArrived: boolean;
}

/**
 * A shipment is late when it arrived after its expected day (by the business days between them), or
 * when the expected day has passed by `today` without an arrival (by the business days since); on time
 * otherwise (null). An arrival on a non-working day after the expected one counts at least one day late.
 */
export function shipmentLateness(s: ShipmentDetails, today: PlainDate, calendar: WorkingDays): Lateness | null {
  const until = s.arrivedOn ?? today;
  if (until <= s.expectedOn) return null;
  return { businessDaysLate: Math.max(1, businessDaysBetween(calendar, s.expectedOn, until)), hasArrived: s.arrivedOn !== null };
}
