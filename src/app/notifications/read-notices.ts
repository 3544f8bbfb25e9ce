import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';

/** How many of one's notices are still unread after marking. */
export interface UnreadCount {
  readonly unreadCount: number;
}

const unreadOf = async (deps: AppDeps, actor: Actor): Promise<UnreadCount> => ({
  unreadCount: (await deps.store.reads.unreadNotices([actor.id])).get(actor.id)?.count ?? 0,
});

/** Marks one of one's own notices read (again is fine); someone else's is refused as not found. */
export async function readNotice(deps: AppDeps, input: { readonly actor: Actor; readonly noticeId: string }): Promise<Result<UnreadCount>> {
  const at = deps.clock.now().toISOString();
  const found = await deps.store.transaction(async (tx) => {
    const n = await tx.findNotice(input.actor.id, input.noticeId);
    if (n) await tx.markNoticesRead(input.actor.id, [n.id], at);
    return n !== null;
  });
  if (!found) return refuse('NOTIFICATION_NOT_FOUND', `You have no notice "${input.noticeId}".`);
  return ok(await unreadOf(deps, input.actor));
}

/** Marks every one of one's unread notices read. */
export async function readAllNotices(
  deps: AppDeps,
  input: { readonly actor: Actor },
): Promise<Result<UnreadCount & { readonly marked: number }>> {
  const at = deps.clock.now().toISOString();
  const marked = await deps.store.transaction((tx) => tx.markNoticesRead(input.actor.id, 'all', at));
  return ok({ marked, ...(await unreadOf(deps, input.actor)) });
}
