import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../components/instant-text.js';
import { TableScroll } from '../components/table-scroll.js';
import { formatNumber } from '../lib/format.js';
import type { RiskDetail } from '../lib/records-api.js';
import { RiskScore } from './risk-score.js';

/** Every score the risk has had, newest first: who changed it, when and why. */
export function ScoreHistoryTable({ points }: { points: RiskDetail['scoreHistory'] }) {
  const { t } = useTranslation();
  const captionId = useId();
  const newestFirst = [...points].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards table--history">
        <caption id={captionId} className="table__caption">
          {t('risks.history.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('risks.history.when')}</th>
            <th scope="col">{t('risks.history.who')}</th>
            <th scope="col">{t('risks.history.levels')}</th>
            <th scope="col">{t('risks.col.score')}</th>
            <th scope="col">{t('risks.col.residual')}</th>
            <th scope="col">{t('risks.history.why')}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.length === 0 ? (
            <tr>
              <td colSpan={6} className="table__empty">
                {t('risks.history.empty')}
              </td>
            </tr>
          ) : (
            newestFirst.map((p, i) => (
              <tr key={`${p.at}-${p.score}-${p.residualScore}`}>
                <th scope="row" className="nowrap cell-what">
                  <InstantText value={p.at} />
                </th>
                <td data-label={t('risks.history.who')}>{p.by ?? <span className="muted">{t('records.unknownPerson')}</span>}</td>
                <td className="nowrap" data-label={t('risks.history.levels')}>
                  {t('risks.history.levelsValue', { likelihood: formatNumber(p.likelihood), impact: formatNumber(p.impact) })}
                </td>
                <td className="nowrap" data-label={t('risks.col.score')}>
                  <RiskScore score={p.score} />
                </td>
                <td className="nowrap" data-label={t('risks.col.residual')}>
                  <RiskScore score={p.residualScore} />
                </td>
                <td data-label={t('risks.history.why')}>
                  {p.reason?.trim() ? (
                    p.reason
                  ) : i === newestFirst.length - 1 ? (
                    t('risks.history.raised')
                  ) : (
                    <span className="muted">{t('changeLog.noReason')}</span>
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
