import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateText } from '../components/date-text.js';
import { LoadError } from '../components/load-error.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import { useProgram } from '../lib/queries.js';
import { RecordsHeader } from '../program/records-header.js';
import { paths } from '../records/paths.js';
import { GateStatusMark, usePersonName } from './gate-marks.js';
import { ReadinessText } from './gate-readiness.js';
import { type ProgramGates, useGates } from './gates-api.js';

/** The current phase in words: the first gate not passed, or released. */
function PhaseAnswer({ list }: { list: ProgramGates }) {
  const { t } = useTranslation();
  const phase = list.phase;
  if (phase.kind === 'released') return <p className="answers__text">{t('gates.phase.released')}</p>;
  if (phase.kind === 'none') return <p className="answers__text">{t('gates.phase.none')}</p>;
  const gate = list.gates.find((g) => g.key === phase.gateKey);
  const atRisk = list.gates.filter((g) => g.readiness.level === 'at_risk');
  return (
    <p className="answers__text">
      {t('gates.phase.current', { gate: phase.gateKey, name: gate?.name ?? '', status: t(`gates.status.${phase.status}`) })}{' '}
      {atRisk.length > 0 && t('gates.phase.atRisk', { gates: atRisk.map((g) => g.key).join(', ') })}
    </p>
  );
}

/** A program's gates in order: status, owner, planned review, readiness and how much of the checklist is met. */
export function GatesPage() {
  const { t } = useTranslation();
  const code = useParams().programId ?? '';
  const program = useProgram(code);
  const gates = useGates(code);
  const headingId = useId();
  const list = gates.data;
  const nameOf = usePersonName(list?.people ?? []);

  return (
    <>
      <RecordsHeader code={code} program={program.data} title={t('gates.title')}>
        {list && <PhaseAnswer list={list} />}
      </RecordsHeader>
      <section className="section" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('gates.listHeading')}</h2>
        {gates.error ? (
          <LoadError title={t('gates.loadFailed')} error={gates.error} onRetry={() => void gates.refetch()} />
        ) : (
          <TableScroll labelledBy={headingId}>
            <table className="table table--gates">
              <caption className="visually-hidden">{t('gates.listCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gates.col.gate')}</th>
                  <th scope="col">{t('gates.col.status')}</th>
                  <th scope="col">{t('gates.col.owner')}</th>
                  <th scope="col">{t('gates.col.review')}</th>
                  <th scope="col">{t('gates.col.readiness')}</th>
                  <th scope="col">{t('gates.col.required')}</th>
                </tr>
              </thead>
              <tbody>
                {!list ? (
                  <SkeletonRows columns={6} rows={4} />
                ) : (
                  list.gates.map((g) => (
                    <tr key={g.key}>
                      <th scope="row" className="cell-name">
                        <Link to={paths.gate(code, g.key)}>
                          {g.key}: {g.name}
                        </Link>
                      </th>
                      <td>
                        <GateStatusMark status={g.status} />
                      </td>
                      <td>{nameOf(g.ownerId)}</td>
                      <td>
                        <DateText value={g.plannedReviewDate} missing={t('gates.noReviewDate')} />
                        {g.reviewMilestone && (
                          <span className="cell-sub">
                            <Link to={paths.milestone(code, g.reviewMilestone.key)}>{g.reviewMilestone.key}</Link>
                          </span>
                        )}
                      </td>
                      <td>
                        <ReadinessText code={code} gateKey={g.key} readiness={g.readiness} />
                      </td>
                      <td>
                        {t('gates.requiredMet', { satisfied: g.counts.satisfied, required: g.counts.required })}
                        <span className="cell-sub">{t('gates.itemsTotal', { count: g.counts.total })}</span>
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
