// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInDom } from '../forms/test-dom.js';
import { ApiError, NETWORK_ERROR } from '../lib/http.js';
import { LoadError } from './load-error.js';

const problem = (status: number, code: string) => new ApiError({ type: 'about:blank', title: code, status, detail: 'x', code });
const buttons = (c: HTMLElement) => [...c.querySelectorAll('button')].map((b) => b.textContent);

describe('LoadError', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('offers no "Try again" for something the person may not do, and says it is not available to them', () => {
    const view = renderInDom(<LoadError title="The people could not be loaded" error={problem(403, 'FORBIDDEN')} onRetry={vi.fn()} />);
    expect(buttons(view.container)).toEqual([]);
    expect(view.container.querySelector('.notice__title')?.textContent).toBe('Not available to you');
  });

  it('offers no "Try again" for other refusals either', () => {
    for (const [status, code] of [
      [404, 'NOT_FOUND'],
      [422, 'VALIDATION_FAILED'],
    ] as const) {
      const view = renderInDom(<LoadError title="Failed" error={problem(status, code)} onRetry={vi.fn()} />);
      expect(buttons(view.container), code).toEqual([]);
      expect(view.container.querySelector('.notice__title')?.textContent).toBe('Failed');
    }
  });

  it('offers "Try again" when asking again may help: the network, the server, a rate limit', () => {
    for (const error of [problem(0, NETWORK_ERROR), problem(500, 'INTERNAL'), problem(429, 'RATE_LIMITED'), new Error('boom')]) {
      const view = renderInDom(<LoadError title="Failed" error={error} onRetry={vi.fn()} />);
      expect(buttons(view.container)).toContain('Try again');
    }
  });
});
