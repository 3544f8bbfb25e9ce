import { type LeadershipView, leadershipDocument } from '../report/leadership-view.js';
import { escapeHtml } from './mail-text.js';
import { type RenderedMail, subjectOf } from './notice-mail.js';
import { htmlBlock, textBlock } from './report-mail.js';

export interface LeadershipMailInput {
  readonly view: LeadershipView;
  /** The view's page in Tollgate, absolute. */
  readonly link: string;
  /** Where the person turns the e-mail off (their account page), absolute. */
  readonly settingsLink: string;
  /** The signed one-click link that unsubscribes them (RFC 8058; also the List-Unsubscribe header), absolute. */
  readonly offLink: string;
}

/** The subject: the week and how many programs need attention. */
function subjectFor(v: LeadershipView): string {
  const attention = v.lines.filter((l) => l.attention.length > 0).length;
  return `Leadership view ${v.week}: ${attention} of ${v.lines.length} program${v.lines.length === 1 ? '' : 's'} need${attention === 1 ? 's' : ''} attention`;
}

/** The weekly leadership view e-mailed to a subscriber: the whole document in both parts, its link, and how to stop it; the PDF rides along. */
export function renderLeadershipMail(input: LeadershipMailInput): RenderedMail {
  const blocks = leadershipDocument(input.view);
  const why = `You get this e-mail because you subscribed to the weekly leadership view. Stop it with one click: ${input.offLink} · or in your account: ${input.settingsLink}`;
  const text = [...blocks.flatMap(textBlock), `Open in Tollgate: ${input.link}`, '', '--', why].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    ...blocks.map(htmlBlock),
    `<p><a href="${escapeHtml(input.link)}">Open in Tollgate</a></p>`,
    `<hr><p style="color:#555;font-size:90%">You get this e-mail because you subscribed to the weekly leadership view.<br><a href="${escapeHtml(input.offLink)}">Stop it with one click</a> · <a href="${escapeHtml(input.settingsLink)}">Your account</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: subjectOf(subjectFor(input.view)), text: `${text}\n`, html };
}
