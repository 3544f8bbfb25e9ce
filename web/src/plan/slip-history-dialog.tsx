import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../components/date-text.js';
import { InstantText } from '../components/instant-text.js';
import { LoadError } from '../components/load-error.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { MoreButton } from '../components/more-button.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import { formatSigned } from '../lib/format.js';
import { type PlanRow, useSlipHistory } from '../lib/plan-view-queries.js';

interface Props {
  programId: string;
  row: PlanRow;
  onClose: () => void;
}

/** Every move of a milestone's forecast: when, who, from → to, how far and why. */
export function SlipHistoryDialog({ programId, row, onClose }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const history = useSlipHistory(programId, row.id);
  const summary = history.data?.pages[0];
  const moves = useMemo(() => history.data?.pages.flatMap((p) => p.moves), [history.data]);
  const more = history.hasNextPage ? { loading: history.isFetchingNextPage, load: () => void history.fetchNextPage() } : null;
  const signed = (days: number) => t('plan.signedDays', { count: days, value: formatSigned(days) });
  return (
    <ModalDialog title={t('plan.slips.title', { key: row.key, name: row.name })} onClose={onClose}>
      <div className="plan-slips-dialog">
        {history.error ? (
          <LoadError title={t('plan.slips.loadFailed')} error={history.error} onRetry={() => void history.refetch()} />
        ) : (
          <>
            <p className="form__context">
              {summary ? t('plan.slips.summary', { count: summary.count, days: signed(summary.netDays) }) : t('common.loading')}
            </p>
            <TableScroll labelledBy={captionId}>
              <table className="table plan-slips-dialog__table" aria-busy={moves === undefined || undefined}>
                <caption id={captionId} className="visually-hidden">
                  {t('plan.slips.caption', { key: row.key })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('plan.slips.col.when')}</th>
                    <th scope="col">{t('plan.slips.col.who')}</th>
                    <th scope="col">{t('plan.slips.col.dates')}</th>
                    <th scope="col">{t('plan.slips.col.days')}</th>
                    <th scope="col">{t('plan.slips.col.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {moves === undefined ? (
                    <SkeletonRows rows={3} columns={5} />
                  ) : moves.length === 0 ? (
                    <tr>
                      <td colSpan={5} className="table__empty">
                        {t('plan.slips.none')}
                      </td>
                    </tr>
                  ) : (
                    moves.map((m) => (
                      <tr key={`${m.at}-${m.from}-${m.to}`}>
                        <td className="nowrap">
                          <InstantText value={m.at} />
                        </td>
                        <td>{m.by?.name ?? t('plan.someone')}</td>
                        <td className="nowrap">
                          <span className="change-old">
                            <DateText value={m.from} />
                          </span>
                          <span className="change-arrow" aria-hidden="true">
                            {' → '}
                          </span>
                          <span className="visually-hidden"> {t('movePreview.to')} </span>
                          <strong>
                            <DateText value={m.to} />
                          </strong>
                        </td>
                        <td
                          className={`nowrap variance ${m.days > 0 ? 'variance--behind' : m.days < 0 ? 'variance--ahead' : 'variance--zero'}`}
                        >
                          {signed(m.days)}
                        </td>
                        <td className="pre-line plan-slips-dialog__reason">
                          {m.reason ?? <span className="gap">{t('records.none')}</span>}
                        </td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </TableScroll>
            <MoreButton more={more} label={t('plan.slips.more')} loadingLabel={t('plan.slips.loadingMore')} />
          </>
        )}
        <div className="form__buttons">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('links.close')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
