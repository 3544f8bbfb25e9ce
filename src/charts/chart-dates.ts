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
