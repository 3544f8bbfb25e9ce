import { renderLeadershipMail } from '../../domain/mail/leadership-mail.js';
import type { Program } from '../../domain/program.js';
import { dueLeadershipMail } from '../../domain/report/report-schedule.js';
import type { Result } from '../../domain/result.js';
import { principalOf } from '../auth/principal.js';
import type { AppDeps } from '../deps.js';
import { personMailLinks } from '../mail/mail-links.js';
import { mailAttachmentMaxBytes } from '../ports.js';
import { type PortfolioWeekView, portfolioFileName, portfolioWeekOf, visiblePrograms } from './portfolio-week.js';

export interface LeadershipMailRun {
  /** Subscribers whose Monday morning it is and who were not sent this week's yet. */
  readonly due: number;
  readonly queued: number;
}

/** The leadership view's page in the web app (web/src/leadership/). */
export const leadershipViewPath = (week: string): string => `/portfolio/weeks/${week}`;

/**
 * Queues the weekly leadership view to everyone who subscribed (their account's setting), on Monday from
 * 08:00 in their zone: the week that just ended, of the programs they may see, HTML and text with the PDF
 * attached, through the outbox, with the signed one-click link that unsubscribes them (and List-Unsubscribe). Once per person and week, whoever runs it: the outbox's dedupe key
 * `leadership:<person>:<week>` (insert-if-absent, also when two instances queue at once). People who see the
 * same programs share one reading of the view. Does nothing while e-mail is off.
 */
export async function mailLeadershipViews(deps: AppDeps): Promise<LeadershipMailRun> {
  const mail = deps.mail;
  if (!mail) return { due: 0, queued: 0 };
  const r = deps.store.reads;
  const now = deps.clock.now();
  const subscribers = [];
  for (const user of await r.listLeadershipMailUsers()) {
    const due = dueLeadershipMail(now, user.timeZone);
    if (!due) continue;
    const last = await r.lastMailQueuedAt(user.id, 'leadership_view');
    if (last !== null && Date.parse(last) >= Date.parse(due.dueAt)) continue;
    subscribers.push({ user, week: due.week });
  }
  if (subscribers.length === 0) return { due: 0, queued: 0 };
  let programs: readonly Program[] | null = null;
  let key: string | null = null;
  const linkKey = async () => {
    key ??= await r.mailLinkKey();
    return key;
  };
  const views = new Map<string, Promise<Result<PortfolioWeekView & { readonly pdf: Uint8Array }>>>();
  let queued = 0;
  for (const { user, week } of subscribers) {
    programs ??= await r.listPrograms();
    const actor = await principalOf(r, user);
    const visible = visiblePrograms(actor, programs);
    const key = `${week.label}:${visible
      .map((p) => p.id)
      .sort()
      .join(',')}`;
    let pending = views.get(key);
    if (!pending) {
      pending = portfolioWeekOf(r, visible, week, now).then(async (v) =>
        v.ok ? { ok: true as const, value: { ...v.value, pdf: await mail.leadershipPdf(v.value.view, v.value.asOf) } } : v,
      );
      views.set(key, pending);
    }
    const read = await pending;
    if (!read.ok) throw new Error(`The leadership view of ${week.label} for ${user.id} could not be read: ${read.error.message}`);
    const { view, pdf } = read.value;
    if (pdf.length > mailAttachmentMaxBytes) throw new Error(`The leadership view's PDF is ${pdf.length} bytes, over the e-mail limit.`);
    const off = personMailLinks(mail, await linkKey(), user.id, ['leadership_view'], now.toISOString()).off;
    const rendered = renderLeadershipMail({
      view,
      link: `${mail.publicUrl}${leadershipViewPath(week.label)}`,
      settingsLink: `${mail.publicUrl}/account`,
      offLink: off,
    });
    const sent = await deps.store.transaction((tx) =>
      tx.enqueueMail({
        id: deps.newId(),
        recipientId: user.id,
        to: user.email,
        kind: 'leadership_view',
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        unsubscribeUrl: off,
        dedupeKey: `leadership:${user.id}:${week.label}`,
        at: now.toISOString(),
        attachment: { filename: portfolioFileName(week.label, 'pdf'), contentType: 'application/pdf', content: pdf },
      }),
    );
    if (sent) queued++;
  }
  return { due: subscribers.length, queued };
}
