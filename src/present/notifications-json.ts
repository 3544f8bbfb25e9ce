import type { Notice, Reads } from '../app/ports.js';
import type { Notification } from '../contract/notification.js';

/** The notices as the API answers them, each with the name of who made the change (read in one batch). */
export async function notificationsJson(reads: Reads, notices: readonly Notice[]): Promise<Notification[]> {
  const ids = [...new Set(notices.flatMap((n) => (n.actorId ? [n.actorId] : [])))];
  const names = new Map((ids.length === 0 ? [] : await reads.findUsers(ids)).map((u) => [u.id as string, u.name]));
  return notices.map(
    (n) =>
      ({
        id: n.id,
        kind: n.kind,
        facts: n.facts,
        programId: n.programId,
        link: n.link,
        actorId: n.actorId,
        actorName: n.actorId ? (names.get(n.actorId) ?? null) : null,
        createdAt: n.createdAt,
        readAt: n.readAt,
      }) as Notification,
  );
}
