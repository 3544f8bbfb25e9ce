import { DateTime } from 'luxon';
import type { PlainDate } from './plain-date.js';

/** The UTC instant at which day `d` begins in time zone `timeZone` (correct across DST changes). */
export function startOfDayUtc(d: PlainDate, timeZone: string): string {
  const t = DateTime.fromISO(d, { zone: timeZone }).startOf('day');
  if (!t.isValid) throw new Error(`invalid date or zone: ${d} ${timeZone}`);
  return t.toUTC().toISO() as string;
}
