import { type ReportBlock, type Run, reportDocument } from '../report/report-document.js';
import type { WeeklyReport } from '../report/weekly-report.js';
import { escapeHtml } from './mail-text.js';
import { type RenderedMail, subjectOf } from './notice-mail.js';

// The e-mail of an issued weekly report: the report itself in both parts (the report's document written as
// HTML and as plain text), its link, and why the reader gets it. The PDF rides along as an attachment.

export interface ReportMailInput {
  readonly report: WeeklyReport;
  /** 1 for the report as first issued, 2 and on for corrections. */
  readonly revision: number;
  /** What a correction changed against the revision before, one line each (empty for revision 1). */
  readonly corrections: readonly string[];
  /** The issued report in Tollgate, absolute. */
  readonly link: string;
}

/** The subject: program, week, revision and the one-line answer. */
const subjectFor = (i: ReportMailInput): string =>
  `${i.report.program.code} weekly report ${i.report.week}${i.revision > 1 ? ` (revision ${i.revision})` : ''}: ${i.report.onTrack.text}`;

const runText = (r: Run) => r.text;

/** A block of a document as plain-text lines (the leadership view's e-mail writes its document the same way). */
export function textBlock(b: ReportBlock): string[] {
  switch (b.kind) {
    case 'heading':
      return b.level === 3 ? [b.text, ''] : [b.text, (b.level === 1 ? '=' : '-').repeat(Math.min(b.text.length, 72)), ''];
    case 'paragraph':
      return [b.runs.map(runText).join(''), ''];
    case 'list':
      return [...b.items.map((i) => `- ${i}`), ''];
    case 'table':
      if (b.rows.length === 0) return ['None.', ''];
      // One line a row: the columns named, empty ones left out, so a narrow mail reader wraps it sensibly.
      return [
        ...b.rows.map(
          (r) =>
            `* ${r
              .map((c, i) => (i === 0 || b.head[i] === '' ? c.text : c.text === '' ? '' : `${b.head[i]}: ${c.text}`))
              .filter((s) => s !== '')
              .join('; ')}`,
        ),
        '',
      ];
    case 'narrative':
      return [b.text === '' ? 'No narrative yet.' : b.text, ''];
  }
}

const runHtml = (r: Run): string =>
  r.style === 'strong'
    ? `<strong>${escapeHtml(r.text)}</strong>`
    : r.style === 'em'
      ? `<em style="color:#5b626b">${escapeHtml(r.text)}</em>`
      : escapeHtml(r.text);

const cellStyle = 'style="border:1px solid #c3c8cf;padding:3px 6px;text-align:left;vertical-align:top"';

/** A block of a document as HTML with inline styles, as mail readers need. */
export function htmlBlock(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${b.runs.map(runHtml).join('')}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table':
      if (b.rows.length === 0) return '<p><em style="color:#5b626b">None.</em></p>';
      return [
        '<table style="border-collapse:collapse;font-size:90%">',
        `<thead><tr>${b.head.map((h) => `<th ${cellStyle}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
        `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td ${cellStyle}>${runHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody>`,
        '</table>',
      ].join('');
    case 'narrative':
      return b.text === ''
        ? '<p><em style="color:#5b626b">No narrative yet.</em></p>'
        : b.text
            .split(/\n\s*\n/)
            .map((p) => `<p>${escapeHtml(p.trimEnd()).replaceAll('\n', '<br>')}</p>`)
            .join('');
  }
}

/** The e-mail of an issued report to the charter's recipients: the whole report in both parts, its link, the PDF attached by the sender. */
export function renderReportMail(input: ReportMailInput): RenderedMail {
  const blocks = reportDocument(input.report);
  const why = `You get this e-mail because you are a recipient of the weekly report in the ${input.report.program.code} charter. The PDF is attached.`;
  const correction =
    input.revision > 1
      ? [`This is revision ${input.revision}: it corrects the report issued before.`, ...input.corrections.map((c) => `- ${c}`), '']
      : [];
  const text = [...correction, ...blocks.flatMap(textBlock), `Open in Tollgate: ${input.link}`, '', '--', why].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    ...(input.revision > 1
      ? [
          `<p><strong>${escapeHtml(`This is revision ${input.revision}: it corrects the report issued before.`)}</strong></p>`,
          `<ul>${input.corrections.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>`,
        ]
      : []),
    ...blocks.map(htmlBlock),
    `<p><a href="${escapeHtml(input.link)}">Open in Tollgate</a></p>`,
    `<hr><p style="color:#555;font-size:90%">${escapeHtml(why)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: subjectOf(subjectFor(input)), text: `${text}\n`, html };
}
