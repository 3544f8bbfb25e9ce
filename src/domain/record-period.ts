import { addDays, type PlainDate } from './plain-date.js';
import { ok, type Result, refuse } from './result.js';

/** The longest period closed records are listed for at once, both days counted: a year, as for risk changes. */
export const maxRecordPeriodDays = 366;

/** The days a period of closed records covers, both inclusive, in the program's time zone. */
export interface RecordPeriod {
  readonly since: PlainDate;
  readonly until: PlainDate;
}

/**
 * The period a list of records reads closed ones for: until defaults to today, since to a full period
 * (366 days) ending on until; a longer period, or one that ends before it starts, is refused naming the field.
 */
export function recordPeriod(today: PlainDate, since: PlainDate | undefined, until: PlainDate | undefined): Result<RecordPeriod> {
  const end = until ?? today;
  const start = since ?? addDays(end, -(maxRecordPeriodDays - 1));
  if (end < start) {
    const field = until === undefined ? 'since' : 'until';
    return refuse('VALIDATION_FAILED', `The period ends (${end}) before it starts (${start}).`, [
      { path: field, message: field === 'until' ? 'On or after since.' : `On or before until (today, ${today}, when not given).` },
    ]);
  }
  if (end > addDays(start, maxRecordPeriodDays - 1)) {
    return refuse('VALIDATION_FAILED', `The period is longer than ${maxRecordPeriodDays} days; ask for a shorter one.`, [
      { path: 'since', message: `At most ${maxRecordPeriodDays - 1} days before until (today, ${today}, when not given).` },
    ]);
  }
  return ok({ since: start, until: end });
}
