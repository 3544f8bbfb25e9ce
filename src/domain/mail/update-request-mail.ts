import type { RequestItem, RequestWhy } from '../update-requests/update-request.js';
import { escapeHtml, instantInZone, plainDateText } from './mail-text.js';
import { type RenderedMail, subjectOf } from './notice-mail.js';

// The e-mail of an update request to a person without an account (a supplier's contact): the items asked
// about and the signed link to the page where they answer, in English and Simplified Chinese (the page lets
// them choose; the e-mail cannot know yet). People who sign in get the notice's e-mail instead.

export interface UpdateRequestMailInput {
  readonly personName: string;
  readonly programCode: string;
  readonly programName: string;
  readonly week: string;
  readonly items: readonly RequestItem[];
  /** The signed link, absolute. */
  readonly link: string;
  readonly linkExpiresAt: string;
  readonly timeZone: string;
}

const whyEn: Readonly<Record<RequestWhy, string>> = { overdue: 'overdue', due: 'due soon', untouched: 'not updated for a while' };
const whyZh: Readonly<Record<RequestWhy, string>> = { overdue: '已逾期', due: '即将到期', untouched: '较长时间未更新' };

const itemLine = (i: RequestItem) =>
  `${i.key} ${i.title}${i.dueDate ? ` — ${plainDateText(i.dueDate)}` : ''} (${whyEn[i.why]} / ${whyZh[i.why]})`;

/** The request's e-mail: what is asked, each item, the link and until when it works, in both languages. */
export function renderUpdateRequestMail(i: UpdateRequestMailInput): RenderedMail {
  const until = instantInZone(i.linkExpiresAt, i.timeZone);
  const en = [
    `Hello ${i.personName},`,
    `The weekly report of ${i.programCode} ${i.programName} for ${i.week} is drafted from what is recorded. Please confirm or update the items you own: confirm a date or move it with a reason, mark an action done, or add evidence to a checklist item.`,
    `Your link works until ${until}; it opens only your items. You do not need an account.`,
  ];
  const zh = [
    `${i.personName}，您好：`,
    `${i.programCode} ${i.programName} 的 ${i.week} 周报将根据已记录的信息生成。请确认或更新您负责的事项：确认日期或填写原因后调整日期、将行动项标记为完成，或为检查项添加证据。`,
    `此链接有效期至 ${until}，只显示您的事项，无需账号。`,
  ];
  const text = [
    ...en,
    '',
    ...i.items.map((x) => `- ${itemLine(x)}`),
    '',
    `Open your items / 打开您的事项: ${i.link}`,
    '',
    ...zh,
    '',
    '--',
    `You get this e-mail because you own items of ${i.programCode} in Tollgate. / 您收到此邮件，是因为您在 Tollgate 中负责 ${i.programCode} 的事项。`,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    ...en.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<ul>${i.items.map((x) => `<li>${escapeHtml(itemLine(x))}</li>`).join('')}</ul>`,
    `<p><a href="${escapeHtml(i.link)}">Open your items / 打开您的事项</a></p>`,
    ...zh.map((l) => `<p lang="zh-CN">${escapeHtml(l)}</p>`),
    `<hr><p style="color:#555;font-size:90%">${escapeHtml(`You get this e-mail because you own items of ${i.programCode} in Tollgate.`)}</p>`,
    '</body></html>',
  ].join('\n');
  return {
    subject: subjectOf(`${i.programCode}: please update your items before the ${i.week} report / 请更新您的事项`),
    text: `${text}\n`,
    html,
  };
}
