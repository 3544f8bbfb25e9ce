import { DateTime } from 'luxon';
import type { UserId } from '../../domain/ids.js';
import { maxDigestNotices, renderDigestMail } from '../../domain/mail/notice-mail.js';
import { digestHour, settingsWithDefaults } from '../../domain/notification-settings.js';
import type { NoticeKind } from '../../domain/notifications.js';
import type { AppDeps } from '../deps.js';
import { transact } from '../transact.js';
import { personMailLinks } from './mail-links.js';

/** The local day whose digest is due at `now` in `timeZone` (from 08:00 on), with the instant it became due; null before 08:00. */
export function dueDigestDay(now: Date, timeZone: string): { readonly localDate: string; readonly dueAt: string } | null {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid || local.hour < digestHour) return null;
  const due = local.set({ hour: digestHour, minute: 0, second: 0, millisecond: 0 });
  return { localDate: local.toISODate() as string, dueAt: due.toUTC().toISO() as string };
}

/**
 * Queues each person's daily digest once it is 08:00 or later in their zone: the notices of the kinds they
 * set to digest since their last digest (the first lists the day before). Idempotent: one digest per person
 * per local date (its dedupe key), so repeated calls and two instances at once queue it once; a day without
 * such notices queues none. Does nothing while e-mail is off. Answers how many digests were queued.
 */
export async function sendDigests(deps: AppDeps, now: Date): Promise<number> {
  const mail = deps.mail;
  if (!mail) return 0;
  const userIds = await deps.store.reads.listDigestUserIds();
  let queued = 0;
  for (const userId of userIds) if (await digestOf(deps, mail, userId, now)) queued++;
  return queued;
}

async function digestOf(deps: AppDeps, mail: NonNullable<AppDeps['mail']>, userId: UserId, now: Date): Promise<boolean> {
  const r = await transact(deps.store, async (tx) => {
    const person = await tx.findUser(userId);
    if (person?.status !== 'active') return false;
    const day = dueDigestDay(now, person.timeZone);
    if (!day) return false;
    const modes = settingsWithDefaults(new Map((await tx.listNotificationSettings([userId])).map((s) => [s.kind, s.mode])));
    const kinds = (Object.keys(modes) as NoticeKind[]).filter((k) => modes[k] === 'digest');
    if (kinds.length === 0) return false;
    const last = await tx.lastMailQueuedAt(userId, 'digest');
    const since = last ?? new Date(Date.parse(day.dueAt) - 24 * 3600_000).toISOString();
    const until = now.toISOString();
    const notices = await tx.listNoticesBetween(userId, kinds, since, until, maxDigestNotices + 1);
    if (notices.length === 0) return false;
    const key = await tx.mailLinkKey();
    const links = personMailLinks(mail, key, userId, kinds, until);
    const rendered = renderDigestMail({
      localDate: day.localDate,
      timeZone: person.timeZone,
      notices: notices.map((n) => ({ body: n, at: n.createdAt, link: `${mail.publicUrl}${n.link}` })),
      links,
    });
    return tx.enqueueMail({
      id: deps.newId(),
      recipientId: userId,
      to: person.email,
      kind: 'digest',
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      unsubscribeUrl: links.off,
      dedupeKey: `digest:${userId}:${day.localDate}`,
      at: until,
    });
  });
  return r.ok && r.value;
}
