import type { PlainDate } from '../plain-date.js';

/** A schedule a government published for one year, loaded by an admin from a file (see parse-official-schedule.ts). */
export interface OfficialSchedule {
  readonly country: string;
  readonly year: number;
  readonly holidays: readonly LabelledDate[];
  readonly makeupWorkdays: readonly LabelledDate[];
}

export interface LabelledDate {
  readonly date: PlainDate;
  readonly label: string;
}

/** A country whose public holidays the program observes; `region` is a date-holidays state code (e.g. DE `BY`). */
export interface CalendarCountry {
  readonly country: string;
  readonly region?: string;
}

export interface Shutdown {
  readonly from: PlainDate;
  readonly to: PlainDate;
  readonly label: string;
}

export interface CalendarException {
  readonly date: PlainDate;
  readonly working: boolean;
  readonly label: string;
}

/**
 * How the countries of a program's sites combine: `any_closed` (default) rests whenever any site
 * rests, so lead times that need factory and client both hold; `all_closed` rests only when every
 * site rests, for programs whose sites work independently.
 */
export type CountryMode = 'any_closed' | 'all_closed';

/** A program's business calendar as data: what `buildCalendar` turns into fast arithmetic. */
export interface CalendarSpec {
  readonly countries: readonly CalendarCountry[];
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which nobody works; Saturday and Sunday when omitted. */
  readonly weekendDays?: readonly number[];
  readonly shutdowns?: readonly Shutdown[];
  readonly exceptions?: readonly CalendarException[];
  readonly timeZone: string;
  /** Local hour (0–24) at which a business day ends, e.g. 18. */
  readonly endOfDayHour: number;
  readonly countryMode?: CountryMode;
  readonly officialSchedules?: readonly OfficialSchedule[];
}

export type DayReasonKind = 'weekend' | 'holiday' | 'makeup_workday' | 'shutdown' | 'exception';

export interface DayReason {
  readonly kind: DayReasonKind;
  readonly country?: string;
  readonly label: string;
}

/** What the calendar says about one day, and why. */
export interface DayInfo {
  readonly date: PlainDate;
  readonly working: boolean;
  readonly reasons: readonly DayReason[];
  /** True when a country's official schedule for the year is not yet known and rules stand in for it. */
  readonly provisional: boolean;
}

/** One year for the calendar page. */
export interface YearView {
  readonly year: number;
  readonly workingDays: number;
  /** Countries whose holidays this year come from rules rather than an official schedule. */
  readonly provisionalCountries: readonly string[];
  readonly days: readonly DayInfo[];
}
