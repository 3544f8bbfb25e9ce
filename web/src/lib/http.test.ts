import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, callOperation, NETWORK_ERROR, request, setCsrfToken, setUnauthenticatedHandler, UNEXPECTED_RESPONSE } from './http.js';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const problem = (status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  json(status, { type: 'about:blank', title: code, status, code, detail: 'English, for developers', ...extra }, headers);

/** The request the client made: URL and init. */
const made = (fetch: ReturnType<typeof vi.fn>, i = 0) => fetch.mock.calls[i] as [string, RequestInit];

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
});

describe('request', () => {
  it('sends the session’s CSRF token on writes only', async () => {
    const fetch = vi.fn(async () => json(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('csrf-1');
    await request('GET', '/api/v1/me');
    await request('POST', '/api/v1/things', { a: 1 });
    await request('DELETE', '/api/v1/things/1');
    const [, get] = made(fetch, 0);
    const [, post] = made(fetch, 1);
    const [, del] = made(fetch, 2);
    expect(get.headers).toEqual({ accept: 'application/json' });
    expect(post.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': 'csrf-1' });
    expect(post.body).toBe('{"a":1}');
    expect(del.headers).toMatchObject({ 'x-csrf-token': 'csrf-1' });
  });

  it('throws a refusal as an ApiError with its code, each field once without "body.", and Retry-After', async () => {
    const errors = [
      { path: 'body.reason', message: 'x' },
      { path: '/body/ownerId', message: 'y' },
      { path: 'reason', message: 'z' },
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(429, 'RATE_LIMITED', { errors }, { 'retry-after': '30' })),
    );
    const error = await request('POST', '/api/v1/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect([e.status, e.code, e.retryAfter]).toEqual([429, 'RATE_LIMITED', 30]);
    expect(e.fieldPaths()).toEqual(['reason', 'ownerId']);
  });

  it('tells the app at once when nobody is signed in', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(401, 'UNAUTHENTICATED')),
    );
    await expect(request('GET', '/api/v1/programs')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(handler).toHaveBeenCalledTimes(1);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(403, 'FORBIDDEN')),
    );
    await expect(request('GET', '/api/v1/programs')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('names what went wrong when no problem document came back', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })),
    );
    await expect(request('GET', '/api/v1/programs')).rejects.toMatchObject({ code: UNEXPECTED_RESPONSE, status: 502 });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(request('GET', '/api/v1/programs')).rejects.toMatchObject({ code: NETWORK_ERROR, status: 0 });
  });

  it('lets an abort through as the abort it is, not as a network error', async () => {
    const controller = new AbortController();
    controller.abort();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new DOMException('Aborted', 'AbortError'))),
    );
    const error = await request('GET', '/api/v1/programs', undefined, controller.signal).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as DOMException).name).toBe('AbortError');
  });
});

describe('callOperation', () => {
  it('puts path parameters into the operation’s path, encoded, and its query after it', async () => {
    const fetch = vi.fn(async () => json(200, { items: [], nextCursor: null }));
    vi.stubGlobal('fetch', fetch);
    await callOperation('listChanges', { params: { programId: 'KHG/KW 500' }, query: { limit: 100, cursor: 'a+b' } });
    const [url, init] = made(fetch);
    expect(init.method).toBe('GET');
    expect(url).toMatch(/^\/api\/v1\/programs\/KHG%2FKW%20500\/changes\?/);
    expect(new URLSearchParams(url.split('?')[1]).get('cursor')).toBe('a+b');
    expect(new URLSearchParams(url.split('?')[1]).get('limit')).toBe('100');
  });
});

describe('a busy server', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is asked again after the Retry-After it gave (503 BUSY: nothing was done), and the answer that follows is returned', async () => {
    vi.useFakeTimers();
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(problem(503, 'BUSY', {}, { 'retry-after': '2' }))
      .mockResolvedValueOnce(json(200, { items: [] }));
    vi.stubGlobal('fetch', fetch);
    const answer = request('POST', '/api/v1/things', { a: 1 });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toEqual({ items: [] });
    expect(fetch).toHaveBeenCalledTimes(2);
    // The write is sent again as it was.
    expect(made(fetch, 1)[1].body).toBe('{"a":1}');
  });

  it('stops after two more tries and shows the refusal; a wait over 10 s, or another 503, is not waited for', async () => {
    vi.useFakeTimers();
    const busy = vi.fn(async () => problem(503, 'BUSY', {}, { 'retry-after': '1' }));
    vi.stubGlobal('fetch', busy);
    const answer = request('GET', '/api/v1/programs').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await answer).toMatchObject({ code: 'BUSY', retryAfter: 1 });
    expect(busy).toHaveBeenCalledTimes(3);

    const long = vi.fn(async () => problem(503, 'BUSY', {}, { 'retry-after': '60' }));
    vi.stubGlobal('fetch', long);
    await expect(request('GET', '/api/v1/programs')).rejects.toMatchObject({ code: 'BUSY', retryAfter: 60 });
    expect(long).toHaveBeenCalledTimes(1);

    const notReady = vi.fn(async () => problem(503, 'NOT_READY', {}, { 'retry-after': '1' }));
    vi.stubGlobal('fetch', notReady);
    await expect(request('GET', '/api/v1/programs')).rejects.toMatchObject({ code: 'NOT_READY' });
    expect(notReady).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when the page no longer needs the answer', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(async () => problem(503, 'BUSY', {}, { 'retry-after': '2' }));
    vi.stubGlobal('fetch', fetch);
    const ac = new AbortController();
    const answer = request('GET', '/api/v1/programs', undefined, ac.signal).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    ac.abort(new DOMException('left the page', 'AbortError'));
    expect(await answer).toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
