import type { Command } from 'commander';
import type { z } from 'zod';
import type { WeeklyReportSchema } from '../contract/report.js';
import { ReportExportQuerySchema, ReportWeekSchema, SetNarrativeSchema } from '../contract/report.js';
import type { LintFinding } from '../domain/report/lint-weekly-report.js';
import { renderReportMarkdown } from '../domain/report/render-report-markdown.js';
import type { WeeklyReport } from '../domain/report/weekly-report.js';
import { addActingOptions, withBackend } from './connect.js';
import { registerMeetingCommands } from './meeting-commands.js';
import { badOption, parseOption, readText, withFlags, writeExport } from './options.js';
import { emit, fail, outputOf, table } from './output.js';
import type { CliContext } from './session.js';
import { must } from './targets.js';
import { terminal } from './terminal.js';

// tollgate report draft|issue|show|export (issue 14): a program's weekly operating report.

const model = (r: z.output<typeof WeeklyReportSchema>): WeeklyReport => r as unknown as WeeklyReport;

const findingLines = (findings: readonly LintFinding[]): string =>
  findings.length === 0
    ? 'Lint: nothing found.'
    : `Lint: ${findings.length} finding${findings.length === 1 ? '' : 's'}\n${findings
        .map((f) => `  ${f.kind.replaceAll('_', ' ')}: ${f.key} ${f.title} (${f.path})`)
        .join('\n')}`;

const weekOption = (c: Command) => c.requiredOption('--week <week>', "the ISO week in the program's time zone, e.g. 2026-W49");

/** The revision given (a whole number from 1), else the week's latest. */
function revisionOf(raw: string | undefined): number | 'latest' {
  if (raw === undefined) return 'latest';
  const n = Number(raw.trim());
  return Number.isInteger(n) && n >= 1 ? n : badOption(outputOf({}), '--revision', 'A whole number from 1.', raw);
}

