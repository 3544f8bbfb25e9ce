import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateText } from '../components/date-text.js';
import { InstantText } from '../components/instant-text.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { PrintButton } from '../components/print-button.js';
import { useProgram } from '../lib/queries.js';
import { paths } from '../records/paths.js';
import { EvidenceList } from './evidence-list.js';
import { GateStatusMark, ItemStateMark, usePersonName } from './gate-marks.js';
import { gatePackPdfUrl, useGate } from './gates-api.js';

/**
 * The gate checklist pack as a page to print: what must be true before progression, each item with
 * its evidence, status, and who accepted it and when. The same content as pack.pdf.
 */
export function GatePackPage() {
  const { t } = useTranslation();
  const params = useParams();
  const code = params.programId ?? '';
  const gateKey = params.gateKey ?? '';
  const program = useProgram(code);
  const query = useGate(code, gateKey);
  const g = query.data;
  const nameOf = usePersonName(g?.people ?? []);
  const title = g ? t('gates.pack.title', { gate: g.key, name: g.name }) : gateKey;

  return (
    <article className="gate-pack">
      <PageTitle page={program.data ? `${title} · ${program.data.name}` : title} />
      <header className="page-head">
        <p className="eyebrow">
          <Link to={paths.program(code)}>{program.data?.name ?? code}</Link>
          <span className="code">{code}</span>
        </p>
        <h1>{title}</h1>
        <p className="gate-pack__tools">
          <Link to={paths.gate(code, gateKey)}>{t('gates.pack.back', { gate: gateKey })}</Link>
          <PrintButton />
          <a className="button button--secondary" href={gatePackPdfUrl(code, gateKey)}>
            {t('gates.pack.pdf')}
          </a>
        </p>
      </header>
      {query.error ? (
        <LoadError title={t('gates.loadOneFailed')} error={query.error} onRetry={() => void query.refetch()} />
      ) : !g ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>{t('gates.col.status')}</dt>
              <dd>
                <GateStatusMark status={g.status} />
              </dd>
            </div>
            <div>
              <dt>{t('gates.owner')}</dt>
              <dd>{nameOf(g.ownerId)}</dd>
            </div>
            <div>
              <dt>{t('gates.review')}</dt>
              <dd>
                <DateText value={g.plannedReviewDate} missing={t('gates.noReviewDate')} />
              </dd>
            </div>
            <div>
              <dt>{t('gates.col.required')}</dt>
              <dd>{t('gates.requiredMet', { satisfied: g.counts.satisfied, required: g.counts.required })}</dd>
            </div>
            <div className="facts__wide">
              <dt>{t('gates.pack.mustHold')}</dt>
              <dd className="pre-line">{g.closeCriteria}</dd>
            </div>
          </dl>
          <table className="table table--pack">
            <caption className="table__caption">{t('gates.checklist', { count: g.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gates.pack.item')}</th>
                <th scope="col">{t('gates.col.status')}</th>
                <th scope="col">{t('gates.item.evidenceHeading')}</th>
                <th scope="col">{t('gates.pack.reviewed')}</th>
              </tr>
            </thead>
            <tbody>
              {g.items.map((i) => (
                <tr key={i.key}>
                  <th scope="row" className="cell-name">
                    <span className="code">{i.key}</span> {i.title}
                    <span className="cell-sub">
                      {i.isRequired ? t('gates.item.isRequired') : t('gates.item.optional')} · {nameOf(i.ownerId)} ·{' '}
                      <DateText value={i.dueDate} missing={t('records.noDueDate')} />
                    </span>
                  </th>
                  <td>
                    <ItemStateMark state={i.state} />
                  </td>
                  <td>
                    <EvidenceList programId={code} evidence={i.evidence} nameOf={nameOf} />
                    {i.submissionNote && <span className="cell-sub pre-line">{i.submissionNote}</span>}
                  </td>
                  <td>
                    {i.reviewedAt ? (
                      <>
                        {nameOf(i.reviewedById)}
                        <span className="cell-sub">
                          <InstantText value={i.reviewedAt} />
                        </span>
                        {i.waiverDecisionKey && (
                          <span className="cell-sub">{t('gates.item.waiverDecision', { key: i.waiverDecisionKey })}</span>
                        )}
                        {i.reviewComment && <span className="cell-sub pre-line">{i.reviewComment}</span>}
                      </>
                    ) : (
                      <span className="gap">{t('gates.pack.notReviewed')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </article>
  );
}
