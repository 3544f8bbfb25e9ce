import type { NoticeBody, NoticeFactsOf, NoticeKind } from '../notifications.js';
import { escapeHtml, instantInZone, plainDateText } from './mail-text.js';

// What the e-mail of each kind of notice says: one entry per kind, so a new kind of notice does not compile
// until it says what its e-mail tells. Texts are English, like the CLI's; instants are the recipient's.

/** What an entry may use: the recipient's zone and how to write an instant in it. */
export interface MailContext {
  readonly timeZone: string;
  /** An instant as the recipient reads it (their zone, named). */
  readonly instant: (iso: string) => string;
  /** A plain date (a review date, a due date), never shifted by a zone. */
  readonly date: (d: string) => string;
}

/** An e-mail's own words for one notice: its subject and the lines of its body (plain text). */
export interface NoticeMailText {
  readonly subject: string;
  readonly lines: readonly string[];
}

interface KindEntry<K extends NoticeKind> {
  /** The kind as people choose it in their settings ("gate status changes"). */
  readonly name: string;
  readonly text: (facts: NoticeFactsOf[K], ctx: MailContext) => NoticeMailText;
}

/** Per kind of notice: its name in settings and the words of its e-mail. */
export const noticeMailKinds: { readonly [K in NoticeKind]: KindEntry<K> } = {
  gate_status_changed: {
    name: 'gate status changes',
    text: (f) => ({
      subject: `${f.programCode} ${f.gateKey} ${f.gateName}: ${f.fromStatus} → ${f.toStatus}`,
      lines: [`Gate ${f.gateKey} (${f.gateName}) of ${f.programCode} moved from ${f.fromStatus} to ${f.toStatus}.`],
    }),
  },
  evidence_awaits_review: {
    name: 'evidence awaiting your review',
    text: (f) => ({
      subject: `${f.programCode} ${f.gateKey}: evidence for ${f.itemKey} awaits your review`,
      lines: [`Evidence for ${f.itemKey} "${f.itemTitle}" (gate ${f.gateKey} of ${f.programCode}) was submitted and awaits your review.`],
    }),
  },
  evidence_rejected: {
    name: 'your evidence rejected',
    text: (f) => ({
      subject: `${f.programCode} ${f.gateKey}: evidence for ${f.itemKey} rejected`,
      lines: [
        `Your evidence for ${f.itemKey} "${f.itemTitle}" (gate ${f.gateKey} of ${f.programCode}) was rejected.`,
        `Comment: ${f.comment}`,
      ],
    }),
  },
  gate_at_risk: {
    name: 'your gates at risk',
    text: (f, ctx) => ({
      subject: `${f.programCode} ${f.gateKey} ${f.gateName} is at risk`,
      lines: [
        `Gate ${f.gateKey} (${f.gateName}) of ${f.programCode} is at risk${f.plannedReviewDate ? `: its review is planned for ${ctx.date(f.plannedReviewDate)}` : ''}.`,
        ...(f.items.length > 0 ? ['Required items not on course:', ...f.items.map((i) => `- ${i.key} ${i.title}`)] : []),
        ...(f.moreItems > 0 ? [`and ${f.moreItems} more`] : []),
      ],
    }),
  },
  intake_submitted: {
    name: 'programs submitted through intake',
    text: (f) => ({
      subject: `${f.clientName} submitted ${f.programCode} ${f.programName}`,
      lines: [`${f.clientName} submitted the program ${f.programCode} "${f.programName}" through intake; it waits as a draft.`],
    }),
  },
  action_assigned: {
    name: 'actions given to you',
    text: (f) => ({
      subject: `${f.programCode} ${f.actionKey} is yours: ${f.title}`,
      lines: [`The action ${f.actionKey} "${f.title}" of ${f.programCode} is yours now.`],
    }),
  },
  escalation_raised: {
    name: 'escalations raised to you',
    text: (f, ctx) => ({
      subject: `${f.programCode} ${f.escalationKey} (${f.severity}): ${f.subjectTitle} — respond by ${ctx.instant(f.deadlineAt)}`,
      lines: [
        `An escalation was raised on ${f.programCode}: ${f.escalationKey} "${f.subjectTitle}" (trigger ${triggerText(f.triggerKind)}, severity ${f.severity}).`,
        `Action owner: ${f.ownerName}. Deadline: ${ctx.instant(f.deadlineAt)}.`,
        'Acknowledge it or resolve it by the deadline; otherwise it climbs the escalation path.',
      ],
    }),
  },
  escalation_climbed: {
    name: 'escalations climbed to you',
    text: (f, ctx) => ({
      subject: `${f.programCode} ${f.escalationKey} climbed to level ${f.level}: ${f.subjectTitle} — respond by ${ctx.instant(f.deadlineAt)}`,
      lines: [
        `The escalation ${f.escalationKey} "${f.subjectTitle}" of ${f.programCode} (trigger ${triggerText(f.triggerKind)}, severity ${f.severity}) was not answered by its deadline and climbed to level ${f.level} of the escalation path.`,
        `Action owner now: ${f.ownerName}. New deadline: ${ctx.instant(f.deadlineAt)}.`,
      ],
    }),
  },
  update_requested: {
    name: 'requests to update your items before the weekly report',
    text: (f) => ({
      subject: `${f.programCode}: please update your items before the ${f.week} weekly report`,
      lines: [
        `The weekly report of ${f.programCode} for ${f.week} is drafted from the record. Please confirm or update these items you own (confirm a date, move it with a reason, mark an action done, add evidence):`,
        ...f.items.map((i) => `- ${i.key} ${i.title}`),
        ...(f.moreItems > 0 ? [`and ${f.moreItems} more`] : []),
      ],
    }),
  },
};

