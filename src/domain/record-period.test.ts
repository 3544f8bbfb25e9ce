import { describe, expect, it } from 'vitest';
import type { PlainDate } from './plain-date.js';
import { maxRecordPeriodDays, recordPeriod } from './record-period.js';

const d = (s: string) => s as PlainDate;
const today = d('2026-06-17');

describe('recordPeriod', () => {
  it('is the year up to today when nothing is asked: 366 days, both ends counted', () => {
    expect(recordPeriod(today, undefined, undefined)).toEqual({ ok: true, value: { since: d('2025-06-17'), until: today } });
    expect(maxRecordPeriodDays).toBe(366);
  });

  it('ends today when only since is given, and starts a full period before until when only until is given', () => {
    expect(recordPeriod(today, d('2026-03-01'), undefined)).toEqual({ ok: true, value: { since: d('2026-03-01'), until: today } });
    expect(recordPeriod(today, undefined, d('2024-12-31'))).toEqual({
      ok: true,
      value: { since: d('2024-01-01'), until: d('2024-12-31') },
    });
  });

  it('takes one day, and exactly 366 days, but not 367', () => {
    expect(recordPeriod(today, today, today).ok).toBe(true);
    expect(recordPeriod(today, d('2024-01-01'), d('2024-12-31')).ok).toBe(true);
    const long = recordPeriod(today, d('2023-12-31'), d('2024-12-31'));
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: [{ path: 'since' }] } });
  });

  it('refuses a since too far back for the default until, naming since', () => {
    expect(recordPeriod(today, d('2020-01-01'), undefined)).toMatchObject({ ok: false, error: { fields: [{ path: 'since' }] } });
  });

  it('refuses a period that ends before it starts, naming until when it was given, since when it was not', () => {
    expect(recordPeriod(today, d('2026-03-02'), d('2026-03-01'))).toMatchObject({ ok: false, error: { fields: [{ path: 'until' }] } });
    expect(recordPeriod(today, d('2026-07-01'), undefined)).toMatchObject({ ok: false, error: { fields: [{ path: 'since' }] } });
  });
});
