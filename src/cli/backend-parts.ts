import type { Actor } from '../app/deps.js';
import { ok, type Refusal, type Result } from '../domain/result.js';

// What every part of the Backend (cli/*-backend.ts) shares: how it acts as the session's person on
// the database, how it calls the API over HTTP, and how results become the API's JSON.

/** Runs a use case as the session's person (database backend). */
export type As = <T>(fn: (a: Actor) => Promise<Result<T>>) => Promise<Result<T>>;

/** One request to the API, relative to /api/v1 (server backend). */
export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
}

/** Sends a request and answers its JSON body, or the problem as a refusal. */
export type Call = <T>(r: ApiRequest) => Promise<Result<T>>;
/** Sends a request for a list and answers its `items`. */
export type Items = <T>(r: ApiRequest) => Promise<Result<T[]>>;

/** A result's value mapped, a refusal passed on. */
export const mapOk = <T, U>(r: Result<T>, f: (v: T) => U): Result<U> => (r.ok ? ok(f(r.value)) : r);

/**
 * A use case's result as JSON, with the current state a VERSION_CONFLICT carries turned into JSON
 * by `currentJson` too, as the API answers it.
 */
export const withCurrentAsJson =
  <V>(currentJson: (v: V) => unknown) =>
  <T, U>(r: Result<T>, f: (v: T) => U): Result<U> => {
    if (r.ok) return ok(f(r.value));
    const current = r.error.current as V | undefined;
    const error: Refusal = current ? { ...r.error, current: currentJson(current) } : r.error;
    return { ok: false, error };
  };
