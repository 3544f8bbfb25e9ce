import type { Refusal, Result } from '../domain/result.js';
import type { Store, Tx } from './ports.js';

/** Thrown inside a transaction to roll it back with a user-facing refusal. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

export const abort = (refusal: Refusal): never => {
  throw new Refused(refusal);
};

/** Unwraps a domain result inside a transaction, rolling back on refusal. */
export const must = <T>(r: Result<T>): T => (r.ok ? r.value : abort(r.error));

/** Runs fn in one transaction; a refusal rolls back every write and is returned, not thrown. */
export async function transact<T>(store: Store, fn: (tx: Tx) => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await store.transaction(fn) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: e.refusal };
    throw e;
  }
}
