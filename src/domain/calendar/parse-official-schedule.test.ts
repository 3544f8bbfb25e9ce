import { describe, expect, it } from 'vitest';
import { parseOfficialSchedule } from './parse-official-schedule.js';

const paths = (text: string) => {
  const r = parseOfficialSchedule(text);
  return r.ok ? [] : (r.error.fields ?? []).map((f) => f.path);
};

describe('parseOfficialSchedule', () => {
  it('reads a valid file', () => {
    const text = JSON.stringify({
      country: 'CN',
      year: 2027,
      holidays: [{ date: '2027-02-06', label: ' Spring Festival ' }],
      makeupWorkdays: [{ date: '2027-02-20', label: 'Spring Festival' }],
    });
    expect(parseOfficialSchedule(text)).toEqual({
      ok: true,
      value: {
        country: 'CN',
        year: 2027,
        holidays: [{ date: '2027-02-06', label: 'Spring Festival' }],
        makeupWorkdays: [{ date: '2027-02-20', label: 'Spring Festival' }],
      },
    });
  });

  it('makeupWorkdays may be left out', () => {
    const r = parseOfficialSchedule('{"country":"VN","year":2027,"holidays":[]}');
    expect(r.ok && r.value.makeupWorkdays).toEqual([]);
  });

  it('names the line and column of a syntax error', () => {
    const r = parseOfficialSchedule('{\n  "country": "CN",\n  "year": 2027,,\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION_FAILED');
      expect(r.error.fields?.[0]?.message).toMatch(/^line 3, column \d+/);
    }
  });

  it('names every wrong field with its path and why', () => {
    const r = parseOfficialSchedule(
      JSON.stringify({
        country: 'cn',
        year: 2027.5,
        holidays: [{ date: '2027-02-30', label: 'x' }, { date: '2027-02-06' }, 'nope'],
        makeupWorkdays: [{ date: '2027-02-08', label: 'Mon' }],
        makeupWorkday: [],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fields).toEqual([
      { path: 'makeupWorkday', message: expect.stringMatching(/unknown field/) },
      { path: 'country', message: expect.stringMatching(/two-letter/) },
      { path: 'year', message: expect.stringMatching(/whole year/) },
      { path: 'holidays[0].date', message: expect.stringMatching(/real date.*2027-02-30/) },
      { path: 'holidays[1].label', message: expect.stringMatching(/1 to 100/) },
      { path: 'holidays[2]', message: expect.stringMatching(/object/) },
      { path: 'makeupWorkdays[0].date', message: expect.stringMatching(/weekday/) },
    ]);
  });

  it('refuses dates outside the year, duplicates, unknown countries and missing lists', () => {
    expect(
      paths(
        '{"country":"CN","year":2027,"holidays":[{"date":"2026-12-31","label":"x"},{"date":"2027-01-01","label":"x"}],"makeupWorkdays":[{"date":"2027-01-01","label":"x"}]}',
      ),
    ).toEqual(['holidays[0].date', 'makeupWorkdays[0].date']);
    expect(paths('{"country":"ZZ","year":2027,"holidays":[]}')).toEqual(['country']);
    expect(paths('{"country":"CN","year":2027}')).toEqual(['holidays']);
    expect(paths('[1]')).toEqual(['']);
  });
});
