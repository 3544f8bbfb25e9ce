import { z } from 'zod';
import { notificationModes } from '../domain/notification-settings.js';
import { noticeKinds } from '../domain/notifications.js';

// A person's e-mail settings per kind of notice (GET/PATCH /me/notification-settings).

export const NotificationModeSchema = z
  .enum(notificationModes)
  .meta({ description: 'immediate: an e-mail per notice; digest: one e-mail a day at 08:00 in your time zone; off: none' });

export const NoticeKindSchema = z.enum(noticeKinds);

export const NotificationSettingsSchema = z.object({
  isMailOn: z
    .boolean()
    .meta({ description: 'Whether this server sends e-mail (TOLLGATE_SMTP_URL); when off, modes are kept but nothing is sent' }),
  settings: z.array(
    z.object({
      kind: NoticeKindSchema,
      name: z.string().meta({ description: 'The kind in words, e.g. "gate status changes"' }),
      mode: NotificationModeSchema,
      defaultMode: NotificationModeSchema.meta({ description: 'The mode of a kind you never chose' }),
    }),
  ),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

/** `{ kind: mode, … }`: the kinds to change (at least one; unknown kinds are refused). */
export const UpdateNotificationSettingsSchema = z
  .partialRecord(NoticeKindSchema, NotificationModeSchema)
  .refine((o) => Object.keys(o).length > 0, { message: 'Name at least one kind of notice with its mode.' });
export type UpdateNotificationSettings = z.infer<typeof UpdateNotificationSettingsSchema>;
