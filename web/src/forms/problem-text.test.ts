import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/contract/common.js';
import { charterGaps } from '../../../src/domain/charter.js';
import { errorCodes } from '../../../src/domain/errors.js';
import en from '../i18n/en.json';
import { callHook, englishI18n } from '../i18n/test-render.js';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from '../lib/api.js';
import { problemFieldText, problemPartText, problemText, useProblemText } from './problem-text.js';

const { t } = englishI18n();

const problem = (over: Partial<Problem>): Problem => ({
  type: 'about:blank',
  title: 'Conflict',
  status: 409,
  detail: 'The English detail the server wrote for developers.',
  code: 'VERSION_CONFLICT',
  ...over,
});

const network = 'Tollgate could not reach the server. Check your connection and try again.';

describe('problemText', () => {
  it('words a refusal from the catalogue by its code, never with the server’s detail', () => {
    expect(problemText(t, new ApiError(problem({})))).toBe(
      'Someone else changed this while you were working on it. Reload to see their change.',
    );
    const lastAdmin = new ApiError(problem({ code: 'LAST_ADMIN', detail: 'You are the last admin (English).' }));
    expect(problemText(t, lastAdmin)).toBe('The workspace must keep at least one admin.');
    const forbidden = new ApiError(problem({ code: 'FORBIDDEN', status: 403, detail: 'You lack the permission people.manage.' }));
    expect(problemText(t, forbidden)).not.toContain('people.manage');
  });

  it('has words for every code of the error catalogue', () => {
    const catalogue = en.problems as Record<string, unknown>;
    expect(errorCodes.filter((code) => typeof catalogue[code] !== 'string')).toEqual([]);
  });

  it('falls back to a general sentence naming an unknown code', () => {
    const error = new ApiError(problem({ code: 'SOMETHING_NEW', status: 418, detail: 'Only in English.' }));
    expect(problemText(t, error)).toBe(
      'The server refused this (SOMETHING_NEW, status 418). Nothing was changed; try again, or ask your cadence owner.',
    );
  });

  it('names the status of an answer that was not a problem document', () => {
    const error = new ApiError(problem({ title: 'Bad Gateway', detail: '', status: 502, code: UNEXPECTED_RESPONSE }));
    expect(problemText(t, error)).toBe('The server answered with an error (502). Try again in a moment.');
  });

  it('says the server could not be reached when the request never got an answer, or anything else was thrown', () => {
    expect(problemText(t, new ApiError(problem({ title: 'Network error', detail: '', status: 0, code: NETWORK_ERROR })))).toBe(network);
    expect(problemText(t, new TypeError('Failed to fetch'))).toBe(network);
    expect(problemText(t, undefined)).toBe(network);
  });

  it('is bound to the current language by its hook', () => {
    expect(callHook(useProblemText)(new ApiError(problem({ code: 'LAST_ADMIN' })))).toBe('The workspace must keep at least one admin.');
  });
});

describe('problemFieldText', () => {
  it('says a missing value in the form’s own words', () => {
    expect(problemFieldText(t, 'OWNER_REQUIRED', 'Name the decision owner.')).toBe('Name the decision owner.');
    expect(problemFieldText(t, 'REASON_REQUIRED', 'Say why the date moves.')).toBe('Say why the date moves.');
    expect(problemFieldText(t, 'REASON_REQUIRED')).toBe('Fill in this field.');
  });

  it('words other codes at a field from the catalogue, generic words when it has none', () => {
    expect(problemFieldText(t, 'CURRENT_PASSWORD_WRONG')).toBe('Not your current password.');
    expect(problemFieldText(t, 'DEPENDENCY_CYCLE')).toBe('This milestone already waits for the one you are linking: choose another.');
    expect(problemFieldText(t, 'SOMETHING_NEW')).toBe('Check this value.');
  });
});

describe('problemPartText', () => {
  it('words every part a kickoff charter can lack, as the domain names them, from the catalogue', () => {
    const gaps = charterGaps(null, ['G1', 'G2', 'G3', 'G4']);
    const words = gaps.map((g) => problemPartText(t, 'CHARTER_INCOMPLETE', g.path));
    expect(words.filter((w) => w.startsWith('The server did not accept'))).toEqual([]);
    expect(new Set(words).size).toBe(gaps.length);
    expect(words[0]).toBe('Name the one decision owner.');
    expect(problemPartText(t, 'CHARTER_INCOMPLETE', 'successDefinitions.G3')).toBe('Say what success at G3 means.');
    expect(problemPartText(t, 'CHARTER_INCOMPLETE', 'weeklyReport.recipients')).toBe('Name who receives the weekly report.');
  });

  it('names the path of a part the catalogue has no words for', () => {
    expect(problemPartText(t, 'VALIDATION_FAILED', 'roles.2.scope')).toBe('The server did not accept the value of “roles.2.scope”.');
    expect(problemPartText(t, 'CHARTER_INCOMPLETE', 'somethingNew')).toBe('The server did not accept the value of “somethingNew”.');
  });
});
