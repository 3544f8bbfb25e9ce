import { dateRange, isYearInRange } from '../date-range.js';
import { isoWeekday, isPlainDate, type PlainDate } from '../plain-date.js';
import { type FieldProblem, ok, type Result, refuse } from '../result.js';
import { isPlainLine } from '../text.js';
import type { LabelledDate, OfficialSchedule } from './calendar-spec.js';
import { isKnownCountry } from './country-days.js';

/**
 * Reads an official holiday schedule an admin uploads when a government publishes one, e.g.
 *
 *   {
 *     "country": "CN",
 *     "year": 2027,
 *     "holidays": [{ "date": "2027-02-06", "label": "Spring Festival" }],
 *     "makeupWorkdays": [{ "date": "2027-02-20", "label": "Spring Festival" }]
 *   }
 *
 * country: ISO 3166 code date-holidays knows; year: the schedule's year; holidays: every day off of
 * the year's breaks, weekend days inside a break included; makeupWorkdays (optional): Saturdays and
 * Sundays worked instead. Every date lies in `year` and appears once; labels are 1–100 characters.
 * Unknown fields are refused so that a misspelt key does not silently drop data.
 */
export function parseOfficialSchedule(text: string): Result<OfficialSchedule> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return refuse('VALIDATION_FAILED', 'The schedule file is not valid JSON.', [{ path: '', message: syntaxProblem(text, e) }]);
  }
  const problems: FieldProblem[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });
  if (!isRecord(data))
    return refuse('VALIDATION_FAILED', 'The schedule file must hold one JSON object.', [{ path: '', message: 'expected an object' }]);

  for (const k of Object.keys(data)) if (!topLevel.includes(k)) fail(k, `unknown field; expected one of ${topLevel.join(', ')}`);
  const { country, year } = data;
  if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country))
    fail('country', 'must be a two-letter upper-case country code, e.g. "CN"');
  else if (!isKnownCountry(country)) fail('country', `unknown country code "${country}"`);
  const validYear = typeof year === 'number' && isYearInRange(year);
  if (!validYear) fail('year', `must be a whole year from ${dateRange.minYear} to ${dateRange.maxYear}`);

  const seen = new Map<string, string>();
  const entries = (field: 'holidays' | 'makeupWorkdays', required: boolean): LabelledDate[] => {
    const list = data[field];
    if (list === undefined && !required) return [];
    if (!Array.isArray(list)) {
      fail(field, 'must be a list of {"date": "YYYY-MM-DD", "label": "…"}');
      return [];
    }
    const out: LabelledDate[] = [];
    list.forEach((item: unknown, i) => {
      const at = `${field}[${i}]`;
      if (!isRecord(item)) {
        fail(at, 'must be an object with "date" and "label"');
        return;
      }
      for (const k of Object.keys(item)) if (k !== 'date' && k !== 'label') fail(`${at}.${k}`, 'unknown field; expected date, label');
      const { date, label } = item;
      const isLabel = typeof label === 'string' && label.trim() !== '' && label.length <= 100 && isPlainLine(label);
      if (!isLabel) fail(`${at}.label`, 'must be one line of 1 to 100 characters, without control or bidi override characters');
      const problem = dateProblem(date, validYear ? (year as number) : undefined, field === 'makeupWorkdays', seen.get(String(date)));
      if (problem) fail(`${at}.date`, problem);
      else {
        seen.set(date as string, at);
        if (isLabel) out.push({ date: date as PlainDate, label: (label as string).trim() });
      }
    });
    return out;
  };
  const holidays = entries('holidays', true);
  const makeupWorkdays = entries('makeupWorkdays', false);
  if (problems.length > 0) return refuse('VALIDATION_FAILED', `The schedule file has ${problems.length} problem(s).`, problems);
  return ok({ country: country as string, year: year as number, holidays, makeupWorkdays });
}

// Why an entry's date is unusable, or undefined when it is fine.
function dateProblem(date: unknown, year: number | undefined, isMakeup: boolean, listedAt: string | undefined): string | undefined {
  if (typeof date !== 'string' || !isPlainDate(date)) return `must be a real date written YYYY-MM-DD, got ${JSON.stringify(date)}`;
  if (year !== undefined && !date.startsWith(`${year}-`)) return `${date} is not in ${year}; list each year's dates in that year's file`;
  if (listedAt) return `${date} is listed twice (also at ${listedAt})`;
  if (isMakeup && isoWeekday(date) <= 5) return `${date} is a weekday; makeup working days fall on a Saturday or Sunday`;
  return undefined;
}

const topLevel = ['country', 'year', 'holidays', 'makeupWorkdays'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// JSON.parse reports a character position; people look for a line and column.
function syntaxProblem(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${message}`;
}
