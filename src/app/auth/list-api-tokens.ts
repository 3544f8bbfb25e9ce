import type { Actor, AppDeps } from '../deps.js';
import type { ApiTokenRecord } from '../ports.js';

/** One's own API tokens (never their secrets). */
export const listApiTokens = (deps: AppDeps, input: { actor: Actor }): Promise<ApiTokenRecord[]> =>
  deps.store.reads.listApiTokens(input.actor.id);
