import { isPlainDate } from '../../../src/domain/plain-date.js';

/**
 * The one place that turns dates and numbers into text, per the user's locale and time zone.
 * Plain dates (YYYY-MM-DD) are calendar dates: they are formatted in UTC so they never shift by a
 * day; instants are shown in the reader's zone (their account's, else the browser's) with the zone's name.
 */

export const userLocale: string = (typeof navigator !== 'undefined' && navigator.language) || 'en';
/** The time zone the browser runs in: the reader's zone when their account names none. */
export const browserTimeZone: string = new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Whether `zone` is an IANA time zone this browser knows. */
export function isKnownTimeZone(zone: string): boolean {
  if (zone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let readerZone = browserTimeZone;

/**
 * Sets the zone every instant is shown in from the signed-in person's account: theirs when it is a
 * zone this browser knows, else the browser's own (no account, or none set). Returns the zone in force.
 */
export function setReaderTimeZone(accountZone: string | null | undefined): string {
  readerZone = accountZone && isKnownTimeZone(accountZone) ? accountZone : browserTimeZone;
  return readerZone;
}

/** The zone instants are shown in now (see setReaderTimeZone). */
export const readerTimeZone = (): string => readerZone;

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

const instantOptions: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** An instant in the reader's time zone (or `zone`), with the zone's short name: "26 Nov 2026, 17:30 GMT+8". */
export function formatInstant(iso: string, zone: string = readerZone): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return dateTimeFormat(`instant|${zone}`, { ...instantOptions, timeZone: zone }).format(t);
}

/**
 * An instant as its day and its time with the zone, apart ("26 Nov 2026" and "17:30 GMT+8"), for a narrow column
 * that shows them on two lines; what is not an instant is the day, with no time.
 */
export function formatInstantParts(iso: string, zone: string = readerZone): readonly [day: string, time: string] {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return [iso, ''];
  const { day, month, year, hour, minute, timeZoneName } = instantOptions;
  return [
    dateTimeFormat(`instant-day|${zone}`, { day, month, year, timeZone: zone }).format(t),
    dateTimeFormat(`instant-time|${zone}`, { hour, minute, timeZoneName, timeZone: zone }).format(t),
  ];
}

/** The wall-clock time of an instant in `zone`, "17:30" (or "5:30 PM"), for a place whose date is shown beside it. */
export function formatTimeOfDay(ms: number, zone: string): string {
  return dateTimeFormat(`time|${zone}`, { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** The date of an instant in `zone`, YYYY-MM-DD: which calendar day it is there. */
export function dateInZoneOf(ms: number, zone: string): string {
  const parts = isoParts(ms, zone);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const isoPartsFormats = new Map<string, Intl.DateTimeFormat>();
function isoParts(ms: number, zone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'timeZoneName', string> {
  let f = isoPartsFormats.get(zone);
  if (!f) {
    // Locale-independent digits and a 24-hour clock; longOffset writes the offset as "GMT+05:45" (plain "GMT" at zero).
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    isoPartsFormats.set(zone, f);
  }
  const out = { year: '', month: '', day: '', hour: '', minute: '', second: '', timeZoneName: '' };
  for (const p of f.formatToParts(ms)) if (p.type in out) out[p.type as keyof typeof out] = p.value;
  return out;
}

/**
 * An instant written in full for a tooltip, where the zone matters: the ISO-8601 local time with its
 * offset and the zone's name, "2026-11-26T17:30:00+08:00 Asia/Shanghai".
 */
export function formatInstantFull(iso: string, zone: string = readerZone): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const p = isoParts(t, zone);
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName.replace('GMT', '');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset} ${zone}`;
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
