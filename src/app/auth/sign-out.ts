import type { AppDeps } from '../deps.js';

/** Ends one browser session. */
export async function signOut(deps: AppDeps, input: { sessionId: string }): Promise<void> {
  await deps.store.transaction((tx) => tx.deleteSessions({ id: input.sessionId }));
}
