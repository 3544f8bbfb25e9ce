import { addBusinessDays, type WorkingDays } from './business-days.js';
import type { PlainDate } from './plain-date.js';

/** Something accepted that the person should look at twice; the answer carries it beside the record. */
export interface Warning {
  readonly path: string;
  readonly code: 'DATE_IN_PAST' | 'NOT_A_WORKING_DAY';
  readonly message: string;
  /** A date that would not deserve the warning (NOT_A_WORKING_DAY: the next working day). */
  readonly suggestion?: PlainDate;
}

/**
 * A new forecast or a new due date that already lies in the past is accepted (people record what
 * happened late), but said out loud: it is overdue the moment it is saved.
 */
export function pastDateWarnings(today: PlainDate, dates: Readonly<Record<string, PlainDate | null | undefined>>): Warning[] {
  const out: Warning[] = [];
  for (const [path, d] of Object.entries(dates)) {
    if (d && d < today)
      out.push({
        path,
        code: 'DATE_IN_PAST',
        message: `${d} is already past (today is ${today}): the item is overdue as soon as it is saved.`,
      });
  }
  return out;
}

/**
 * A forecast on a day the program's calendar has off (a weekend, a public holiday at the factory) is
 * accepted, since factories do work some of them, but said, with the next working day offered.
 */
export function nonWorkingDayWarnings(cal: WorkingDays, dates: Readonly<Record<string, PlainDate | null | undefined>>): Warning[] {
  const out: Warning[] = [];
  for (const [path, d] of Object.entries(dates)) {
    if (!d || cal.isWorkingDay(d)) continue;
    const next = addBusinessDays(cal, d, 1);
    out.push({
      path,
      code: 'NOT_A_WORKING_DAY',
      message: `${d} is not a working day on the program's calendar; the next working day is ${next}.`,
      suggestion: next,
    });
  }
  return out;
}
