import { describe, expect, it } from 'vitest';
import { plainDate } from '../../../src/domain/plain-date.js';
import type { CalendarDay, DayReason } from './calendar-api.js';
import { dayState, isNotable, isProvisionalMark } from './day-state.js';

const day = (working: boolean, reasons: DayReason[], provisional = false): CalendarDay => ({
  date: plainDate('2026-10-01'),
  working,
  reasons,
  provisional,
});
const weekend: DayReason = { kind: 'weekend', label: 'Saturday' };
const holiday: DayReason = { kind: 'holiday', country: 'CN', label: 'National Day' };
const makeup: DayReason = { kind: 'makeup_workday', country: 'CN', label: 'Makeup day' };
const shutdown: DayReason = { kind: 'shutdown', label: 'Lunar New Year shutdown' };
const exception: DayReason = { kind: 'exception', label: 'Stock-take' };

describe('dayState', () => {
  it('lets the strongest reason decide: exception, shutdown, makeup day, holiday, weekend', () => {
    expect(dayState(day(false, [weekend, holiday, shutdown, exception]))).toBe('closed');
    expect(dayState(day(true, [weekend, exception]))).toBe('opened');
    expect(dayState(day(false, [holiday, shutdown]))).toBe('shutdown');
    expect(dayState(day(true, [weekend, makeup]))).toBe('makeup');
    expect(dayState(day(false, [weekend, holiday]))).toBe('holiday');
    expect(dayState(day(false, [weekend]))).toBe('weekend');
    expect(dayState(day(true, []))).toBe('working');
  });

  it('calls a day off without any known reason simply off', () => {
    expect(dayState(day(false, []))).toBe('off');
  });
});

describe('isNotable', () => {
  it('lists weekdays off and weekend days worked, not plain working days or plain weekends', () => {
    expect(isNotable(day(false, [holiday]))).toBe(true);
    expect(isNotable(day(true, [weekend, makeup]))).toBe(true);
    expect(isNotable(day(true, [exception]))).toBe(true);
    expect(isNotable(day(true, []))).toBe(false);
    expect(isNotable(day(false, [weekend]))).toBe(false);
  });
});

describe('isProvisionalMark', () => {
  it('marks a provisional holiday only of a country whose official schedule is still missing', () => {
    expect(isProvisionalMark(day(false, [holiday], true), ['CN'])).toBe(true);
    expect(isProvisionalMark(day(false, [holiday], true), ['DE'])).toBe(false);
    expect(isProvisionalMark(day(false, [holiday], false), ['CN'])).toBe(false);
    expect(isProvisionalMark(day(false, [weekend], true), ['CN'])).toBe(false);
  });
});
