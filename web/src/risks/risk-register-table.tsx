import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText } from '../components/date-text.js';
import { OwnerName } from '../components/owner-name.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import type { Risk } from '../lib/records-api.js';
import { Mark } from '../records/mark.js';
import { paths } from '../records/paths.js';
import { RowButtons } from '../records/row-buttons.js';
import { type RiskAction, useRiskButtons } from './risk-buttons.js';
import { isLive, type RiskRights } from './risk-rights.js';
import { RiskScore } from './risk-score.js';
import { RiskStatus } from './risk-status.js';

interface Props {
  programId: string;
  risks: readonly Risk[] | undefined;
  rightsFor: ((r: Risk) => RiskRights) | null;
  onAction: (action: RiskAction, r: Risk) => void;
}

/** Every risk: owner, category, score and residual score with their bands, strategy, review date, status. */
export function RiskRegisterTable({ programId, risks, rightsFor, onAction }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const buttons = useRiskButtons();
  const columns = rightsFor ? 9 : 8;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards table--risks" aria-busy={risks === undefined || undefined}>
        <caption id={captionId} className="table__caption">
          {t('risks.registerCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('risks.col.risk')}</th>
            <th scope="col">{t('risks.col.owner')}</th>
            <th scope="col">{t('risks.col.category')}</th>
            <th scope="col">{t('risks.col.score')}</th>
            <th scope="col" title={t('risks.residualHint')}>
              {t('risks.col.residual')}
            </th>
            <th scope="col">{t('risks.col.strategy')}</th>
            <th scope="col">{t('risks.col.review')}</th>
            <th scope="col">{t('risks.col.status')}</th>
            {rightsFor && (
              <th scope="col" className="col-actions">
                {t('risks.col.actions')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {risks === undefined ? (
            <SkeletonRows rows={4} columns={columns} />
          ) : risks.length === 0 ? (
            <tr>
              <td colSpan={columns} className="table__empty">
                {t('risks.empty')}
              </td>
            </tr>
          ) : (
            risks.map((r) => (
              <tr key={r.id} id={r.key} tabIndex={-1} className={`record-row record-row--${r.band} record-row--${r.status}`}>
                <th scope="row" className="cell-name">
                  <span className="code">{r.key}</span> <Link to={paths.risk(programId, r.key)}>{r.title}</Link>
                </th>
                <td data-label={t('risks.col.owner')}>
                  <OwnerName owner={r.owner} />
                </td>
                <td data-label={t('risks.col.category')}>{t(`risks.category.${r.category}`)}</td>
                <td className="nowrap" data-label={t('risks.col.score')}>
                  <RiskScore score={r.score} />
                </td>
                <td className="nowrap" data-label={t('risks.col.residual')}>
                  <RiskScore score={r.residualScore} />
                </td>
                <td data-label={t('risks.col.strategy')}>{t(`risks.strategy.${r.strategy}`)}</td>
                <td className="nowrap" data-label={t('risks.col.review')}>
                  {isLive(r) || r.reviewDate ? (
                    <DateText value={r.reviewDate} missing={t('risks.noReviewDate')} />
                  ) : (
                    <span className="muted">{t('common.dash')}</span>
                  )}
                  {r.isReviewDue && (
                    <>
                      {' '}
                      <Mark tone="late" title={t('risks.reviewDueHint')}>
                        {t('risks.reviewDue')}
                      </Mark>
                    </>
                  )}
                </td>
                <td data-label={t('risks.col.status')}>
                  <RiskStatus status={r.status} />
                </td>
                {rightsFor && (
                  <td className="col-actions">
                    <RowButtons buttons={buttons(r, rightsFor(r))} onAction={(a) => onAction(a, r)} />
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
