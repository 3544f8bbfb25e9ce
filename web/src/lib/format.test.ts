import { afterEach, describe, expect, it } from 'vitest';
import {
  browserTimeZone,
  dateInZoneOf,
  formatCountry,
  formatHour,
  formatInstant,
  formatInstantFull,
  formatInstantParts,
  formatList,
  formatMonth,
  formatNumber,
  formatPlainDate,
  formatSigned,
  formatTimeOfDay,
  formatTimeZone,
  formatWeekday,
  readerTimeZone,
  setReaderTimeZone,
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

  it('splits into the day and the time with its zone, the same instant as in one piece', () => {
    const [day, time] = formatInstantParts('2026-11-26T09:30:00Z', 'Asia/Shanghai');
    expect(day).toContain('2026');
    expect(day).toContain('26');
    expect(time).toMatch(/05:30\sPM|17:30/u);
    expect(time).toContain('GMT+8');
    expect(formatInstant('2026-11-26T09:30:00Z', 'Asia/Shanghai')).toContain(time);
    // The next day in Shanghai, still the 26th in UTC.
    expect(formatInstantParts('2026-11-26T16:30:00Z', 'Asia/Shanghai')[0]).toContain('27');
    expect(formatInstantParts('yesterday')).toEqual(['yesterday', '']);
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

describe('instants in a given zone', () => {
  // 2026-03-12T01:30Z is 09:30 in Shanghai (UTC+8, no daylight saving).
  it('shows Shanghai time with its offset, and the full instant for a tooltip', () => {
    expect(formatInstant('2026-03-12T01:30:00Z', 'Asia/Shanghai')).toMatch(/12 Mar 2026|Mar 12, 2026/);
    expect(formatInstant('2026-03-12T01:30:00Z', 'Asia/Shanghai')).toMatch(/09:30\s(AM\s)?GMT\+8$/u);
    expect(formatInstantFull('2026-03-12T01:30:00Z', 'Asia/Shanghai')).toBe('2026-03-12T09:30:00+08:00 Asia/Shanghai');
  });

  it('follows Chicago across the spring DST change: 01:59 CST, then 03:00 CDT', () => {
    // 8 March 2026, 02:00 CST (08:00Z) becomes 03:00 CDT.
    expect(formatInstantFull('2026-03-08T07:59:00Z', 'America/Chicago')).toBe('2026-03-08T01:59:00-06:00 America/Chicago');
    expect(formatInstantFull('2026-03-08T08:00:00Z', 'America/Chicago')).toBe('2026-03-08T03:00:00-05:00 America/Chicago');
    expect(formatInstant('2026-03-08T07:59:00Z', 'America/Chicago')).toMatch(/01:59\s(AM\s)?CST$/u);
    expect(formatInstant('2026-03-08T08:00:00Z', 'America/Chicago')).toMatch(/03:00\s(AM\s)?CDT$/u);
  });

  it('tells the twice-lived hour of Chicago’s autumn change apart by its zone name', () => {
    // 1 November 2026: 01:30 CDT (06:30Z), an hour later 01:30 CST (07:30Z).
    const first = formatInstant('2026-11-01T06:30:00Z', 'America/Chicago');
    const second = formatInstant('2026-11-01T07:30:00Z', 'America/Chicago');
    expect(first).toMatch(/01:30\s(AM\s)?CDT$/u);
    expect(second).toMatch(/01:30\s(AM\s)?CST$/u);
    expect(formatInstantFull('2026-11-01T07:30:00Z', 'America/Chicago')).toBe('2026-11-01T01:30:00-06:00 America/Chicago');
  });

  it('shows Chatham’s quarter-hour offsets, summer and winter, and the day it is there', () => {
    // Chatham is UTC+13:45 in the southern summer, +12:45 in winter: 11:00Z on 31 Dec is already 1 January there.
    expect(formatInstantFull('2026-12-31T11:00:00Z', 'Pacific/Chatham')).toBe('2027-01-01T00:45:00+13:45 Pacific/Chatham');
    expect(formatInstantFull('2026-07-01T11:00:00Z', 'Pacific/Chatham')).toBe('2026-07-01T23:45:00+12:45 Pacific/Chatham');
    expect(formatInstant('2026-12-31T11:00:00Z', 'Pacific/Chatham')).toMatch(/1 Jan 2027|Jan 1, 2027/);
    expect(formatInstant('2026-12-31T11:00:00Z', 'Pacific/Chatham')).toContain('+13:45');
    expect(dateInZoneOf(Date.parse('2026-12-31T11:00:00Z'), 'Pacific/Chatham')).toBe('2027-01-01');
  });

  it('writes UTC itself with a +00:00 offset, and returns what is not an instant as is', () => {
    expect(formatInstantFull('2026-03-12T01:30:00Z', 'UTC')).toBe('2026-03-12T01:30:00+00:00 UTC');
    expect(formatInstantFull('soon', 'UTC')).toBe('soon');
  });

  it('gives the time of day in a zone', () => {
    expect(formatTimeOfDay(Date.parse('2026-03-12T01:30:00Z'), 'Asia/Shanghai')).toMatch(/^0?9:30(\sAM)?$/u);
  });
});

describe('the reader’s time zone', () => {
  afterEach(() => {
    setReaderTimeZone(null);
  });

  it('is the account’s zone when it has one, whatever the browser’s', () => {
    expect(setReaderTimeZone('America/Chicago')).toBe('America/Chicago');
    expect(readerTimeZone()).toBe('America/Chicago');
    expect(formatInstant('2026-03-12T01:30:00Z')).toBe(formatInstant('2026-03-12T01:30:00Z', 'America/Chicago'));
    expect(formatInstantFull('2026-03-12T01:30:00Z')).toBe('2026-03-11T20:30:00-05:00 America/Chicago');
  });

  it('is the browser’s when the account names none, or one this browser does not know', () => {
    for (const none of [null, undefined, '', 'Not/AZone']) {
      setReaderTimeZone('Asia/Shanghai');
      expect(setReaderTimeZone(none)).toBe(browserTimeZone);
      expect(readerTimeZone()).toBe(browserTimeZone);
    }
  });

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Chatham'])(
    'leaves a plain date on its own day for a reader in %s: 2026-12-31 stays 31 December 2026',
    (zone) => {
      setReaderTimeZone(zone);
      expect(readerTimeZone()).toBe(zone);
      expect(formatPlainDate('2026-12-31')).toMatch(/^(Dec 31, 2026|31 Dec 2026)$/);
      expect(formatPlainDate('2026-12-31', 'long')).toMatch(/^Thursday, /);
      expect(formatPlainDate('2027-01-01')).toMatch(/^(Jan 1, 2027|1 Jan 2027)$/);
    },
  );
});
