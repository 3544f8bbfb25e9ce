import { describe, expect, it } from 'vitest';
import { callHook } from '../i18n/test-render.js';
import { usePastDueNote } from './past-due-note.js';

const pastDueNote = callHook(usePastDueNote);
const note = 'Note: its due date is already past at the factory, so it shows as overdue.';

describe('usePastDueNote', () => {
  it('adds the note when the server warned that the due date is already past', () => {
    expect(pastDueNote('Action A-4 saved.', { warnings: [{ code: 'DATE_IN_PAST' }] })).toBe(`Action A-4 saved. ${note}`);
  });

  it('finds the warning among others', () => {
    expect(pastDueNote('Saved.', { warnings: [{ code: 'SOMETHING_ELSE' }, { code: 'DATE_IN_PAST' }] })).toBe(`Saved. ${note}`);
  });

  it('leaves the message alone without that warning: none sent, an empty list, or other warnings only', () => {
    expect(pastDueNote('Saved.', {})).toBe('Saved.');
    expect(pastDueNote('Saved.', { warnings: undefined })).toBe('Saved.');
    expect(pastDueNote('Saved.', { warnings: [] })).toBe('Saved.');
    expect(pastDueNote('Saved.', { warnings: [{ code: 'SOMETHING_ELSE' }] })).toBe('Saved.');
  });
});
