import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { addDays, type PlainDate } from '../../../src/domain/plain-date.js';
import { parseReportWeek, weekOfDate } from '../../../src/domain/report/iso-week.js';
import { DateText } from '../components/date-text.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { formatTimeZone } from '../lib/format.js';
import { chartUrls } from '../lib/plan-view-queries.js';
import { useProgram } from '../lib/queries.js';
import { ChartImage } from '../plan/chart-image.js';
import { paths } from '../records/paths.js';
import { DraftAnswers } from './draft-answers.js';
import { DraftSections } from './draft-sections.js';
import { IssueReportForm } from './issue-form.js';
import { LintList } from './lint-list.js';
import { MeetingSection } from './meeting-section.js';
import { NarrativeEditor } from './narrative-editor.js';
import { useReportDraft } from './reports-api.js';

/** The address of a week's draft. */
export const reportDraftPath = (code: string, week: string) => `${paths.program(code)}/reports/${encodeURIComponent(week)}`;

/** /programs/:code/reports: this week's draft, this week being the factory's (the program's today). */
export function ThisWeekReportRedirect() {
  const code = useParams().programId ?? '';
  const program = useProgram(code);
  const { t } = useTranslation();
  if (program.error)
    return <LoadError title={t('reports.draft.loadFailed')} error={program.error} onRetry={() => void program.refetch()} />;
  if (!program.data) return <p className="muted">{t('common.loading')}</p>;
  return <Navigate replace to={reportDraftPath(code, weekOfDate(program.data.today as PlainDate).label)} />;
}

/** Back one week and on one, and this week's; the week's dates in the program's zone. */
function WeekNav({ code, week, today }: { code: string; week: string; today: string | undefined }) {
  const { t } = useTranslation();
  const parsed = parseReportWeek(week);
  if (!parsed.ok) return null;
  const w = parsed.value;
  const prev = weekOfDate(addDays(w.start, -7)).label;
  const next = weekOfDate(addDays(w.start, 7)).label;
  const current = today ? weekOfDate(today as PlainDate).label : null;
  return (
    <nav className="report-week-nav" aria-label={t('reports.draft.weekNav')}>
      <Link to={reportDraftPath(code, prev)} rel="prev">
        ← {prev}
      </Link>
      {current !== null && current !== week && <Link to={reportDraftPath(code, current)}>{t('reports.draft.thisWeek')}</Link>}
      <Link to={reportDraftPath(code, next)} rel="next">
        {next} →
      </Link>
    </nav>
  );
}

/**
 * A program's weekly report draft for one ISO week: the answer first (on track? release readiness), the lint
 * with a link to fix each finding, the narrative and Issue for the cadence owner, the week's issued revisions,
 * the five headings with plan vs actual and the milestone trend chart, and the cadence meeting. Read-only for
 * everyone else who reads the program.
 */
export function ReportDraftPage() {
  const { t } = useTranslation();
  const params = useParams();
  const code = params.programId ?? '';
  const week = params.week ?? '';
  const program = useProgram(code);
  const query = useReportDraft(code, week);
  const draft = query.data;
  const title = t('reports.draft.title', { week });
  const zone = program.data?.timeZone;
  return (
    <article className="report-draft">
      <PageTitle page={title} />
      <header className="page-head">
        <p className="eyebrow">
          <Link to={paths.program(code)}>{program.data?.name ?? code}</Link>
          <span className="code">{code}</span>
        </p>
        <h1>{title}</h1>
        {draft && (
          <p className="muted">
            {t('reports.draft.span', { zone: zone ? formatTimeZone(zone) : '' })} <DateText value={draft.report.startDate} /> –{' '}
            <DateText value={draft.report.endDate} />
          </p>
        )}
        <WeekNav code={code} week={week} today={program.data?.today} />
      </header>
      {query.error ? (
        <LoadError title={t('reports.draft.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
      ) : !draft ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <DraftAnswers report={draft.report} />
          <section className="section" aria-labelledby="report-issued">
            <h2 id="report-issued">{t('reports.draft.issued.heading')}</h2>
            {draft.latestRevision === null ? (
              <p className="muted">{t('reports.draft.issued.none')}</p>
            ) : (
              <ul className="report-revisions">
                {Array.from({ length: draft.latestRevision }, (_, i) => i + 1).map((r) => (
                  <li key={r}>
                    <Link to={`${reportDraftPath(code, week)}/${r}`}>{t('reports.draft.issued.revision', { revision: r, week })}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <LintList findings={draft.findings} />
          <section className="section" aria-labelledby="report-narrative">
            <h2 id="report-narrative">{t('reports.draft.narrative.heading')}</h2>
            {draft.canIssue ? (
              <NarrativeEditor programId={code} week={week} narrative={draft.report.narrative} version={draft.narrativeVersion} />
            ) : draft.report.narrative === '' ? (
              <p className="muted">{t('reports.draft.narrative.empty')}</p>
            ) : (
              <div className="report-narrative pre-line">{draft.report.narrative}</div>
            )}
          </section>
          {draft.canIssue && (
            <section className="section" aria-labelledby="report-issue">
              <h2 id="report-issue">{t('reports.draft.issue.heading')}</h2>
              <IssueReportForm programId={code} week={week} findings={draft.findings.length} latestRevision={draft.latestRevision} />
            </section>
          )}
          <DraftSections report={draft.report} />
          <section className="section" aria-labelledby="report-mta">
            <h2 id="report-mta">{t('reports.draft.h.trend')}</h2>
            <ChartImage src={chartUrls.mta(code, null, draft.report.asOf)} alt={t('reports.draft.trendAlt')} width={960} height={480} />
          </section>
          <MeetingSection programId={code} week={week} />
        </>
      )}
    </article>
  );
}
