import { isPlainDate } from '../../../src/domain/plain-date.js';

/**
 * The one place that turns dates and numbers into text, per the user's locale and time zone.
 * Plain dates (YYYY-MM-DD) are calendar dates: they are formatted in UTC so they never shift by a
 * day; instants are shown in the user's own zone with the zone's name.
 */

export const userLocale: string = (typeof navigator !== 'undefined' && navigator.language) || 'en';
export const userTimeZone: string = new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const cache = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(userLocale, options);
    cache.set(key, f);
  }
  return f;
}

/** A real day written YYYY-MM-DD as its UTC midnight; null otherwise ("2026-02-30" must not show as 2 March). */
const plainDateToUtc = (value: string): number | null => (isPlainDate(value) ? Date.parse(`${value}T00:00:00Z`) : null);

export type DateStyle = 'medium' | 'weekday' | 'long';

/** A calendar date such as "12 Mar 2026"; the input is returned as is when it is not a real date written YYYY-MM-DD. */
export function formatPlainDate(value: string, style: DateStyle = 'medium'): string {
  const utc = plainDateToUtc(value);
  if (utc === null) return value;
  const f =
    style === 'weekday'
      ? dateTimeFormat('pd-weekday', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
      : style === 'long'
        ? dateTimeFormat('pd-long', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
        : dateTimeFormat('pd-medium', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  return f.format(utc);
}

/** A month of a year, "October 2026"; `month` is 1–12. */
export const formatMonth = (year: number, month: number): string =>
  dateTimeFormat('month', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(Date.UTC(year, month - 1, 1));

/** A weekday by its ISO number (1 = Monday … 7 = Sunday): "Mon" or "Monday". */
export const formatWeekday = (isoWeekday: number, width: 'short' | 'long'): string =>
  // 1 January 2024 was a Monday.
  dateTimeFormat(`weekday-${width}`, { timeZone: 'UTC', weekday: width }).format(Date.UTC(2024, 0, isoWeekday));

/** A local hour of the day, "18:00" (or "6:00 PM"), for hours 0–23. */
export const formatHour = (hour: number): string =>
  dateTimeFormat('hour', { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format(Date.UTC(2024, 0, 1, hour));

/** An instant in the user's time zone, with the zone's short name: "26 Nov 2026, 17:30 GMT+8". */
export function formatInstant(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return dateTimeFormat('instant', {
    timeZone: userTimeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(t);
}

/** A time zone as its IANA name with its current offset: "Asia/Shanghai (GMT+8)". */
export function formatTimeZone(timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat(userLocale, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(Date.now());
    const offset = parts.find((p) => p.type === 'timeZoneName')?.value;
    return offset ? `${timeZone.replaceAll('_', ' ')} (${offset})` : timeZone;
  } catch {
    return timeZone;
  }
}

const numberFormat = new Intl.NumberFormat(userLocale);
const signedFormat = new Intl.NumberFormat(userLocale, { signDisplay: 'exceptZero' });

export const formatNumber = (n: number): string => numberFormat.format(n);

/** A number with its sign, "+6" / "−2" / "0". */
export const formatSigned = (n: number): string => signedFormat.format(n);

let regionNames: Intl.DisplayNames | null = null;
/** A country from its ISO 3166-1 alpha-2 code, e.g. "CN" → "China"; unknown codes are returned as is. */
export function formatCountry(code: string): string {
  try {
    regionNames ??= new Intl.DisplayNames([userLocale], { type: 'region' });
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const listFormat = new Intl.ListFormat(userLocale, { style: 'short', type: 'unit' });
/** Items joined for the locale, e.g. "2 late, 3 at risk, 3 on track". */
export const formatList = (items: readonly string[]): string => listFormat.format(items);
