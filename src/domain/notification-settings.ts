import { type NoticeKind, noticeKinds } from './notifications.js';

// How a person wants to hear of each kind of notice by e-mail (issue 13). The notice itself is always kept
// in Tollgate; the mode says only whether and when it is also e-mailed.

export const notificationModes = ['immediate', 'digest', 'off'] as const;
/** immediate: an e-mail per notice; digest: one e-mail a day at 08:00 in the person's zone; off: none. */
export type NotificationMode = (typeof notificationModes)[number];

/** A kind nobody chose a mode for is e-mailed at once: nothing is missed until someone asks for less. */
export const defaultNotificationMode: NotificationMode = 'immediate';

/** A person's mode for every kind of notice. */
export type NotificationSettings = Readonly<Record<NoticeKind, NotificationMode>>;

/** The person's mode per kind: what they chose, the default for the rest. */
export function settingsWithDefaults(
  chosen: ReadonlyMap<string, NotificationMode> | Readonly<Partial<Record<string, NotificationMode>>>,
): NotificationSettings {
  const get = (k: string) => (chosen instanceof Map ? chosen.get(k) : (chosen as Partial<Record<string, NotificationMode>>)[k]);
  return Object.fromEntries(noticeKinds.map((k) => [k, get(k) ?? defaultNotificationMode])) as Record<NoticeKind, NotificationMode>;
}

export const isNotificationMode = (v: unknown): v is NotificationMode => notificationModes.includes(v as NotificationMode);

/** The hour of the person's local day at which their daily digest is sent. */
export const digestHour = 8;
