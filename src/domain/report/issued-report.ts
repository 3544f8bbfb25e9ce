import { DateTime } from 'luxon';
import type { LintFinding } from './lint-weekly-report.js';
import { renderReportMarkdown } from './render-report-markdown.js';
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
  /** Against the revision before; null for revision 1. */
  readonly changesFromPrevious: RevisionChanges | null;
}

/** The renderings of an issued report this side of PDF: Markdown and JSON. */
export const exportFormats = ['md', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * An issued report as Markdown: the report (render-report-markdown.ts), then how it was issued — the
 * revision and instant in the program's zone, the findings acknowledged, what a correction changed.
 * Both come from the snapshot alone, so the text is the same whenever it is rendered.
 */
export function renderIssuedReportMarkdown(report: WeeklyReport, issue: ReportIssue): string {
  const at = DateTime.fromISO(issue.issuedAt, { zone: report.program.timeZone }).toISO({ suppressMilliseconds: true }) ?? issue.issuedAt;
  const lines = ['## Issue', '', `Revision ${issue.revision} of ${report.week}, issued ${at}.`, ''];
  if (issue.findings.length > 0) {
    lines.push(
      `Issued with ${plural(issue.findings.length, 'lint finding', 'lint findings')}${issue.findingsAcknowledged ? ', acknowledged' : ''}:`,
      '',
      ...issue.findings.map((f) => `- ${f.kind.replaceAll('_', ' ')}: ${f.key} ${f.title.replaceAll('\n', ' ')}`),
      '',
    );
  }
  const c = issue.changesFromPrevious;
  if (c) {
    lines.push(
      `Changed against revision ${c.revision}: ${plural(c.differences.length + c.more, 'difference', 'differences')}.`,
      '',
      ...c.differences.map((d) => `- \`${d.path}\`: ${JSON.stringify(d.from)} → ${JSON.stringify(d.to)}`),
      ...(c.more > 0 ? [`- … and ${c.more} more`] : []),
      '',
    );
  }
  return `${renderReportMarkdown(report)}\n${lines.join('\n')}`;
}

/** An issued report as JSON: `{ report, issue }`, keys sorted and indented like the report's own JSON (report-json.ts). */
export const renderIssuedReportJson = (report: WeeklyReport, issue: ReportIssue): string =>
  `${JSON.stringify(sorted({ report, issue }), null, 2)}\n`;
