import {
  NotificationListSchema,
  NotificationParamsSchema,
  NotificationsQuerySchema,
  ReadAllSchema,
  UnreadCountSchema,
} from '../notification.js';
import { defineOperations } from '../operation.js';

const tags = ['me'];

/** One's own in-app notices; the live stream of them is GET /events (http/routes/events.ts). */
export const notificationOperations = defineOperations({
  listNotifications: {
    method: 'GET',
    path: '/me/notifications',
    tags,
    summary: 'Your notices, newest first, with how many are unread',
    description:
      'Notices of changes that concern you: a gate whose status moved, evidence awaiting your review, your evidence rejected, a gate of yours at risk, a program submitted through intake, an action given to you. ?unread=true lists only unread ones. Pages of limit notices; pass nextCursor as cursor for the next.',
    query: NotificationsQuerySchema,
    status: 200,
    response: NotificationListSchema,
    refusals: [401, 422],
  },
  readNotification: {
    method: 'POST',
    path: '/me/notifications/:notificationId/read',
    tags,
    summary: 'Mark one of your notices read; answers how many stay unread',
    params: NotificationParamsSchema,
    status: 200,
    response: UnreadCountSchema,
    refusals: [401, 404],
  },
  readAllNotifications: {
    method: 'POST',
    path: '/me/notifications/read-all',
    tags,
    summary: 'Mark all your notices read',
    status: 200,
    response: ReadAllSchema,
    refusals: [401],
  },
});
