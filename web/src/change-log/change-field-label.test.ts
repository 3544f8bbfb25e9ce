import { describe, expect, it } from 'vitest';
import { callHook } from '../i18n/test-render.js';
import { useChangeWhat } from './change-field-label.js';

describe('useChangeWhat', () => {
  const what = callHook(useChangeWhat);

  it('names the record by its key and the field in the catalogue’s words', () => {
    expect(what('milestone', 'M-12', 'forecastDate')).toBe('M-12 forecast date');
    expect(what('milestone_link', 'M-1→M-2', 'isCritical')).toBe('M-1→M-2 critical flag');
  });

  it('names a change of the program itself as the program’s', () => {
    expect(what('program', null, 'toleranceDays')).toBe('Program tolerance');
  });

  it('shows a field the catalogue does not know by its name, never a missing key', () => {
    expect(what('milestone', 'M-3', 'someFutureField')).toBe('M-3 someFutureField');
    expect(what('user', null, 'someFutureField')).toBe('someFutureField');
  });
});
