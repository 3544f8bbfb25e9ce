import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// format.ts reads the user's time zone once, when it loads, and a process has one time zone: so each
// zone gets its own Node process (with tsx, as in `npm run dev`). Type-checked by tsconfig.check.json,
// as it needs Node's types; format.ts itself is browser code and is only loaded by the child.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const formatUrl = new URL('./format.ts', import.meta.url).href;

/** What format.ts gives in a browser whose time zone is `timeZone`: each expression is evaluated with `f` as the module. */
function inZone(timeZone: string, expressions: readonly string[]): string[] {
  const script = [
    `process.env.TZ = ${JSON.stringify(timeZone)};`,
    `const f = await import(${JSON.stringify(formatUrl)});`,
    `console.log(JSON.stringify([f.browserTimeZone, ${expressions.join(', ')}]));`,
  ].join('\n');
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { cwd: root, encoding: 'utf8' });
  const [zone, ...values] = JSON.parse(out) as string[];
  expect(zone).toBe(timeZone);
  return values;
}

describe('format in the user’s time zone', () => {
  it('shows plain dates on their own day far west of UTC, and instants in New York time across both DST changes', () => {
    const [plain, newYear, eveOfChange, afterSpringForward, firstHalfPast1, secondHalfPast1] = inZone('America/New_York', [
      `f.formatPlainDate('2026-03-12')`,
      `f.formatPlainDate('2026-01-01', 'long')`,
      // 8 March 2026: clocks go from 02:00 EST to 03:00 EDT.
      `f.formatInstant('2026-03-08T06:59:00Z')`,
      `f.formatInstant('2026-03-08T07:00:00Z')`,
      // 1 November 2026: 01:00–02:00 happens twice, first in EDT, then in EST.
      `f.formatInstant('2026-11-01T05:30:00Z')`,
      `f.formatInstant('2026-11-01T06:30:00Z')`,
    ]);
    expect(plain).toMatch(/^(Mar 12, 2026|12 Mar 2026)$/);
    expect(newYear).toMatch(/^Thursday,/);
    expect(newYear).toContain('2026');
    expect(eveOfChange).toMatch(/0?1:59/);
    expect(afterSpringForward).toMatch(/0?3:00/);
    // The same wall-clock time twice: only the zone's name tells them apart, so it must be shown.
    expect(firstHalfPast1).toMatch(/0?1:30/);
    expect(secondHalfPast1).toMatch(/0?1:30/);
    expect(firstHalfPast1).not.toBe(secondHalfPast1);
  });

  it('shows plain dates on their own day far east of UTC, and instants on the local date there', () => {
    const [plain, endOfYear, nextEndOfYear, instant, accountZone] = inZone('Pacific/Kiritimati', [
      `f.formatPlainDate('2026-03-12')`,
      `f.formatPlainDate('2025-12-31')`,
      `f.formatPlainDate('2026-12-31')`,
      // 10:00 UTC on 12 March is midnight starting 13 March at UTC+14.
      `f.formatInstant('2026-03-12T10:00:00Z')`,
      // An account in Chicago reads the same instant in Chicago, whatever the browser's zone.
      `(f.setReaderTimeZone('America/Chicago'), f.formatInstantFull('2026-03-12T10:00:00Z'))`,
    ]);
    expect(plain).toMatch(/^(Mar 12, 2026|12 Mar 2026)$/);
    expect(endOfYear).toMatch(/^(Dec 31, 2025|31 Dec 2025)$/);
    expect(nextEndOfYear).toMatch(/^(Dec 31, 2026|31 Dec 2026)$/);
    expect(instant).toMatch(/Mar 13|13 Mar/);
    expect(instant).toContain('+14');
    expect(accountZone).toBe('2026-03-12T05:00:00-05:00 America/Chicago');
  });

  it('shows the plain date 2026-12-31 as 31 December in Los Angeles too, where an instant that day can still be the 30th', () => {
    const [plain, long, instant] = inZone('America/Los_Angeles', [
      `f.formatPlainDate('2026-12-31')`,
      `f.formatPlainDate('2026-12-31', 'long')`,
      `f.formatInstant('2026-12-31T05:00:00Z')`,
    ]);
    expect(plain).toMatch(/^(Dec 31, 2026|31 Dec 2026)$/);
    expect(long).toMatch(/^Thursday, /);
    expect(instant).toMatch(/Dec 30|30 Dec/);
  });
});
