import { describe, expect, it } from 'vitest';
import { englishI18n } from '../i18n/test-render.js';
import type { ThresholdKind } from './escalations-api.js';

// The triggers table's "fires at" column: a day is singular, and 0 reads as what it means.
describe('what a trigger fires at, in words', () => {
  const t = englishI18n().t;
  const text = (kind: ThresholdKind, n: number) => t(`triggers.unitValue.${kind}`, { n: String(n), count: n });
  it('says 0, 1 and more business days as a person would', () => {
    expect(text('late_sample_arrival', 0)).toBe('as soon as the expected arrival date passes');
    expect(text('late_sample_arrival', 1)).toBe('1 business day after the expected arrival');
    expect(text('late_sample_arrival', 3)).toBe('3 business days after the expected arrival');
    expect(text('overdue_action', 0)).toBe('as soon as it is overdue');
    expect(text('overdue_decision', 1)).toBe('1 business day overdue');
    expect(text('overdue_action', 3)).toBe('3 business days overdue');
    expect(text('forecast_slip', 1)).toBe('1 business day of slip within a week');
    expect(text('forecast_slip', 5)).toBe('5 business days of slip within a week');
  });
  it('keeps the kinds whose number is no count of days as they are', () => {
    expect(text('tolerance_miss', 1.33)).toBe('a value out of limits, or Cpk below 1.33');
    expect(text('defect_threshold', 10)).toBe('an AQL reject, or a defect rate above 10 %');
    expect(text('risk_score', 20)).toBe('a risk score of 20 or more');
  });
});
