import { renderNoticeMail } from '../../domain/mail/notice-mail.js';
import { settingsWithDefaults } from '../../domain/notification-settings.js';
import type { AppDeps } from '../deps.js';
import type { NewMail, NewNotice, Tx } from '../ports.js';
import { personMailLinks } from './mail-links.js';

/**
 * Queues the e-mail of each kept notice whose recipient wants that kind at once, in the notice's own
 * transaction (so a refused change sends nothing). Nothing is queued while e-mail is off, nor to people
 * who cannot sign in (invited, removed). Answers how many were queued.
 */
export async function queueNoticeMails(deps: Pick<AppDeps, 'newId' | 'mail'>, tx: Tx, notices: readonly NewNotice[]): Promise<number> {
  const mail = deps.mail;
  if (!mail || notices.length === 0) return 0;
  const recipientIds = [...new Set(notices.map((n) => n.recipientId))];
  const people = new Map((await tx.findUsers(recipientIds)).map((u) => [u.id as string, u]));
  const chosen = await tx.listNotificationSettings(recipientIds);
  const key = await tx.mailLinkKey();
  const modes = new Map<string, ReturnType<typeof settingsWithDefaults>>();
  const modesOf = (userId: string) => {
    let m = modes.get(userId);
    if (!m) {
      m = settingsWithDefaults(new Map(chosen.filter((c) => c.userId === userId).map((c) => [c.kind, c.mode])));
      modes.set(userId, m);
    }
    return m;
  };
  const mails: NewMail[] = [];
  for (const n of notices) {
    const person = people.get(n.recipientId);
    if (person?.status !== 'active') continue;
    if (modesOf(n.recipientId)[n.kind] !== 'immediate') continue;
    const links = personMailLinks(mail, key, person.id, [n.kind], n.createdAt);
    const rendered = renderNoticeMail({
      notice: n,
      at: n.createdAt,
      timeZone: person.timeZone,
      links: { ...links, item: `${mail.publicUrl}${n.link}` },
    });
    mails.push({
      id: deps.newId(),
      recipientId: person.id,
      to: person.email,
      kind: n.kind,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      unsubscribeUrl: links.off,
      dedupeKey: `notice:${n.id}`,
      at: n.createdAt,
    });
  }
  return mails.length === 0 ? 0 : tx.enqueueMails(mails);
}
