import { businessDaysBetween, type WorkingDays } from './business-days.js';
import type { Milestone } from './milestone.js';
import type { PlainDate } from './plain-date.js';

/**
 * An open milestone is "planned", not "not done", until its forecast date has passed at the factory:
 * business days from today there to that date (0: due today); null once done or past its date.
 */
export function dueInBusinessDays(m: Pick<Milestone, 'forecastDate' | 'actualDate'>, today: PlainDate, cal: WorkingDays): number | null {
  if (m.actualDate !== null || m.forecastDate < today) return null;
  return businessDaysBetween(cal, today, m.forecastDate);
}
