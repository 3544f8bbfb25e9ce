import type { PlainDate } from './plain-date.js';

/** Something accepted that the person should look at twice; the answer carries it beside the record. */
export interface Warning {
  readonly path: string;
  readonly code: 'DATE_IN_PAST';
  readonly message: string;
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
