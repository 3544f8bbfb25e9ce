import {
  NotificationListSchema,
  NotificationParamsSchema,
  NotificationsQuerySchema,
  ReadAllSchema,
  UnreadCountSchema,
} from '../notification.js';
import { NotificationSettingsSchema, UpdateNotificationSettingsSchema } from '../notification-settings.js';
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
  getNotificationSettings: {
    method: 'GET',
    path: '/me/notification-settings',
    tags,
    summary: 'How you are e-mailed of each kind of notice (immediate, daily digest, off), with the default',
    description:
      'Every kind of notice with your mode and the default (immediate for a kind you never chose), and whether this server sends e-mail at all. A daily digest comes at 08:00 in your time zone.',
    status: 200,
    response: NotificationSettingsSchema,
    refusals: [401],
  },
  updateNotificationSettings: {
    method: 'PATCH',
    path: '/me/notification-settings',
    tags,
    summary: 'Change how you are e-mailed of kinds of notice: { "gate_at_risk": "digest", … }',
    description: 'Each change is kept in the change log under you. Answers every kind as GET does.',
    body: UpdateNotificationSettingsSchema,
    status: 200,
    response: NotificationSettingsSchema,
    refusals: [401, 409, 422],
  },
});
