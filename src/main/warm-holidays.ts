import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CalendarCountry } from '../domain/calendar/calendar-spec.js';
import { hasRuleHolidays, primeRuleHolidays, type RawHoliday, usesRuleHolidays } from '../domain/calendar/country-days.js';
import { dateRange } from '../domain/date-range.js';

// The worker only asks date-holidays (lunar rules cost up to ~60 ms a year); the main thread applies
// our rules to its answers, so no project code runs twice and the event loop never waits for it.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Holidays = require(workerData.holidaysPath);
const made = new Map();
parentPort.on('message', ({ country, region, year }) => {
  const key = country + '/' + (region || '');
  let h = made.get(key);
  if (!h) { h = region ? new Holidays(country, region) : new Holidays(country); made.set(key, h); }
  const raw = h.getHolidays(year, 'en').map((x) => ({ date: x.date, start: x.start, end: x.end, name: x.name, type: x.type, note: x.note }));
  parentPort.postMessage({ country, region, year, raw });
});
`;

export interface HolidayWarmer {
  /** Resolves once the current pass (if any) has finished and no new one will start. */
  stop(): Promise<void>;
}

/**
 * Warms the countries in use now (reported with onWarmed when done, even with nothing to compute), and again every `everyMs`, so a program created later (or loaded by
 * another instance) in a new country is covered too; a pass with nothing new to compute costs a lookup.
 */
export function startHolidayWarmer(
  countriesInUse: () => Promise<readonly CalendarCountry[]>,
  everyMs: number,
  onWarmed: (r: WarmResult) => void,
  onError: (err: unknown) => void,
): HolidayWarmer {
  const ac = new AbortController();
  let running: Promise<void> = Promise.resolve();
  let first = true;
  const pass = () => {
    running = running
      .then(async () => {
        if (ac.signal.aborted) return;
        const r = await warmHolidays(await countriesInUse(), ac.signal);
        // The first pass is always reported (the server's warm-up is over); later ones when they computed something.
        if ((first || r.years > 0) && !ac.signal.aborted) onWarmed(r);
        first = false;
      })
      .catch(onError);
  };
  pass();
  const timer = setInterval(pass, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      ac.abort();
      await running;
    },
  };
}

export interface WarmResult {
  readonly years: number;
  readonly ms: number;
}

/**
 * Computes the rule-based public holidays of every year in the accepted date range for these
 * countries on a worker thread, so that a far-future date never makes a request wait for them.
 */
export async function warmHolidays(countries: readonly CalendarCountry[], signal?: AbortSignal): Promise<WarmResult> {
  const started = Date.now();
  const jobs: { country: string; region: string | undefined; year: number }[] = [];
  const seen = new Set<string>();
  for (const c of countries) {
    const key = `${c.country}/${c.region ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (let year = dateRange.minYear; year <= dateRange.maxYear; year++) {
      if (usesRuleHolidays(c.country, year) && !hasRuleHolidays(c.country, c.region, year))
        jobs.push({ country: c.country, region: c.region, year });
    }
  }
  if (jobs.length === 0) return { years: 0, ms: 0 };
  const holidaysPath = createRequire(import.meta.url).resolve('date-holidays');
  const worker = new Worker(workerSource, { eval: true, workerData: { holidaysPath } });
  worker.unref();
  try {
    let done = 0;
    await new Promise<void>((resolve, reject) => {
      const next = () => {
        const job = jobs[done];
        if (!job || signal?.aborted) return resolve();
        worker.postMessage(job);
      };
      worker.on('message', (m: { country: string; region: string | undefined; year: number; raw: RawHoliday[] }) => {
        primeRuleHolidays(m.country, m.region ?? undefined, m.year, m.raw);
        done++;
        next();
      });
      worker.on('error', reject);
      next();
    });
    return { years: done, ms: Date.now() - started };
  } finally {
    await worker.terminate();
  }
}
