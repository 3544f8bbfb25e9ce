import { DateTime } from 'luxon';
import type { LintFinding } from './lint-weekly-report.js';
import { renderBlocksMarkdown } from './render-report-markdown.js';
import { type ReportBlock, reportDocument } from './report-document.js';
import { sorted } from './report-json.js';
import type { RevisionChanges } from './report-revision.js';
import type { WeeklyReport } from './weekly-report.js';

/** What issuing added to a report's model: its number, when and by whom, the lint it was issued with, what it corrected. */
export interface ReportIssue {
  readonly revision: number;
  readonly issuedAt: string;
  readonly issuedById: string;
  readonly findings: readonly LintFinding[];
  /** The issuer issued with findings left and said so (acknowledgeFindings). */
  readonly findingsAcknowledged: boolean;
  /** Issued by the charter's schedule, its findings acknowledged automatically (absent when a person issued it). */
  readonly isAutomatic?: true;
  /** Against the revision before; null for revision 1. */
  readonly changesFromPrevious: RevisionChanges | null;
}

/** The renderings of an issued report this side of PDF: Markdown and JSON. */
export const exportFormats = ['md', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A correction's differences against the revision before, one line each (the e-mail and the issue section). */
export const correctionLines = (c: RevisionChanges): string[] => [
  ...c.differences.map((d) => `${d.path}: ${JSON.stringify(d.from)} → ${JSON.stringify(d.to)}`),
  ...(c.more > 0 ? [`… and ${c.more} more`] : []),
];

/** How a report was issued: the revision and instant in the program's zone, the findings it was issued with, what a correction changed. */
export function issueBlocks(report: WeeklyReport, issue: ReportIssue): ReportBlock[] {
  const at = DateTime.fromISO(issue.issuedAt, { zone: report.program.timeZone }).toISO({ suppressMilliseconds: true }) ?? issue.issuedAt;
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 2, text: 'Issue' },
    { kind: 'paragraph', runs: [{ text: `Revision ${issue.revision} of ${report.week}, issued ${at}.` }] },
  ];
  if (issue.isAutomatic)
    blocks.push({
      kind: 'paragraph',
      runs: [{ text: "Issued automatically at the charter's report day and time; its lint findings were acknowledged automatically." }],
    });
  if (issue.findings.length > 0) {
    blocks.push(
      {
        kind: 'paragraph',
        runs: [
          {
            text: `Issued with ${plural(issue.findings.length, 'lint finding', 'lint findings')}${issue.findingsAcknowledged ? ', acknowledged' : ''}:`,
          },
        ],
      },
      { kind: 'list', items: issue.findings.map((f) => `${f.kind.replaceAll('_', ' ')}: ${f.key} ${f.title.replaceAll('\n', ' ')}`) },
    );
  }
  const c = issue.changesFromPrevious;
  if (c) {
    blocks.push(
      {
        kind: 'paragraph',
        runs: [{ text: `Changed against revision ${c.revision}: ${plural(c.differences.length + c.more, 'difference', 'differences')}.` }],
      },
      { kind: 'list', items: correctionLines(c) },
    );
  }
  return blocks;
}

/** An issued report as a document: the report, then how it was issued. Markdown and the PDF write it; both come from the snapshot alone. */
export const issuedReportDocument = (report: WeeklyReport, issue: ReportIssue): ReportBlock[] => [
  ...reportDocument(report),
  ...issueBlocks(report, issue),
];

/** An issued report as Markdown: the same text whenever it is rendered. */
export const renderIssuedReportMarkdown = (report: WeeklyReport, issue: ReportIssue): string =>
  renderBlocksMarkdown(issuedReportDocument(report, issue));

/** An issued report as JSON: `{ report, issue }`, keys sorted and indented like the report's own JSON (report-json.ts). */
export const renderIssuedReportJson = (report: WeeklyReport, issue: ReportIssue): string =>
  `${JSON.stringify(sorted({ report, issue }), null, 2)}\n`;
