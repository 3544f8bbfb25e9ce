import { getNotificationSettings, updateNotificationSettings } from '../app/mail/notification-settings.js';
import { listNotices } from '../app/notifications/list-notices.js';
import { readAllNotices, readNotice } from '../app/notifications/read-notices.js';
import type { notificationOperations } from '../contract/operations/notifications.js';
import { ok } from '../domain/result.js';
import { settingsJson } from '../present/notification-settings-json.js';
import { notificationsJson } from '../present/notifications-json.js';
import { type Bindings, presented } from './binding.js';

/** One's own notices (contract/operations/notifications.ts). */
export const notificationBindings: Bindings<keyof typeof notificationOperations> = {
  listNotifications: async ({ app, actor }, { query }) => {
    const r = await listNotices(app, { actor, unreadOnly: query.unread === 'true', limit: query.limit, cursor: query.cursor });
    if (!r.ok) return r;
    return ok({
      items: await notificationsJson(app.store.reads, r.value.items),
      nextCursor: r.value.nextCursor,
      unreadCount: r.value.unreadCount,
    });
  },
  readNotification: async ({ app, actor }, { params }) => readNotice(app, { actor, noticeId: params.notificationId }),
  readAllNotifications: async ({ app, actor }) => readAllNotices(app, { actor }),
  getNotificationSettings: async ({ app, actor }) => ok(settingsJson(await getNotificationSettings(app, { actor }))),
  updateNotificationSettings: async ({ app, actor }, { body }) =>
    presented(await updateNotificationSettings(app, { actor, modes: body }), settingsJson),
};
