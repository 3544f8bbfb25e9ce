import { assembleWeeklyReport } from '../../domain/report/assemble-weekly-report.js';
import { parseReportWeek, weekSpan } from '../../domain/report/iso-week.js';
import { lintWeeklyReport } from '../../domain/report/lint-weekly-report.js';
import { renderReportJson, sorted } from '../../domain/report/report-json.js';
import { compareInstants } from '../../domain/report/report-order.js';
import { revisionChanges } from '../../domain/report/report-revision.js';
import type { Result } from '../../domain/result.js';
import { refuse } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { abort, must } from '../transact.js';
import { insertRecord } from '../write-record.js';
import { programWrite } from '../write-sequence.js';
import { getIssuedReport, type IssuedReportView } from './issued-reports.js';
import { readReportWeek } from './read-report-week.js';
import type { ReportWeekInput } from './report-draft.js';

export interface IssueReportInput extends ReportWeekInput {
  /** Issue although the lint found something; recorded in the report. */
  readonly acknowledgeFindings?: boolean | undefined;
  readonly reason?: string | null | undefined;
}

/**
 * Issues a week's report (the cadence owner, report.issue): assembled from the record as it stands, in
 * the same transaction that freezes it as the week's next revision — an immutable snapshot of the model,
 * the input it was built from, its lint findings and, for a correction, what changed against the revision
 * before. Refused with REPORT_HAS_FINDINGS while the lint finds something, unless acknowledged; a week
 * that has not begun in the program's zone is refused.
 */
export async function issueReport(deps: AppDeps, input: IssueReportInput): Promise<Result<IssuedReportView>> {
  const week = parseReportWeek(input.week);
  if (!week.ok) return week;
  const label = week.value.label;
  const written = await programWrite(
    deps,
    { programId: input.programId, actor: input.actor, permission: 'report.issue', locksProgram: true, reason: input.reason },
    async ({ tx, program, now, meta }) => {
      if (compareInstants(now.toISOString(), weekSpan(week.value, program.timeZone).startAt) < 0) {
        const message = `${label} has not begun in ${program.timeZone}; a week is issued once it has.`;
        abort({ code: 'VALIDATION_FAILED', message, fields: [{ path: 'week', message }] });
      }
      const [draft, previous] = await Promise.all([tx.findReportDraft(program.id, label), tx.findIssuedReport(program.id, label)]);
      const reportInput = must(await readReportWeek(tx, program, week.value, now, draft?.narrative ?? ''));
      const report = assembleWeeklyReport(reportInput);
      const findings = lintWeeklyReport(report);
      const acknowledged = input.acknowledgeFindings === true;
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
      await insertRecord(
        deps,
        tx,
        {
          entity: 'issued_report',
          id: deps.newId(),
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
        },
      );
      return revision;
    },
  );
  if (!written.ok) return written;
  const view = await getIssuedReport(deps, { programId: input.programId, actor: input.actor, week: label, revision: written.value });
  return view.ok ? view : refuse(view.error.code, view.error.message);
}
