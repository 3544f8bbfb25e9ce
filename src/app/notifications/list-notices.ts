import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { badCursor, decodeCursor, encodeCursor, type Page, pageOf } from '../paging.js';
import type { Notice } from '../ports.js';

export interface ListNoticesInput {
  readonly actor: Actor;
  readonly unreadOnly: boolean;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** A page of one's notices and how many are unread in all. */
export type NoticePage = Page<Notice> & { readonly unreadCount: number };

const tag = 'notices';

/** The signed-in person's own notices, newest first (only unread ones when asked), a page at a time. */
export async function listNotices(deps: AppDeps, input: ListNoticesInput): Promise<Result<NoticePage>> {
  let after: { createdAt: string; id: string } | undefined;
  if (input.cursor !== undefined) {
    const place = decodeCursor(tag, input.cursor, 2);
    if (!place) return badCursor();
    after = { createdAt: place[0] as string, id: place[1] as string };
  }
  const reads = deps.store.reads;
  const [rows, unread] = await Promise.all([
    reads.listNotices(input.actor.id, { unreadOnly: input.unreadOnly, after, limit: input.limit + 1 }),
    reads.unreadNotices([input.actor.id]),
  ]);
  const page = pageOf(rows, input.limit, (last) => encodeCursor(tag, [last.createdAt, last.id]));
  return ok({ ...page, unreadCount: unread.get(input.actor.id)?.count ?? 0 });
}
