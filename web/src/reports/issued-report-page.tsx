import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { issuedReportDocument, type ReportIssue } from '../../../src/domain/report/issued-report.js';
import type { ReportBlock, Run } from '../../../src/domain/report/report-document.js';
import type { WeeklyReport } from '../../../src/domain/report/weekly-report.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { PrintButton } from '../components/print-button.js';
import { useProblemText } from '../forms/problem-text.js';
import { useProgram } from '../lib/queries.js';
import { saveFile } from '../lib/save-file.js';
import { paths } from '../records/paths.js';
import { exportIssuedReport, issuedReportPdfUrl, useIssuedReport } from './reports-api.js';

function RunText({ run }: { run: Run }) {
  if (run.style === 'strong') return <strong>{run.text}</strong>;
  if (run.style === 'em') return <em className="muted">{run.text}</em>;
  return <>{run.text}</>;
}

/** One block of the report's document, as the Markdown, PDF and e-mail write it (domain/report/report-document.ts). */
function Block({ block }: { block: ReportBlock }) {
  switch (block.kind) {
    case 'heading':
      return block.level === 2 ? <h2>{block.text}</h2> : <h3>{block.text}</h3>;
    case 'paragraph':
      return (
        <p>
          {block.runs.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a paragraph's runs never reorder
            <RunText key={i} run={r} />
          ))}
        </p>
      );
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is the report's, in its order
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'table':
      return block.rows.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                {block.head.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are the report's, in its order
                <tr key={r}>
                  {row.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
                    <td key={i}>
                      <RunText run={c} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'narrative':
      return block.text === '' ? (
        <p className="muted">No narrative yet.</p>
      ) : (
        <div className="report-narrative">
          {block.text.split(/\n\s*\n/).map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text
            <p key={i}>{p.trimEnd()}</p>
          ))}
        </div>
      );
  }
}

/** Downloads an issued revision's Markdown or JSON, the bytes `tollgate report export` writes. */
function ExportButton({ code, week, revision, format }: { code: string; week: string; revision: number; format: 'md' | 'json' }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const download = async () => {
    setBusy(true);
    setFailure('');
    try {
      const file = await exportIssuedReport(code, week, revision, format);
      saveFile(file.fileName, file.content, file.mediaType);
    } catch (error) {
      setFailure(problemText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void download()}>
        {t(format === 'md' ? 'reports.issued.markdown' : 'reports.issued.json')}
      </button>
      {failure ? <span role="alert">{failure}</span> : null}
    </>
  );
}

/**
 * An issued weekly report as a page, read from its snapshot alone: the same words as its PDF, Markdown and
 * e-mail (one document writes them all), to read, print or download. The link of the report's e-mail.
 */
export function IssuedReportPage() {
  const { t } = useTranslation();
  const params = useParams();
  const code = params.programId ?? '';
  const week = params.week ?? '';
  const revision = params.revision ?? 'latest';
  const program = useProgram(code);
  const query = useIssuedReport(code, week, revision);
  const issued = query.data;
  const blocks = issued ? issuedReportDocument(issued.report as WeeklyReport, issued.issue as ReportIssue) : [];
  const [title, ...rest] = blocks;
  const heading = title?.kind === 'heading' ? title.text : t('reports.issued.title', { week });
  return (
    <article className="issued-report">
      <PageTitle page={heading} />
      <header className="page-head">
        <p className="eyebrow">
          <Link to={paths.program(code)}>{program.data?.name ?? code}</Link>
          <span className="code">{code}</span>
        </p>
        <h1>{heading}</h1>
        {issued ? (
          <p className="gate-pack__tools">
            <PrintButton />
            <a className="button button--secondary" href={issuedReportPdfUrl(code, issued.week, issued.revision)}>
              {t('reports.issued.pdf')}
            </a>
            <ExportButton code={code} week={issued.week} revision={issued.revision} format="md" />
            <ExportButton code={code} week={issued.week} revision={issued.revision} format="json" />
          </p>
        ) : null}
      </header>
      {query.error ? (
        <LoadError title={t('reports.issued.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
      ) : !issued ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        rest.map((b, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the document's blocks, in its order
          <Block key={i} block={b} />
        ))
      )}
    </article>
  );
}
