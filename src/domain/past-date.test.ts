import { describe, expect, it } from 'vitest';
import { mondayToFriday } from './business-days.js';
import { nonWorkingDayWarnings, pastDateWarnings } from './past-date.js';
import { plainDate } from './plain-date.js';

describe('date warnings', () => {
  it('says when a new date is already past, and not for today or later', () => {
    const today = plainDate('2026-03-11');
    expect(
      pastDateWarnings(today, { dueDate: plainDate('2026-03-10'), other: plainDate('2026-03-11'), none: null }).map((w) => [
        w.path,
        w.code,
      ]),
    ).toEqual([['dueDate', 'DATE_IN_PAST']]);
  });

  it('says when a forecast falls on a day off, offering the next working day', () => {
    // Saturday 14 March 2026 → Monday 16; Friday 13 works.
    expect(nonWorkingDayWarnings(mondayToFriday, { forecastDate: plainDate('2026-03-14') })).toEqual([
      {
        path: 'forecastDate',
        code: 'NOT_A_WORKING_DAY',
        suggestion: '2026-03-16',
        message: "2026-03-14 is not a working day on the program's calendar; the next working day is 2026-03-16.",
      },
    ]);
    expect(nonWorkingDayWarnings(mondayToFriday, { forecastDate: plainDate('2026-03-13'), none: undefined })).toEqual([]);
  });
});
