import type { z } from 'zod';
import type { Actor, AppDeps } from '../app/deps.js';
import type { OperationName, OperationParsedInput, Operations } from '../contract/operations.js';
import { ok, type Refusal, type Result } from '../domain/result.js';

// The server side of an operation of the contract's table (contract/operations.ts): the use case it
// calls and the presenter that turns the use case's view into the response document. http/ runs it
// for a request, the CLI's database backend runs it in-process: both answer the same JSON.

/** What a binding runs with: the use cases' dependencies, who acts, and the edge's few specifics. */
export interface OperationContext {
  readonly app: AppDeps;
  readonly actor: Actor;
  /** Where people open Tollgate (for links the answer carries); absent when the edge does not know it. */
  readonly origin: string | undefined;
  /** Where a failure worth an operator's look is reported (program figures that could not be computed). */
  readonly logError: (details: object, message: string) => void;
  /** The caller's browser session, when they came with one: answers that describe them (/me) carry its CSRF token. */
  readonly session?: { readonly csrfToken: string } | undefined;
  /** Aborted when the caller has gone away (the HTTP client disconnected): long work stops at its next step. */
  readonly signal?: AbortSignal;
}

/** The response document as the presenter builds it; the response schema encodes it for sending. */
export type OperationAnswer<K extends OperationName> = z.output<Operations[K]['response']>;

export type Binding<K extends OperationName> = (
  ctx: OperationContext,
  input: OperationParsedInput<K>,
) => Promise<Result<OperationAnswer<K>>>;

/** A binding for each operation of one area of the table. */
export type Bindings<K extends OperationName> = { readonly [P in K]: Binding<P> };

/**
 * A use case's result as the response document: the value mapped by `map`, and a refusal's current
 * state (a VERSION_CONFLICT's record) mapped by `mapCurrent`, so it never leaks internals.
 */
export function presented<V, J>(r: Result<V>, map: (v: V) => J, mapCurrent: (current: never) => unknown = map as never): Result<J> {
  if (r.ok) return ok(map(r.value));
  if (r.error.current === undefined) return r;
  const error: Refusal = { ...r.error, current: mapCurrent(r.error.current as never) };
  return { ok: false, error };
}

/** The answer of a removal: nothing to show but that it happened. */
export const done = (r: Result<unknown>): Result<{ ok: true }> => presented(r, () => ({ ok: true as const }));
