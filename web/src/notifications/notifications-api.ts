import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification, NotificationEvent } from '../../../src/contract/notification.js';
import { callOperation } from '../lib/http.js';

export type { Notification, NotificationEvent };

export const notificationKeys = {
  all: ['me', 'notifications'] as const,
  unread: ['me', 'notifications', 'unread'] as const,
  list: (unreadOnly: boolean) => ['me', 'notifications', 'list', unreadOnly] as const,
};

const pageSize = 50;

/** One's notices and how many are unread (the list's answer carries the count). */
export const notificationsApi = {
  list: (unreadOnly: boolean, cursor: string | undefined, limit: number, signal?: AbortSignal) =>
    callOperation('listNotifications', { query: { unread: unreadOnly ? 'true' : undefined, limit, cursor } }, signal),
  read: (notificationId: string) => callOperation('readNotification', { params: { notificationId } }),
  readAll: () => callOperation('readAllNotifications', {}),
};

/** How many of one's notices are unread; kept current by the live updates (useLiveUpdates) and after marking. */
export const useUnreadCount = () =>
  useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async ({ signal }) => (await notificationsApi.list(true, undefined, 1, signal)).unreadCount,
    staleTime: 60_000,
  });

/** One's notices, newest first, a page at a time. */
export const useNotifications = (unreadOnly: boolean) =>
  useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ signal, pageParam }) => notificationsApi.list(unreadOnly, pageParam, pageSize, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** After notices changed (a new one, or marked read): the count and the lists are refetched. */
export function invalidateNotifications(client: QueryClient, unreadCount?: number): Promise<void> {
  if (unreadCount !== undefined) client.setQueryData(notificationKeys.unread, unreadCount);
  return client.invalidateQueries({ queryKey: notificationKeys.all });
}

export const useMarkRead = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => (id === 'all' ? notificationsApi.readAll() : notificationsApi.read(id)),
    onSuccess: (r) => invalidateNotifications(client, r.unreadCount),
  });
};