export function registerReportCommands(cli: Command, ctx: CliContext): void {
  const group = cli.command('report').description("A program's weekly operating report: the draft, its narrative, issuing, issued reports");

  addActingOptions(
    weekOption(
      group
        .command('draft')
        .description("The week's draft as Markdown, with its lint; --narrative (cadence owner) writes its narrative first")
        .argument('<program>', 'program code or id'),
    )
      .option('--narrative <text>', `the cadence owner's words (at most 4000 characters)`)
      .option('--narrative-file <file>', 'read the narrative from a file')
      .option('--json', "print the API's JSON (ReportDraft)"),
  ).action(async (programRef: string, o: { week: string; narrative?: string; narrativeFile?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const week = parseOption(out, '--week', ReportWeekSchema, o.week.trim());
    if (o.narrative !== undefined && o.narrativeFile !== undefined)
      badOption(out, '--narrative', 'Give --narrative or --narrative-file, not both.');
    const text = o.narrativeFile !== undefined ? readText(out, '--narrative-file', o.narrativeFile) : o.narrative;
    await withBackend(ctx, cmd, out, async (b) => {
      const params = { programId: programRef.trim(), week };
      let draft = must(out, await b.getReportDraft({ params }));
      if (text !== undefined) {
        const body = parseOption(out, '--narrative', SetNarrativeSchema, { narrative: text, version: draft.narrativeVersion });
        const r = await b.setReportNarrative({ params, body });
        draft = r.ok ? r.value : fail(out, withFlags(r.error, { narrative: '--narrative' }));
      }
      const d = draft;
      emit(out, d, () =>
        [
          renderReportMarkdown(model(d.report)),
          findingLines(d.findings),
          d.latestRevision === null ? `${week} is not issued yet.` : `${week} was issued; its latest revision is ${d.latestRevision}.`,
        ].join('\n'),
      );
    });
  });

  addActingOptions(
    weekOption(
      group
        .command('issue')
        .description("Issue the week's report (cadence owner): frozen as the week's next revision")
        .argument('<program>', 'program code or id'),
    )
      .option('--acknowledge-findings', 'issue although the lint finds something (recorded in the report)')
      .option('--reason <text>', 'why (kept in the change log), e.g. what a correction corrects')
      .option('--json', "print the API's JSON (IssuedReport)"),
  ).action(
    async (programRef: string, o: { week: string; acknowledgeFindings?: boolean; reason?: string; json?: boolean }, cmd: Command) => {
      const out = outputOf(o);
      const week = parseOption(out, '--week', ReportWeekSchema, o.week.trim());
      await withBackend(ctx, cmd, out, async (b) => {
        const r = await b.issueReport({
          params: { programId: programRef.trim(), week },
          body: { acknowledgeFindings: o.acknowledgeFindings === true, reason: o.reason },
        });
        const issued = r.ok
          ? r.value
          : fail(out, withFlags(r.error, { acknowledgeFindings: '--acknowledge-findings', reason: '--reason' }));
        emit(out, issued, () => {
          const c = issued.issue.changesFromPrevious;
          return [
            `Issued ${issued.programCode} ${issued.week} revision ${issued.revision} at ${issued.issuedAt}.`,
            ...(issued.findingsAcknowledged ? [`${issued.issue.findings.length} lint findings acknowledged.`] : []),
            ...(c ? [`${c.differences.length + c.more} differences against revision ${c.revision}.`] : []),
          ].join('\n');
        });
      });
    },
  );

  addActingOptions(
    group
      .command('show')
      .description('Issued reports: the list, or with --week one revision (the latest unless --revision) as Markdown')
      .argument('<program>', 'program code or id')
      .option('--week <week>', "the ISO week in the program's time zone, e.g. 2026-W49")
      .option('--revision <n>', 'the revision (default: the latest)')
      .option('--json', "print the API's JSON (IssuedReport, or { items, nextCursor })"),
  ).action(async (programRef: string, o: { week?: string; revision?: string; json?: boolean }, cmd: Command) => {
    const out = outputOf(o);
    const week = o.week === undefined ? undefined : parseOption(out, '--week', ReportWeekSchema, o.week.trim());
    if (o.revision !== undefined && week === undefined) badOption(out, '--revision', 'Give --week with --revision.');
    await withBackend(ctx, cmd, out, async (b) => {
      const programId = programRef.trim();
      if (week === undefined) {
        const list = must(out, await b.listIssuedReports({ params: { programId }, query: { limit: 100 } }));
        emit(out, list, () =>
          list.items.length === 0
            ? 'No issued reports.'
            : table(
                ['Week', 'Revision', 'Issued (UTC)', 'By', 'Findings'],
                list.items.map((i) => [
                  i.week,
                  String(i.revision),
                  i.issuedAt,
                  i.issuedBy.name ?? i.issuedBy.id,
                  i.findingsAcknowledged ? 'acknowledged' : '–',
                ]),
              ),
        );
        return;
      }
      const revision = revisionOf(o.revision);
      const params = { programId, week, revision };
      if (o.json) emit(out, must(out, await b.getIssuedReport({ params })), () => '');
      else terminal().stdout.write(must(out, await b.exportIssuedReport({ params, query: { format: 'md' } })).content);
    });
  });

  addActingOptions(
    weekOption(
      group
        .command('export')
        .description('An issued revision as Markdown, JSON or PDF, re-rendered from its snapshot')
        .argument('<program>', 'program code or id'),
    )
      .option('--revision <n>', 'the revision (default: the latest)')
      .option('--format <f>', 'md, json or pdf (default md)')
      .option('--out <file>', 'write it to this file (default: print it; a PDF goes to PROGRAM-WEEK.pdf here)'),
  ).action(async (programRef: string, o: { week: string; revision?: string; format?: string; out?: string }, cmd: Command) => {
    const out = outputOf({});
    const week = parseOption(out, '--week', ReportWeekSchema, o.week.trim());
    const isPdf = o.format?.trim() === 'pdf';
    const format = isPdf ? 'md' : parseOption(out, '--format', ReportExportQuerySchema.shape.format, o.format?.trim());
    if (o.out !== undefined && o.out.trim() === '') badOption(out, '--out', 'Give a file name.');
    await withBackend(ctx, cmd, out, async (b) => {
      const programId = programRef.trim();
      const revision = revisionOf(o.revision);
      const file = isPdf
        ? await (async () => {
            const r = must(out, await b.issuedReportPdf(programId, week, revision));
            return { fileName: r.fileName, content: r.pdf as Uint8Array | string };
          })()
        : must(out, await b.exportIssuedReport({ params: { programId, week, revision }, query: { format } }));
      writeExport(out, file, o.out, isPdf);
    });
  });

  registerMeetingCommands(group, ctx);
}
