import type { Problem } from '../../../src/contract/common.js';
import { operationPath, operationQuery } from '../../../src/contract/operation.js';
import type { OperationInput, OperationName, OperationOutput } from '../../../src/contract/operations.js';
import { operationRoutes } from './operation-routes.js';

/** Codes the client itself produces when no problem document came back. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const UNEXPECTED_RESPONSE = 'UNEXPECTED_RESPONSE';

/** A refused or failed request, carrying the server's RFC 9457 problem document. */
export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds from the Retry-After header, when the server sent one (429). */
  readonly retryAfter: number | null;
  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
  /** The fields the refusal names (`errors[].path`, without a leading `body.`), each once; never their English messages. */
  fieldPaths(): string[] {
    return [...new Set((this.problem.errors ?? []).map((e) => e.path.replace(/^\/?(body[./])?/, '')))];
  }
}

const isProblem = (v: unknown): v is Problem =>
  typeof v === 'object' && v !== null && typeof (v as Problem).status === 'number' && typeof (v as Problem).code === 'string';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The session's CSRF token, from GET /api/v1/me or the sign-in answer; sent on every write. */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** Called when the server says nobody is signed in (401 UNAUTHENTICATED) on any request. */
let onUnauthenticated: (() => void) | null = null;
export const setUnauthenticatedHandler = (handler: (() => void) | null): void => {
  onUnauthenticated = handler;
};

function headersFor(method: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (hasBody) headers['content-type'] = 'application/json';
  if (unsafeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A server too busy to take a request (503 BUSY, nothing done) is asked again this many times, after the Retry-After it gave. */
export const busyRetries = 2;
/** The longest Retry-After the client waits for by itself (s); a longer one is shown to the person. */
const busyWaitMaxSeconds = 10;

/** Waits `ms`, or rejects at once with the signal's reason when it is aborted. */
const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * One API call: JSON in and out, the CSRF header on writes, refusals thrown as ApiError. A 503 BUSY
 * (the server had more requests than it could take on, and did nothing with this one) is sent again
 * after the Retry-After it gave, up to busyRetries times, so a burst on the server does not reach the
 * person as an error; what it still refuses after that is thrown as usual.
 */
export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await requestOnce<T>(method, path, body, signal);
    } catch (e) {
      const busy = e instanceof ApiError && e.code === 'BUSY' && e.retryAfter !== null && e.retryAfter <= busyWaitMaxSeconds;
      if (!busy || attempt >= busyRetries) throw e;
      await pause((e.retryAfter as number) * 1000, signal);
    }
  }
}

async function requestOnce<T>(method: string, path: string, body: unknown, signal: AbortSignal | undefined): Promise<T> {
  let res: Response;
  const isForm = body instanceof FormData;
  try {
    res = await fetch(path, {
      method,
      // A form (a file upload) sets its own multipart content type.
      headers: headersFor(method, body !== undefined && !isForm),
      body: body === undefined ? null : isForm ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal: signal ?? null,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: '', code: NETWORK_ERROR });
  }
  const data = await readJson(res);
  if (res.ok) return data as T;
  if (!isProblem(data)) {
    throw new ApiError({ type: 'about:blank', title: res.statusText, status: res.status, detail: '', code: UNEXPECTED_RESPONSE });
  }
  if (data.code === 'UNAUTHENTICATED') onUnauthenticated?.();
  const retryAfter = Number(res.headers.get('retry-after'));
  throw new ApiError(data, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

/**
 * One operation of the API's table (src/contract/operations.ts), typed end to end by its entry:
 * path parameters URL-encoded into its path, the query serialized, the body sent as JSON. The method
 * and path come from operation-routes.ts (the table without its schemas, which the server checks).
 */
export function callOperation<K extends OperationName>(
  name: K,
  input: OperationInput<K>,
  signal?: AbortSignal,
): Promise<OperationOutput<K>> {
  const op = operationRoutes[name];
  const given = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  return request(op.method, `/api/v1${operationPath(op, given.params)}${operationQuery(given.query)}`, given.body, signal);
}
