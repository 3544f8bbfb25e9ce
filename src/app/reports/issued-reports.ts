import type { UserId } from '../../domain/ids.js';
import { parseReportWeek } from '../../domain/report/iso-week.js';
import {
  type ExportFormat,
  type ReportIssue,
  renderIssuedReportJson,
  renderIssuedReportMarkdown,
} from '../../domain/report/issued-report.js';
import type { WeeklyReport } from '../../domain/report/weekly-report.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { badCursor, decodeCursor, encodeCursor, type Page, pageOf } from '../paging.js';
import type { IssuedReportHead, IssuedReportRecord } from '../ports.js';

/** An issued report as listed: its week, revision, when and by whom. */
export interface IssuedReportSummary {
  readonly programCode: string;
  readonly week: string;
  readonly revision: number;
  readonly issuedAt: string;
  readonly issuedBy: { readonly id: string; readonly name: string | null };
  readonly findingsAcknowledged: boolean;
  readonly isAutomatic: boolean;
}

/** An issued report whole, read from its snapshot only. */
export interface IssuedReportView extends IssuedReportSummary {
  readonly report: WeeklyReport;
  readonly issue: ReportIssue;
}

export interface IssuedReportInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly week: string;
  /** The week's latest when absent or `latest`. */
  readonly revision?: number | 'latest' | undefined;
}

const tag = 'reports';

const summary = (code: string, h: IssuedReportHead, names: ReadonlyMap<string, string>): IssuedReportSummary => ({
  programCode: code,
  week: h.week,
  revision: h.revision,
  issuedAt: h.issuedAt,
  issuedBy: { id: h.issuedById, name: names.get(h.issuedById) ?? null },
  findingsAcknowledged: h.findingsAcknowledged,
  isAutomatic: h.isAutomatic,
});

/** The snapshot's issue, as it was written. */
export const issueOf = (r: IssuedReportRecord): ReportIssue => ({
  revision: r.revision,
  issuedAt: r.issuedAt,
  issuedById: r.issuedById,
  findings: JSON.parse(r.findings),
  findingsAcknowledged: r.findingsAcknowledged,
  ...(r.isAutomatic ? { isAutomatic: true as const } : {}),
  changesFromPrevious: r.changesFromPrevious === null ? null : JSON.parse(r.changesFromPrevious),
});

/** A program's issued reports, newest issued first, a page at a time; everyone who reads the program reads them. */
export async function listIssuedReports(
  deps: AppDeps,
  input: { readonly programId: string; readonly actor: Actor; readonly limit: number; readonly cursor?: string | undefined },
): Promise<Result<Page<IssuedReportSummary>>> {
  let after: { issuedAt: string; id: string } | undefined;
  if (input.cursor !== undefined) {
    const place = decodeCursor(tag, input.cursor, 2);
    if (!place) return badCursor();
    after = { issuedAt: place[0] as string, id: place[1] as string };
  }
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program } = found.value;
  const rows = await r.listIssuedReports(program.id, { after, limit: input.limit + 1 });
  const page = pageOf(rows, input.limit, (last) => encodeCursor(tag, [last.issuedAt, last.id]));
  const names = new Map((await r.findUsers([...new Set(page.items.map((h) => h.issuedById))])).map((u) => [u.id as string, u.name]));
  return ok({ items: page.items.map((h) => summary(program.code, h, names)), nextCursor: page.nextCursor });
}

/** One issued revision of a week (the latest when none is named), from its snapshot alone. */
export async function getIssuedReport(deps: AppDeps, input: IssuedReportInput): Promise<Result<IssuedReportView>> {
  const week = parseReportWeek(input.week);
  if (!week.ok) return week;
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program } = found.value;
  const revision = input.revision === 'latest' ? undefined : input.revision;
  const row = await r.findIssuedReport(program.id, week.value.label, revision);
  if (!row) {
    const which = revision === undefined ? '' : ` revision ${revision}`;
    return refuse('REPORT_NOT_FOUND', `${program.code} has no issued report of ${week.value.label}${which}.`);
  }
  const issuer = await r.findUser(row.issuedById as UserId);
  const names = new Map(issuer ? [[issuer.id as string, issuer.name]] : []);
  return ok({ ...summary(program.code, row, names), report: JSON.parse(row.model) as WeeklyReport, issue: issueOf(row) });
}

/** A rendering of an issued report, as a file. */
export interface ReportExport {
  readonly fileName: string;
  readonly mediaType: 'text/markdown' | 'application/json';
  readonly content: string;
}

/** An issued report's Markdown or JSON, re-rendered from its snapshot only: the same bytes whenever asked, whatever changed since. */
export async function exportIssuedReport(
  deps: AppDeps,
  input: IssuedReportInput & { readonly format: ExportFormat },
): Promise<Result<ReportExport>> {
  const found = await getIssuedReport(deps, input);
  if (!found.ok) return found;
  const { report, issue, programCode, week, revision } = found.value;
  const base = `${programCode}-${week}-r${revision}`;
  return ok(
    input.format === 'md'
      ? { fileName: `${base}.md`, mediaType: 'text/markdown', content: renderIssuedReportMarkdown(report, issue) }
      : { fileName: `${base}.json`, mediaType: 'application/json', content: renderIssuedReportJson(report, issue) },
  );
}
