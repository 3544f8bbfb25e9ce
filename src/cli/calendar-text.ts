import type { OperationOutput } from '../contract/operations.js';
import type { ProgramSummary } from '../contract/program.js';
import { isoWeekday, type PlainDate } from '../domain/plain-date.js';

type ProgramCalendar = OperationOutput<'getCalendar'>;

import { facts, table } from './output.js';

// A program's calendar year in the terminal: twelve month grids, then the days off on weekdays and
// the days worked instead, then the facts the business-day counts rest on.

type Day = ProgramCalendar['year']['days'][number];
type Reason = Day['reasons'][number];

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const gridWidth = 20;
const defaultWeekend = [6, 7];

export const legend = [
  '·  weekend      H  holiday      S  shutdown      X  closed (exception)',
  'W  worked on a day off (makeup or exception)     ?  provisional (by rule, not yet official)',
].join('\n');

const has = (d: Day, kind: Reason['kind']) => d.reasons.some((r) => r.kind === kind);

/** Whether the day's marks come from rules standing in for a not yet published official schedule. */
const isRuleBased = (d: Day) => d.provisional && (has(d, 'holiday') || has(d, 'makeup_workday'));

/** A day's two-character cell: its number on an ordinary working day, otherwise what it is. */
export function dayCell(d: Day): string {
  let mark: string | undefined;
  if (d.working) mark = has(d, 'makeup_workday') || has(d, 'exception') ? 'W' : undefined;
  else if (has(d, 'exception')) mark = 'X';
  else if (has(d, 'shutdown')) mark = 'S';
  else if (has(d, 'holiday')) mark = 'H';
  else mark = '·';
  if (mark === undefined) return String(Number(d.date.slice(8))).padStart(2);
  return isRuleBased(d) ? `${mark}?` : ` ${mark}`;
}

/** One month as lines of equal width: title, weekday heads, six week rows (blank ones too). */
function monthGrid(month: number, days: readonly Day[]): string[] {
  const title = monthNames[month - 1] ?? '';
  const pad = Math.floor((gridWidth - title.length) / 2);
  const lines = [`${' '.repeat(pad)}${title}`.padEnd(gridWidth), 'Mo Tu We Th Fr Sa Su'];
  const first = days[0];
  const cells: string[] = first ? Array.from({ length: isoWeekday(first.date as PlainDate) - 1 }, () => '  ') : [];
  for (const d of days) cells.push(dayCell(d));
  for (let i = 0; i < 42; i += 7)
    lines.push(
      cells
        .slice(i, i + 7)
        .join(' ')
        .padEnd(gridWidth),
    );
  return lines;
}

/** The twelve month grids, three side by side. */
export function yearGrid(days: readonly Day[]): string {
  const byMonth = Array.from({ length: 12 }, (_, i) => days.filter((d) => Number(d.date.slice(5, 7)) === i + 1));
  const grids = byMonth.map((ds, i) => monthGrid(i + 1, ds));
  const rows: string[] = [];
  for (let m = 0; m < 12; m += 3) {
    const three = grids.slice(m, m + 3);
    const lines = (three[0] ?? []).map((_, line) =>
      three
        .map((g) => g[line] ?? '')
        .join('   ')
        .trimEnd(),
    );
    // Six week rows fit every month; months side by side that need only five drop the blank sixth.
    while (lines.at(-1) === '') lines.pop();
    rows.push(...lines, '');
  }
  return rows.join('\n').trimEnd();
}

const reasonLabel = (r: Reason) => (r.country ? `${r.label} (${r.country})` : r.label);

/** What makes a listed day special: "holiday", "makeup working day", "shutdown", … */
function kindOf(d: Day): { kind: string; reasons: Reason[] } {
  const pick = (kind: Reason['kind']) => d.reasons.filter((r) => r.kind === kind);
  if (d.working) {
    const makeup = pick('makeup_workday');
    return makeup.length ? { kind: 'makeup working day', reasons: makeup } : { kind: 'working (exception)', reasons: pick('exception') };
  }
  if (has(d, 'exception')) return { kind: 'closed (exception)', reasons: pick('exception') };
  if (has(d, 'shutdown')) return { kind: 'shutdown', reasons: pick('shutdown') };
  return { kind: 'holiday', reasons: pick('holiday') };
}

/** The year's non-working weekdays and the days worked on a day off, with their labels and country. */
export function specialDays(c: ProgramCalendar): string {
  const weekend = c.spec.weekendDays ?? defaultWeekend;
  const listed = c.year.days.filter((d) =>
    d.working ? has(d, 'makeup_workday') || has(d, 'exception') : !weekend.includes(isoWeekday(d.date as PlainDate)),
  );
  if (listed.length === 0) return `No days off on weekdays and no makeup working days in ${c.year.year}.`;
  const rows = listed.map((d) => {
    const { kind, reasons } = kindOf(d);
    const label = reasons.map(reasonLabel).join('; ');
    return [d.date, weekdayNames[isoWeekday(d.date as PlainDate) - 1]?.slice(0, 3) ?? '', kind, isRuleBased(d) ? `${label} ?` : label];
  });
  return `Days off on weekdays, and days worked on a day off:\n${table(['Date', 'Day', 'What', 'Label'], rows)}`;
}

const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** `tollgate calendar show`: grids, special days, then the facts the business-day counts rest on. */
export function calendarText(p: ProgramSummary, c: ProgramCalendar): string {
  const { spec, year } = c;
  const countries = spec.countries.map((x) => (x.region ? `${x.country}-${x.region}` : x.country));
  const weekend = (spec.weekendDays ?? defaultWeekend).map((n) => weekdayNames[n - 1] ?? String(n));
  const both =
    spec.countryMode === 'all_closed' ? ' (closed only when all of them are)' : countries.length > 1 ? ' (closed when any is)' : '';
  const head = facts([
    ['Working days', `${year.workingDays} in ${year.year}`],
    ['Time zone', `${spec.timeZone}; a business day ends at ${hour(spec.endOfDayHour)}`],
    ['Holidays of', countries.length ? `${countries.join(', ')}${both}` : 'no country'],
    ['Weekend', weekend.length ? weekend.join(', ') : 'none'],
    ['Calendar', c.isDefault ? "the default: the factory country's" : `set for the program (program version ${c.version})`],
  ]);
  const provisional = year.provisionalCountries.length
    ? `\nprovisional: ${year.provisionalCountries.join(', ')} (official schedule not yet published; holidays marked ? follow the usual rules)`
    : '';
  return [
    `${p.code} business calendar ${year.year}`,
    '',
    yearGrid(year.days),
    legend,
    '',
    specialDays(c),
    '',
    `${head}${provisional}`,
  ].join('\n');
}
