import { describe, expect, it } from 'vitest';
import {
  formatCountry,
  formatHour,
  formatInstant,
  formatList,
  formatMonth,
  formatNumber,
  formatPlainDate,
  formatSigned,
  formatTimeZone,
  formatWeekday,
} from './format.js';

// The unit run has no browser language, so the formatters speak English ("en", or the host's en-* in newer Node).
// Day-month order differs between en-US and en-GB, so dates are matched in either order.
// Text in other time zones than this process's own: format.node.test.ts.

describe('formatPlainDate', () => {
  it('shows the calendar date itself, not the day before or after', () => {
    expect(formatPlainDate('2026-03-12')).toMatch(/^(Mar 12, 2026|12 Mar 2026)$/);
    expect(formatPlainDate('2026-01-01')).toMatch(/^(Jan 1, 2026|1 Jan 2026)$/);
    expect(formatPlainDate('2025-12-31')).toMatch(/^(Dec 31, 2025|31 Dec 2025)$/);
  });

  it('shows a leap day', () => {
    expect(formatPlainDate('2028-02-29')).toMatch(/^(Feb 29, 2028|29 Feb 2028)$/);
  });

  it('names the weekday of the date in the weekday and long styles', () => {
    // 12 March 2026 is a Thursday; 15 March 2026 a Sunday.
    expect(formatPlainDate('2026-03-12', 'weekday')).toMatch(/^Thu,/);
    expect(formatPlainDate('2026-03-15', 'weekday')).toMatch(/^Sun,/);
    const long = formatPlainDate('2026-03-12', 'long');
    expect(long).toMatch(/^Thursday,/);
    expect(long).toContain('March');
    expect(long).toContain('12');
  });

  it.each(['', '2026-3-12', '12/03/2026', ' 2026-03-12', '2026-03-12T10:00:00Z', 'not a date'])(
    'returns %j as is: it is not written YYYY-MM-DD',
    (value) => {
      expect(formatPlainDate(value)).toBe(value);
    },
  );

  it.each(['2026-02-30', '2027-02-29', '2026-13-01', '2026-00-10', '2026-04-31'])(
    'returns %j as is rather than rolling it over to another real day',
    (value) => {
      expect(formatPlainDate(value)).toBe(value);
      expect(formatPlainDate(value, 'long')).toBe(value);
    },
  );
});

describe('formatMonth', () => {
  it('takes months 1 to 12, January to December', () => {
    expect(formatMonth(2026, 1)).toBe('January 2026');
    expect(formatMonth(2026, 10)).toBe('October 2026');
    expect(formatMonth(2026, 12)).toBe('December 2026');
  });
});

describe('formatWeekday', () => {
  it('takes ISO weekdays, 1 = Monday to 7 = Sunday', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((d) => formatWeekday(d, 'short'))).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(formatWeekday(1, 'long')).toBe('Monday');
    expect(formatWeekday(7, 'long')).toBe('Sunday');
  });
});

describe('formatHour', () => {
  it('shows the hour itself, whatever the time zone of the machine', () => {
    expect(formatHour(18)).toMatch(/^(6:00\sPM|18:00)$/u);
    expect(formatHour(9)).toMatch(/^(9:00\sAM|0?9:00)$/u);
    expect(formatHour(12)).toMatch(/^(12:00\sPM|12:00)$/u);
  });

  it('shows hour 0 as the start of the day, never as "24:00"', () => {
    expect(formatHour(0)).toMatch(/^(12:00\sAM|00:00)$/u);
  });
});

describe('formatInstant', () => {
  it('returns what is not an instant as is', () => {
    expect(formatInstant('')).toBe('');
    expect(formatInstant('yesterday')).toBe('yesterday');
  });

  it('shows the same instant the same, however it is written', () => {
    const utc = formatInstant('2026-03-12T01:30:00Z');
    expect(formatInstant('2026-03-12T09:30:00+08:00')).toBe(utc);
    expect(formatInstant('2026-03-12T01:30:00.000Z')).toBe(utc);
  });

  it('takes 24:00 as the end of the day: midnight of the next day', () => {
    expect(formatInstant('2026-03-12T24:00:00Z')).toBe(formatInstant('2026-03-13T00:00:00Z'));
    expect(formatInstant('2026-03-12T24:00:00Z')).not.toBe(formatInstant('2026-03-12T00:00:00Z'));
  });

  it('tells instants a minute apart from each other, with the year', () => {
    const a = formatInstant('2026-11-26T09:30:00Z');
    expect(a).not.toBe(formatInstant('2026-11-26T09:31:00Z'));
    expect(a).toContain('2026');
  });
});

describe('formatTimeZone', () => {
  it('shows the zone with its offset', () => {
    expect(formatTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai (GMT+8)');
    expect(formatTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata (GMT+5:30)');
    expect(formatTimeZone('UTC')).toMatch(/^UTC \(GMT(\+0)?\)$/);
  });

  it('writes underscores in zone names as spaces, and the offset in force today (summer or winter)', () => {
    expect(formatTimeZone('America/Los_Angeles')).toMatch(/^America\/Los Angeles \(GMT-[78]\)$/);
  });

  it('returns an unknown zone as is', () => {
    expect(formatTimeZone('Not/AZone')).toBe('Not/AZone');
    expect(formatTimeZone('')).toBe('');
  });
});

describe('numbers', () => {
  it('groups thousands', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0)).toBe('0');
  });

  it('signs every number but zero', () => {
    expect(formatSigned(6)).toBe('+6');
    expect(formatSigned(-2)).toMatch(/^[-−]2$/);
    expect(formatSigned(0)).toBe('0');
    expect(formatSigned(-0)).toBe('0');
  });
});

describe('formatCountry', () => {
  it('names a country by its code, in either case', () => {
    expect(formatCountry('CN')).toBe('China');
    expect(formatCountry('cn')).toBe('China');
    expect(formatCountry('DE')).toBe('Germany');
  });

  it('returns a code it cannot name as is', () => {
    expect(formatCountry('XX')).toBe('XX');
    expect(formatCountry('')).toBe('');
    expect(formatCountry('not a code')).toBe('not a code');
  });
});

describe('formatList', () => {
  it('joins any number of items', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['2 late'])).toBe('2 late');
    expect(formatList(['2 late', '3 at risk', '3 on track'])).toBe('2 late, 3 at risk, 3 on track');
  });
});
