import type { NotificationSettingsView } from '../app/mail/notification-settings.js';
import type { NotificationSettings } from '../contract/notification-settings.js';

/** A person's notification settings as the API sends them. */
export const settingsJson = (v: NotificationSettingsView): NotificationSettings => ({
  isMailOn: v.isMailOn,
  settings: v.settings.map((s) => ({ kind: s.kind, name: s.name, mode: s.mode, defaultMode: s.defaultMode })),
});
