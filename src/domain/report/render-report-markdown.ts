import { type ReportBlock, type Run, reportDocument } from './report-document.js';
import type { WeeklyReport } from './weekly-report.js';

/** CommonMark punctuation that would turn a person's text into markup or break a table row. */
const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);

const run = (r: Run): string =>
  r.text === ''
    ? ''
    : r.style === 'strong'
      ? `**${escapeMarkdown(r.text)}**`
      : r.style === 'em'
        ? `_${escapeMarkdown(r.text)}_`
        : escapeMarkdown(r.text);

/** The narrative's lines as the cadence owner typed them: a line break stays one (a backslash hard break), a blank line a new paragraph. */
function narrativeMarkdown(text: string): string {
  const lines = text.split('\n').map((l) => escapeMarkdown(l.trimEnd()));
  return lines.map((l, i) => (l !== '' && (lines[i + 1] ?? '') !== '' ? `${l}\\` : l)).join('\n');
}

function block(b: ReportBlock): string[] {
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`, ''];
    case 'paragraph':
      return [b.runs.map(run).join(''), ''];
    case 'list':
      return [...b.items.map((i) => `- ${escapeMarkdown(i)}`), ''];
    case 'table':
      if (b.rows.length === 0) return ['_None._', ''];
      return [
        `| ${b.head.join(' | ')} |`,
        `|${b.head.map(() => ' --- |').join('')}`,
        ...b.rows.map((r) => `| ${r.map(run).join(' | ')} |`),
        '',
      ];
    case 'narrative':
      return [b.text === '' ? '_No narrative yet._' : narrativeMarkdown(b.text), ''];
  }
}

/** A document (report-document.ts) as Markdown: CommonMark with GFM tables. */
export const renderBlocksMarkdown = (blocks: readonly ReportBlock[]): string => blocks.flatMap(block).join('\n');

/** The report as Markdown: a writer of the report's document. */
export const renderReportMarkdown = (report: WeeklyReport): string => renderBlocksMarkdown(reportDocument(report));
