import { describe, expect, it } from 'vitest';
import { callHook } from '../i18n/test-render.js';
import { useEntityLabel, useFieldLabel } from './change-field-label.js';

describe('useFieldLabel', () => {
  const label = callHook(useFieldLabel);

  it('names a field in the catalogue’s words for its kind of record', () => {
    expect(label('milestone', 'forecastDate')).toBe('forecast date');
    expect(label('milestone_link', 'predecessorId')).toBe('predecessor');
    expect(label('program', 'toleranceDays')).toBe('default tolerance');
    expect(label('action', 'ownerId')).toBe('owner');
  });

  it('shows a field the catalogue does not know by its name, never a missing key', () => {
    expect(label('milestone', 'someFutureField')).toBe('someFutureField');
    expect(label('no_such_kind', 'name')).toBe('name');
  });

  it('names kinds of record', () => {
    const entity = callHook(useEntityLabel);
    expect(entity('milestone_link')).toBe('dependency');
    expect(entity('something')).toBe('something');
  });
});
