import { describe, expect, it } from 'vitest';
import { isOutOfRange, toPlainDate } from './plain-date.js';

describe('toPlainDate (the value of a date input)', () => {
  it('takes a real date within the range, its first and last days included', () => {
    expect(toPlainDate('2026-03-12')).toBe('2026-03-12');
    expect(toPlainDate('2000-01-01')).toBe('2000-01-01');
    expect(toPlainDate('2099-12-31')).toBe('2099-12-31');
    expect(toPlainDate('2028-02-29')).toBe('2028-02-29');
  });

  it.each(['', '2026-3-12', '12/03/2026', '2026-03-12T00:00:00Z', '2026-02-30', '2027-02-29', '2026-13-01'])(
    'gives null for %j, which is empty or not a real date',
    (value) => {
      expect(toPlainDate(value)).toBeNull();
    },
  );

  it('gives null for a real date just outside the range', () => {
    expect(toPlainDate('1999-12-31')).toBeNull();
    expect(toPlainDate('2100-01-01')).toBeNull();
  });
});

describe('isOutOfRange', () => {
  it('holds for real dates just outside the range, and far outside it', () => {
    expect(isOutOfRange('1999-12-31')).toBe(true);
    expect(isOutOfRange('2100-01-01')).toBe(true);
    expect(isOutOfRange('1900-01-01')).toBe(true);
    expect(isOutOfRange('9999-12-31')).toBe(true);
  });

  it('does not hold for dates within the range', () => {
    expect(isOutOfRange('2000-01-01')).toBe(false);
    expect(isOutOfRange('2099-12-31')).toBe(false);
  });

  it('does not hold for what is not a date at all: the form asks for a date instead', () => {
    expect(isOutOfRange('')).toBe(false);
    expect(isOutOfRange('2026-02-30')).toBe(false);
    expect(isOutOfRange('not a date')).toBe(false);
  });
});
