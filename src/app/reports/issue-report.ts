import { assembleWeeklyReport } from '../../domain/report/assemble-weekly-report.js';
import { parseReportWeek, weekSpan } from '../../domain/report/iso-week.js';
import type { ReportIssue } from '../../domain/report/issued-report.js';
import { lintWeeklyReport } from '../../domain/report/lint-weekly-report.js';
import { renderReportJson, sorted } from '../../domain/report/report-json.js';
import { compareInstants } from '../../domain/report/report-order.js';
import { revisionChanges } from '../../domain/report/report-revision.js';
import type { WeeklyReport } from '../../domain/report/weekly-report.js';
import type { Result } from '../../domain/result.js';
import { refuse } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { abort, must } from '../transact.js';
import { insertRecord } from '../write-record.js';
import { programWrite } from '../write-sequence.js';
import { getIssuedReport, type IssuedReportView } from './issued-reports.js';
import { mailIssuedReport } from './mail-issued-report.js';
import { readReportWeek } from './read-report-week.js';
import type { ReportWeekInput } from './report-draft.js';

export interface IssueReportInput extends ReportWeekInput {
  /** Issue although the lint found something; recorded in the report. */
  readonly acknowledgeFindings?: boolean | undefined;
  readonly reason?: string | null | undefined;
}

/**
 * Writes the week's next revision (or, automatically, the first only): assembled from the record as it
 * stands, in the same transaction that freezes it, under the program's lock. Answers the revision
 * written, or null when `automatic` found the week issued already (by hand, or by another instance).
 */
async function writeRevision(deps: AppDeps, input: IssueReportInput, automatic: boolean): Promise<Result<number | null>> {
  const week = parseReportWeek(input.week);
  if (!week.ok) return week;
  const label = week.value.label;
  return programWrite(
    deps,
    { programId: input.programId, actor: input.actor, permission: 'report.issue', locksProgram: true, reason: input.reason },
    async ({ tx, program, now, meta }) => {
      if (compareInstants(now.toISOString(), weekSpan(week.value, program.timeZone).startAt) < 0) {
        const message = `${label} has not begun in ${program.timeZone}; a week is issued once it has.`;
        abort({ code: 'VALIDATION_FAILED', message, fields: [{ path: 'week', message }] });
      }
      const [draft, previous] = await Promise.all([tx.findReportDraft(program.id, label), tx.findIssuedReport(program.id, label)]);
      // Once a week, whoever runs it: read under the program's lock, so a second instance sees the first's issue.
      if (automatic && previous) return null;
      const reportInput = must(await readReportWeek(tx, program, week.value, now, draft?.narrative ?? ''));
      const report = assembleWeeklyReport(reportInput);
      const findings = lintWeeklyReport(report);
      const acknowledged = automatic || input.acknowledgeFindings === true;
      if (findings.length > 0 && !acknowledged) {
        abort({
          code: 'REPORT_HAS_FINDINGS',
          message: `The report of ${label} has ${findings.length} lint finding${findings.length === 1 ? '' : 's'}; fix them, or issue with acknowledgeFindings: true.`,
          fields: findings.map((f, i) => ({ path: `findings.${i}`, message: `${f.kind}: ${f.key} ${f.title} (${f.path})` })),
        });
      }
      const model = renderReportJson(report);
      const { calendar: _calendar, ...kept } = reportInput;
      const revision = (previous?.revision ?? 0) + 1;
      const changes = previous ? revisionChanges(JSON.parse(previous.model), JSON.parse(model), previous.revision) : null;
      // The snapshot's text is in its row for good (never updated); the log says it was set, not the megabyte.
      const id = deps.newId();
      await insertRecord(
        deps,
        tx,
        {
          entity: 'issued_report',
          id,
          programId: program.id,
          entityKey: `${label} r${revision}`,
          meta,
          secret: ['model', 'input'],
        },
        {
          programId: program.id,
          week: label,
          revision,
          issuedAt: meta.at,
          issuedById: input.actor.id,
          model,
          input: `${JSON.stringify(sorted(kept), null, 2)}\n`,
          findings: JSON.stringify(findings),
          findingsAcknowledged: findings.length > 0 && acknowledged,
          changesFromPrevious: changes === null ? null : JSON.stringify(changes),
          isAutomatic: automatic,
        },
      );
      // To the charter's recipients with the PDF attached, sent after commit (nothing when the issue is refused).
      const issue: ReportIssue = {
        revision,
        issuedAt: meta.at,
        issuedById: input.actor.id,
        findings,
        findingsAcknowledged: findings.length > 0 && acknowledged,
        ...(automatic ? { isAutomatic: true as const } : {}),
        changesFromPrevious: changes,
      };
      await mailIssuedReport(deps, tx, program.id, { id, report: JSON.parse(model) as WeeklyReport, issue });
      return revision;
    },
  );
}

/**
 * Issues a week's report (the cadence owner, report.issue): frozen as the week's next revision — an
 * immutable snapshot of the model, the input it was built from, its lint findings and, for a correction,
 * what changed against the revision before — and e-mailed to the charter's recipients. Refused with
 * REPORT_HAS_FINDINGS while the lint finds something, unless acknowledged; a week that has not begun in
 * the program's zone is refused.
 */
export async function issueReport(deps: AppDeps, input: IssueReportInput): Promise<Result<IssuedReportView>> {
  const written = await writeRevision(deps, input, false);
  if (!written.ok) return written;
  const view = await getIssuedReport(deps, {
    programId: input.programId,
    actor: input.actor,
    week: input.week,
    revision: written.value ?? undefined,
  });
  return view.ok ? view : refuse(view.error.code, view.error.message);
}

/**
 * Issues the week's first revision by the charter's schedule (app/reports/auto-issue-reports.ts), as the
 * cadence owner given, findings acknowledged automatically and recorded as such; nothing (null) when the
 * week was issued already — so two instances at the same moment issue it once.
 */
export const autoIssueReport = (deps: AppDeps, input: ReportWeekInput & { readonly reason: string }): Promise<Result<number | null>> =>
  writeRevision(deps, { ...input, acknowledgeFindings: true }, true);
