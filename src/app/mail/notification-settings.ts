import type { UserId } from '../../domain/ids.js';
import { noticeMailKinds } from '../../domain/mail/notice-mail.js';
import { defaultNotificationMode, type NotificationMode, settingsWithDefaults } from '../../domain/notification-settings.js';
import { type NoticeKind, noticeKinds } from '../../domain/notifications.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { Reads, Tx } from '../ports.js';
import { abort } from '../transact.js';
import { insertRecord, updateRecord } from '../write-record.js';
import { writeSequence } from '../write-sequence.js';

/** One kind of notice in a person's settings: its mode, the default, and its name. */
export interface NotificationSettingView {
  readonly kind: NoticeKind;
  readonly name: string;
  readonly mode: NotificationMode;
  readonly defaultMode: NotificationMode;
}

export interface NotificationSettingsView {
  /** Whether this server sends e-mail at all (TOLLGATE_SMTP_URL): with it off, modes are kept but nothing is sent. */
  readonly isMailOn: boolean;
  readonly settings: readonly NotificationSettingView[];
}

async function settingsOf(reads: Reads, userId: UserId): Promise<Readonly<Record<NoticeKind, NotificationMode>>> {
  const rows = await reads.listNotificationSettings([userId]);
  return settingsWithDefaults(new Map(rows.map((r) => [r.kind, r.mode])));
}

/** A person's mode for every kind of notice (the default where they chose none), and whether e-mail is on. */
export async function getNotificationSettings(deps: AppDeps, input: { readonly actor: Actor }): Promise<NotificationSettingsView> {
  const modes = await settingsOf(deps.store.reads, input.actor.id);
  return {
    isMailOn: deps.mail !== undefined,
    settings: noticeKinds.map((kind) => ({
      kind,
      name: noticeMailKinds[kind].name,
      mode: modes[kind],
      defaultMode: defaultNotificationMode,
    })),
  };
}

/**
 * Sets modes of one person's kinds of notice in a transaction already open, through the one write path (a
 * setting is the person's record: each change is logged old → new under `actorId`). Answers the modes before.
 */
export async function writeNotificationModes(
  deps: AppDeps,
  tx: Tx,
  stamp: { readonly actorId: UserId; readonly reason: string },
  userId: UserId,
  modes: Readonly<Partial<Record<NoticeKind, NotificationMode>>>,
): Promise<Readonly<Record<NoticeKind, NotificationMode>>> {
  const rows = await tx.listNotificationSettings([userId]);
  const before = settingsWithDefaults(new Map(rows.map((r) => [r.kind, r.mode])));
  for (const kind of noticeKinds) {
    const mode = modes[kind];
    if (mode === undefined) continue;
    const row = rows.find((r) => r.kind === kind);
    const target = {
      entity: 'notification_setting' as const,
      programId: null,
      entityKey: kind,
      actorId: stamp.actorId,
      reason: stamp.reason,
    };
    if (row) await updateRecord(deps, tx, { ...target, id: row.id }, row, { mode });
    // Two requests making the same person's row at once: the unique (user, kind) refuses the second (409, nothing changed).
    else if (mode !== before[kind]) await insertRecord(deps, tx, { ...target, id: deps.newId() }, { userId, kind, mode });
  }
  return before;
}

/** Changes one's own modes per kind of notice (`{ kind: mode }`); answers every kind's mode as GET does. */
export async function updateNotificationSettings(
  deps: AppDeps,
  input: { readonly actor: Actor; readonly modes: Readonly<Partial<Record<NoticeKind, NotificationMode>>> },
): Promise<Result<NotificationSettingsView>> {
  const open = async (tx: Tx) => {
    const user = await tx.findUser(input.actor.id);
    if (!user || user.status === 'removed') return abort({ code: 'UNAUTHENTICATED', message: 'Sign in again.' });
    return { user };
  };
  return writeSequence(
    deps,
    { actorId: input.actor.id, reason: 'Changed in their own notification settings.', open },
    async ({ tx, meta, user }) => {
      await writeNotificationModes(deps, tx, { actorId: meta.actorId, reason: meta.reason ?? '' }, user.id, input.modes);
    },
    () => getNotificationSettings(deps, input),
  );
}
