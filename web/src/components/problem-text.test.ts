import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/contract/common.js';
import { callHook } from '../i18n/test-render.js';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from '../lib/api.js';
import { useProblemText } from './problem-text.js';

const problemText = callHook(useProblemText);

const problem = (over: Partial<Problem>): Problem => ({
  type: 'about:blank',
  title: 'Conflict',
  status: 409,
  detail: 'Someone changed this milestone since you opened it. Reload to see their change.',
  code: 'VERSION_CONFLICT',
  ...over,
});

const network = 'Tollgate could not reach the server. Check your connection and try again.';

describe('useProblemText', () => {
  it('shows the server’s own detail when it sent one', () => {
    expect(problemText(new ApiError(problem({})))).toBe('Someone changed this milestone since you opened it. Reload to see their change.');
  });

  it('falls back to the problem’s title when the detail is empty', () => {
    expect(problemText(new ApiError(problem({ detail: '', title: 'Too many requests', status: 429, code: 'RATE_LIMITED' })))).toBe(
      'Too many requests',
    );
  });

  it('names the status when neither detail nor title says anything', () => {
    expect(problemText(new ApiError(problem({ detail: '', title: '', status: 500, code: 'INTERNAL' })))).toBe(
      'The server answered with an error (500). Try again in a moment.',
    );
  });

  it('does not show the bare HTTP status text of an answer that was not a problem document', () => {
    const error = new ApiError(problem({ title: 'Bad Gateway', detail: '', status: 502, code: UNEXPECTED_RESPONSE }));
    expect(problemText(error)).toBe('The server answered with an error (502). Try again in a moment.');
  });

  it('says the server could not be reached when the request never got an answer', () => {
    const error = new ApiError(problem({ title: 'Network error', detail: '', status: 0, code: NETWORK_ERROR }));
    expect(problemText(error)).toBe(network);
  });

  it('takes anything thrown that is not an API error for a failed connection', () => {
    expect(problemText(new TypeError('Failed to fetch'))).toBe(network);
    expect(problemText(undefined)).toBe(network);
  });
});
