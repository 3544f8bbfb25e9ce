import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InstantText } from '../components/instant-text.js';
import { OwnerName } from '../components/owner-name.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import type { Decision } from '../lib/records-api.js';
import { paths } from '../records/paths.js';
import { RowButtons } from '../records/row-buttons.js';
import { type DecisionAction, useDecisionButtons } from './decision-buttons.js';
import { DecisionChain } from './decision-chain.js';
import type { DecisionRights } from './decision-rights.js';
import { DecisionStatus } from './decision-status.js';

interface Props {
  programId: string;
  decisions: readonly Decision[] | undefined;
  rightsFor: ((d: Decision) => DecisionRights) | null;
  onAction: (action: DecisionAction, d: Decision) => void;
}

/** Decided and superseded decisions in the order given (the latest asked first): what, why, its expected impact, who and when. */
export function DecisionLogTable({ programId, decisions, rightsFor, onAction }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const buttons = useDecisionButtons();
  const columns = rightsFor ? 6 : 5;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards table--decision-log" aria-busy={decisions === undefined || undefined}>
        <caption id={captionId} className="table__caption">
          {t('decisions.logCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('decisions.col.decisionOutcome')}</th>
            <th scope="col">{t('decisions.col.rationale')}</th>
            <th scope="col">{t('decisions.col.impact')}</th>
            <th scope="col">{t('decisions.col.decided')}</th>
            <th scope="col">{t('decisions.col.status')}</th>
            {rightsFor && (
              <th scope="col" className="col-actions">
                {t('decisions.col.actions')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {decisions === undefined ? (
            <SkeletonRows rows={3} columns={columns} />
          ) : decisions.length === 0 ? (
            <tr>
              <td colSpan={columns} className="table__empty">
                {t('decisions.logEmpty')}
              </td>
            </tr>
          ) : (
            decisions.map((d) => (
              <tr key={d.id} id={d.key} tabIndex={-1} className={`record-row record-row--${d.status}`}>
                <th scope="row" className="cell-name">
                  <span className="code">{d.key}</span> <Link to={paths.decision(programId, d.key)}>{d.statement}</Link>
                  <span className="cell-sub cell-outcome">
                    <strong>{t('decisions.outcomeLabel')}</strong> {d.outcome}
                  </span>
                </th>
                <td className="cell-text" data-label={t('decisions.col.rationale')}>
                  {d.rationale}
                </td>
                <td className="cell-text" data-label={t('decisions.col.impact')}>
                  {d.expectedImpact}
                </td>
                <td data-label={t('decisions.col.decided')}>
                  <OwnerName owner={d.decidedBy} />
                  {d.decidedAt && (
                    <span className="cell-sub">
                      <InstantText value={d.decidedAt} />
                    </span>
                  )}
                </td>
                <td data-label={t('decisions.col.status')}>
                  <DecisionStatus status={d.status} /> <DecisionChain programId={programId} decision={d} />
                </td>
                {rightsFor && (
                  <td className="col-actions">
                    <RowButtons buttons={buttons(d, rightsFor(d))} onAction={(a) => onAction(a, d)} />
                  </td>
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
