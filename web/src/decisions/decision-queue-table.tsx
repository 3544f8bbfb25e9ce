import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OwnerName } from '../components/owner-name.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import type { Decision } from '../lib/records-api.js';
import { DueText } from '../records/due-text.js';
import { paths } from '../records/paths.js';
import { RowButtons } from '../records/row-buttons.js';
import { type DecisionAction, useDecisionButtons } from './decision-buttons.js';
import type { DecisionRights } from './decision-rights.js';

interface Props {
  programId: string;
  decisions: readonly Decision[] | undefined;
  /** The person's rights per decision; null when they may change none. */
  rightsFor: ((d: Decision) => DecisionRights) | null;
  onAction: (action: DecisionAction, d: Decision) => void;
}

/** Open decisions, overdue first: who must decide what, by when. */
export function DecisionQueueTable({ programId, decisions, rightsFor, onAction }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const buttons = useDecisionButtons();
  const columns = rightsFor ? 5 : 4;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards table--decisions" aria-busy={decisions === undefined || undefined}>
        <caption id={captionId} className="table__caption">
          {t('decisions.queueCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('decisions.col.decision')}</th>
            <th scope="col">{t('decisions.col.owner')}</th>
            <th scope="col">{t('decisions.col.due')}</th>
            <th scope="col">{t('decisions.col.requestedBy')}</th>
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
                {t('decisions.queueEmpty')}
              </td>
            </tr>
          ) : (
            decisions.map((d) => (
              <tr key={d.id} id={d.key} tabIndex={-1} className={d.isOverdue ? 'record-row record-row--overdue' : 'record-row'}>
                <th scope="row" className="cell-name">
                  <span className="code">{d.key}</span> <Link to={paths.decision(programId, d.key)}>{d.statement}</Link>
                </th>
                <td data-label={t('decisions.col.owner')}>
                  <OwnerName owner={d.owner} />
                </td>
                <td className="nowrap" data-label={t('decisions.col.due')}>
                  <DueText date={d.dueDate} isOverdue={d.isOverdue} />
                </td>
                <td data-label={t('decisions.col.requestedBy')}>
                  <OwnerName owner={d.requestedBy} />
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
