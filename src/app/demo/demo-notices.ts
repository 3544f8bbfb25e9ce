import type { AppDeps } from '../deps.js';

/** Notices of the demo's last week stay unread, at most this many a person; older ones were read. */
const unreadPerPerson = 5;
const unreadForDays = 7;

/**
 * The demo's history made its notices as it went (months of gate steps); on first start its people
 * should find a few recent ones unread, not months of them: those of the last week, at most five a
 * person, stay unread; the others are marked read at the demo's "now".
 */
export async function settleDemoNotices(deps: AppDeps, now: Date): Promise<void> {
  const since = new Date(now.getTime() - unreadForDays * 86_400_000).toISOString();
  const at = now.toISOString();
  const users = await deps.store.reads.listUsers();
  await deps.store.transaction(async (tx) => {
    for (const u of users) {
      const unread = await tx.listNotices(u.id, { unreadOnly: true, limit: 10_000 });
      const read = unread.filter((n, i) => i >= unreadPerPerson || n.createdAt < since).map((n) => n.id);
      if (read.length > 0) await tx.markNoticesRead(u.id, read, at);
    }
  });
}
