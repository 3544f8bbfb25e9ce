/** A calendar date without time or zone, always written `YYYY-MM-DD`. */
export type PlainDate = string & { readonly __plainDate: true };

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A string is a plain date when it is `YYYY-MM-DD` and names a real day of the Gregorian calendar. */
export function isPlainDate(value: string): value is PlainDate {
  const m = pattern.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function plainDate(value: string): PlainDate {
  if (!isPlainDate(value)) throw new Error(`not a plain date: ${value}`);
  return value;
}

const toUtc = (d: PlainDate) => Date.parse(`${d}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10) as PlainDate;
const DAY = 86_400_000;

export const addDays = (d: PlainDate, n: number): PlainDate => fromUtc(toUtc(d) + n * DAY);

/** Calendar days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: PlainDate, b: PlainDate): number => Math.round((toUtc(b) - toUtc(a)) / DAY);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (d: PlainDate): number => {
  const w = new Date(toUtc(d)).getUTCDay();
  return w === 0 ? 7 : w;
};

export const compareDates = (a: PlainDate, b: PlainDate): number => (a < b ? -1 : a > b ? 1 : 0);

export const maxDate = (a: PlainDate, b: PlainDate): PlainDate => (a > b ? a : b);

/** The date it is at instant `now` in time zone `timeZone` (IANA name). */
export function dateInZone(now: Date, timeZone: string): PlainDate {
  let z = zones.get(timeZone);
  if (!z) {
    z = {
      format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
      minute: Number.NaN,
      date: '',
    };
    zones.set(timeZone, z);
  }
  // Every zone's day starts on a whole minute (offsets are whole minutes since 1972), so the date of
  // the minute last asked for is the date of any instant in it; formatting costs several µs and every
  // request asks.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== z.minute) {
    z.date = z.format.format(now);
    z.minute = minute;
  }
  return z.date as PlainDate;
}

// Building a formatter costs ~60 µs; a portfolio asks for the same few zones many times.
const zones = new Map<string, { readonly format: Intl.DateTimeFormat; minute: number; date: string }>();

/** True when `timeZone` is an IANA zone name this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  // Asking Intl costs ~0.1 ms (it builds a formatter); a sweep asks it for every owner of thousands of
  // escalations. The zones known are a few hundred names, so those are remembered; other text is not.
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    return false;
  }
  if (knownZones.size < 2_000) knownZones.add(timeZone);
  return true;
}
const knownZones = new Set<string>();