/** A trigger kind as words: missed_milestone → missed milestone. */
const triggerText = (kind: string): string => kind.replaceAll('_', ' ');

/** The words of a notice's e-mail, by its kind's entry. */
export function noticeMailText(body: NoticeBody, ctx: MailContext): NoticeMailText {
  const entry = noticeMailKinds[body.kind] as KindEntry<NoticeKind>;
  return entry.text(body.facts as never, ctx);
}

/** The context of one recipient: their zone. */
export const mailContext = (timeZone: string): MailContext => ({
  timeZone,
  instant: (iso) => instantInZone(iso, timeZone),
  date: plainDateText,
});

/** A whole e-mail: subject, plain text and HTML. */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Subjects are cut to this many characters. */
export const maxSubjectChars = 200;
export const subjectOf = (s: string) => {
  const one = `[Tollgate] ${s.replace(/[\r\n]+/g, ' ')}`;
  return one.length > maxSubjectChars ? `${one.slice(0, maxSubjectChars - 1)}…` : one;
};

/** Where an e-mail leads and how its reader changes what they get. */
export interface MailLinks {
  /** The item, absolute. */
  readonly item: string;
  /** One click turns these e-mails off (signed, expiring). */
  readonly off: string;
  /** The person's notification settings. */
  readonly settings: string;
}

const footerText = (why: string, links: MailLinks): string[] => [
  '',
  '--',
  why,
  `Stop these e-mails with one click: ${links.off}`,
  `All your notification settings: ${links.settings}`,
];

const footerHtml = (why: string, links: MailLinks): string =>
  `<hr><p style="color:#555;font-size:90%">${escapeHtml(why)}<br><a href="${escapeHtml(links.off)}">Stop these e-mails with one click</a> · <a href="${escapeHtml(links.settings)}">All your notification settings</a></p>`;

/** The e-mail of one notice, with when it happened in the recipient's zone, its link and the one-click link. */
export function renderNoticeMail(input: {
  readonly notice: NoticeBody;
  readonly at: string;
  readonly timeZone: string;
  readonly links: MailLinks;
}): RenderedMail {
  const ctx = mailContext(input.timeZone);
  const t = noticeMailText(input.notice, ctx);
  const when = `When: ${ctx.instant(input.at)}`;
  const why = `You get this e-mail because "${noticeMailKinds[input.notice.kind].name}" is set to immediate in your Tollgate settings.`;
  const text = [...t.lines, '', when, `Open in Tollgate: ${input.links.item}`, ...footerText(why, input.links)].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    ...t.lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p>${escapeHtml(when)}</p>`,
    `<p><a href="${escapeHtml(input.links.item)}">Open in Tollgate</a></p>`,
    footerHtml(why, input.links),
    '</body></html>',
  ].join('\n');
  return { subject: subjectOf(t.subject), text: `${text}\n`, html };
}

/** A digest lists at most this many notices; it says how many more there are. */
export const maxDigestNotices = 100;

/** The daily digest: the notices of the kinds set to digest since the last one, each with its instant and link. */
export function renderDigestMail(input: {
  readonly localDate: string;
  readonly timeZone: string;
  readonly notices: readonly { readonly body: NoticeBody; readonly at: string; readonly link: string }[];
  readonly links: Omit<MailLinks, 'item'>;
}): RenderedMail {
  const ctx = mailContext(input.timeZone);
  const shown = input.notices.slice(0, maxDigestNotices);
  const more = input.notices.length - shown.length;
  const count = input.notices.length === 1 ? '1 notice' : `${input.notices.length} notices`;
  const subject = `Your daily digest for ${ctx.date(input.localDate)}: ${count}`;
  const items = shown.map((n) => ({ t: noticeMailText(n.body, ctx), when: ctx.instant(n.at), link: n.link }));
  const why = 'You get this digest because some kinds of notice are set to "daily digest" in your Tollgate settings.';
  const links = { ...input.links, item: '' };
  const text = [
    `${count} since your last digest:`,
    '',
    ...items.flatMap((i) => [`* ${i.t.subject}`, ...i.t.lines.map((l) => `  ${l}`), `  When: ${i.when}`, `  ${i.link}`, '']),
    ...(more > 0 ? [`and ${more} more in Tollgate`] : []),
    ...footerText(why, links),
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<p>${escapeHtml(count)} since your last digest:</p><ul>`,
    ...items.map(
      (i) =>
        `<li><p><a href="${escapeHtml(i.link)}">${escapeHtml(i.t.subject)}</a></p>${i.t.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}<p>When: ${escapeHtml(i.when)}</p></li>`,
    ),
    '</ul>',
    ...(more > 0 ? [`<p>and ${more} more in Tollgate</p>`] : []),
    footerHtml(why, links),
    '</body></html>',
  ].join('\n');
  return { subject: subjectOf(subject), text: `${text}\n`, html };
}
