import { buildCalendar } from '../../src/domain/calendar/build-calendar.js';
import { dateRange } from '../../src/domain/date-range.js';
import { addDays, daysBetween, type PlainDate } from '../../src/domain/plain-date.js';
import { definePureOperation } from './types.js';

// China (lunar holidays, makeup Saturdays) and Taiwan (the slowest rule set in date-holidays).
const specs = {
  cn: { countries: [{ country: 'CN' }], timeZone: 'Asia/Shanghai', endOfDayHour: 18 },
  tw: { countries: [{ country: 'TW' }], timeZone: 'Asia/Taipei', endOfDayHour: 18 },
} as const;
const rangeDays = daysBetween(dateRange.min, dateRange.max);

interface Pairs {
  readonly cal: ReturnType<typeof buildCalendar>;
  readonly pairs: readonly [PlainDate, PlainDate, number][];
}

/** A calendar built over the whole accepted range (untimed, reported) and 1,000 random date pairs anywhere in it. */
function setup(name: keyof typeof specs, ctx: { rng: { next(): number }; note(line: string): void }): Pairs {
  const started = performance.now();
  const cal = buildCalendar(specs[name], { from: dateRange.minYear, to: dateRange.maxYear });
  ctx.note(
    `${name}: calendar over ${dateRange.min} … ${dateRange.max} built once in ${(performance.now() - started).toFixed(0)} ms (cold)`,
  );
  const pick = () => addDays(dateRange.min, Math.floor(ctx.rng.next() * rangeDays));
  const pairs = Array.from(
    { length: 1000 },
    () => [pick(), pick(), Math.floor(ctx.rng.next() * 40_000) - 20_000] as [PlainDate, PlainDate, number],
  );
  // The widest distance of all: first to last day of the range.
  pairs[0] = [dateRange.min, dateRange.max, 25_000];
  return { cal, pairs };
}

const group = 'business-days';

export const businessDaysCountCn = definePureOperation<Pairs>({
  name: 'business-days-count-cn',
  group,
  description: 'count business days between 1,000 random date pairs across 2000–2099 on the CN calendar (per call: all 1,000)',
  setup: (ctx) => setup('cn', ctx),
  run: (_ctx, { cal, pairs }) => {
    let s = 0;
    for (const [a, b] of pairs) s += cal.count(a, b);
    return s;
  },
});

export const businessDaysAddCn = definePureOperation<Pairs>({
  name: 'business-days-add-cn',
  group,
  description: 'add ±20,000 business days to 1,000 random dates across 2000–2099 on the CN calendar, clamped to the range',
  setup: (ctx) => setup('cn', ctx),
  run: (_ctx, { cal, pairs }) => {
    let last = '';
    for (const [a, , n] of pairs) {
      const total = cal.count(dateRange.min, dateRange.max);
      const at = cal.count(dateRange.min, a);
      const m = Math.max(-at + 1, Math.min(n, total - at - 1));
      last = cal.add(a, m);
    }
    return last;
  },
});

export const businessDaysCountTw = definePureOperation<Pairs>({
  name: 'business-days-count-tw',
  group,
  description: 'count business days between 1,000 random date pairs across 2000–2099 on the TW calendar',
  setup: (ctx) => setup('tw', ctx),
  run: (_ctx, { cal, pairs }) => {
    let s = 0;
    for (const [a, b] of pairs) s += cal.count(a, b);
    return s;
  },
});
