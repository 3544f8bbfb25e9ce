import type { ErrorCode } from './errors.js';

/** A refusal the user can act on: a stable code, a message, and the fields at fault. */
export interface Refusal {
  readonly code: ErrorCode;
  readonly message: string;
  readonly fields?: readonly FieldProblem[];
  /** The record's current state, when the refusal is about a stale or conflicting view of it. */
  readonly current?: unknown;
}

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Refusal };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const refuse = <T = never>(code: ErrorCode, message: string, fields?: readonly FieldProblem[]): Result<T> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});
