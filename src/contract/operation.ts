import type { z } from 'zod';

// One API operation as data: its HTTP method and path, the zod schemas of what goes in and comes
// out, and its OpenAPI words. The HTTP route, the OpenAPI entry, both CLI backends and the web
// client's call are all derived from it (contract/operations.ts holds the table).

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** The statuses a refusal of the operation may carry (each a problem+json document). */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429;

export interface OperationContract {
  readonly method: HttpMethod;
  /** Relative to /api/v1, with `:name` for each path parameter (the keys of `params`). */
  readonly path: string;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly description?: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The success status and the document sent with it. */
  readonly status: 200 | 201;
  readonly response: z.ZodType;
  readonly refusals: readonly RefusalStatus[];
  /**
   * What the answer is a function of, when it is one program's data (`program`: the program at
   * `:programId`) or the portfolio (`portfolio`: every program the reader sees) as the reader sees it:
   * it then carries an ETag (If-None-Match → 304 with no body), and a server may send a kept copy while
   * the data, the workspace's people and roles, and the factories' day are unchanged
   * (http/kept-answers.ts).
   */
  readonly kept?: 'program' | 'portfolio';
  /** Bytes of request body the route reads, where less than the server's 1 MB (413 PAYLOAD_TOO_LARGE beyond). */
  readonly bodyLimit?: number;
}

/** Refusals of a read of a program's records, and of any write. */
export const readRefusals = [401, 404] as const satisfies readonly RefusalStatus[];
export const writeRefusals = [400, 401, 403, 404, 409, 422] as const satisfies readonly RefusalStatus[];

/**
 * Every refusal an operation can answer: its own, and those of the edge that any operation of its
 * shape meets — 400 MALFORMED_REQUEST for a URL or body that cannot be read, 422 VALIDATION_FAILED
 * when it takes parameters, a query or a body, and for any method but GET: 415 for a body sent as
 * something else than JSON, 413 for one over the size limit, 403 CSRF_FAILED for a browser session's
 * request without its token.
 */
export function refusalsOf(op: OperationContract): readonly RefusalStatus[] {
  const all = new Set<RefusalStatus>([...op.refusals, 400]);
  if (op.params !== undefined || op.query !== undefined || op.body !== undefined) all.add(422);
  // A body in a media type the API does not read, or over the size limit, is refused before the
  // operation runs, also where the operation takes none (a DELETE sent with a body).
  if (op.body !== undefined || op.method !== 'GET') all.add(415).add(413);
  // The session's CSRF check (http/auth.ts) runs before any operation that is not a GET, a preview that writes nothing included.
  if (op.method !== 'GET') all.add(403);
  return [...all].sort((a, b) => a - b);
}

/** Checks an area's entries against the shape while keeping each entry's own schema types. */
export const defineOperations = <const T extends Record<string, OperationContract>>(operations: T): T => operations;

/** One slot (params, query, body) of what a caller sends: required unless every field in it is optional. */
type Slot<K extends string, S> = S extends z.ZodType
  ? Record<string, never> extends z.input<S>
    ? { readonly [P in K]?: z.input<S> }
    : { readonly [P in K]: z.input<S> }
  : { readonly [P in K]?: undefined };

type SlotOf<C, K extends 'params' | 'query' | 'body'> = C extends { readonly [P in K]: infer S } ? S : undefined;

/** What a caller sends: path parameters, query and body, each as its schema takes it. */
export type InputOf<C extends OperationContract> = Slot<'params', SlotOf<C, 'params'>> &
  Slot<'query', SlotOf<C, 'query'>> &
  Slot<'body', SlotOf<C, 'body'>>;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The same input once its schemas have read it (defaults filled in, text trimmed): what a binding receives. */
export interface ParsedInputOf<C extends OperationContract> {
  readonly params: Parsed<SlotOf<C, 'params'>>;
  readonly query: Parsed<SlotOf<C, 'query'>>;
  readonly body: Parsed<SlotOf<C, 'body'>>;
}

/** The success document as a caller receives it. */
export type OutputOf<C extends OperationContract> = z.output<C['response']>;

/** The operation's path with each `:name` replaced by its parameter, URL-encoded (relative to /api/v1). */
export function operationPath(
  op: Pick<OperationContract, 'method' | 'path'>,
  params: Readonly<Record<string, unknown>> | undefined,
): string {
  return op.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`${op.method} ${op.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}

/** The query string (with its `?`), leaving out absent values; empty when nothing is asked. */
export function operationQuery(query: Readonly<Record<string, unknown>> | undefined): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
}
