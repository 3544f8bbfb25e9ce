const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const DAY_MS = 86_400_000;

/** UTC midnight of a `YYYY-MM-DD` date; throws naming the field when the text is not a real date. */
export function dateToMs(value: string, field: string): number {
  const m = DATE.exec(value);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new Error(`${field} must be a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
  }
  return ms;
}

/** The `YYYY-MM-DD` text of a UTC instant (charts run with useUTC, so axis ticks are UTC midnights). */
export const msToDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A [min, max] range around the values, widened by a margin so no mark sits on the frame. */
export function paddedRange(values: readonly number[], minMarginDays: number, marginShare: number): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const margin = Math.max(minMarginDays * DAY_MS, Math.round(((hi - lo) * marginShare) / DAY_MS) * DAY_MS);
  return [lo - margin, hi + margin];
}

/** How a chart writes a calendar date for people. */
export type DateLabel = (date: string) => string;

/** Dates as written, `YYYY-MM-DD`: the default when no locale is known (scripts, files). */
export const isoDateLabel: DateLabel = (date) => date;

/**
 * Dates as the web app writes them in `locale` ("12 Mar 2026", "Mar 12, 2026"), so a chart reads
 * like the page around it; a calendar date is never shifted by a time zone.
 */
export function localeDateLabel(locale: string): DateLabel {
  const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  return (date) => {
    const ms = Date.parse(`${date}T00:00:00Z`);
    return Number.isNaN(ms) ? date : f.format(ms);
  };
}
