import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../components/date-text.js';
import { TableScroll } from '../components/table-scroll.js';
import { formatPlainDate } from '../lib/format.js';
import type { Mta } from '../lib/plan-view-queries.js';

/** The trend chart's data as a table: a row per milestone, a column per reporting week, the forecast in each cell. */
export function MtaTable({ mta }: { mta: Mta }) {
  const { t } = useTranslation();
  const captionId = useId();
  const last = mta.weeks.length - 1;
  return (
    <>
      <p className="mta-key">{t('plan.mta.key')}</p>
      <TableScroll labelledBy={captionId}>
        <table className="table table--mta">
          <caption id={captionId} className="visually-hidden">
            {t('plan.mta.tableCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.table.col.milestone')}</th>
              <th scope="col">{t('plan.mta.baseline')}</th>
              {mta.weeks.map((w, i) => (
                <th key={w.week} scope="col" className={i === last ? 'mta-week mta-week--current' : 'mta-week'}>
                  <span className="visually-hidden">{t('plan.mta.week')} </span>
                  <span>{w.week.replace(/^\d{4}-/, '')}</span>
                  <span className="mta-week__start">{i === last ? t('plan.mta.thisWeek') : formatPlainDate(w.start)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {mta.series.length === 0 ? (
              <tr>
                <td colSpan={mta.weeks.length + 2} className="table__empty">
                  {t('plan.mta.empty')}
                </td>
              </tr>
            ) : (
              mta.series.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="cell-name">
                    <span className="code">{s.key}</span> {s.name}
                  </th>
                  <td className="nowrap">
                    <DateText value={s.baselineDate} />
                  </td>
                  {s.points.map((p, i) => {
                    const prev = i > 0 ? s.points[i - 1] : undefined;
                    const before = prev?.forecastDate ?? null;
                    const moved = before !== null && p.forecastDate !== null && p.forecastDate !== before;
                    // Only what changed is spelled out; the first and the current week always are.
                    const isNews = i === 0 || i === last || moved || (p.done && !prev?.done) || before === null;
                    return (
                      <td
                        key={p.week}
                        className={`nowrap mta-cell${moved ? ' mta-cell--moved' : ''}${i === last ? ' mta-cell--current' : ''}`}
                      >
                        {p.forecastDate === null ? (
                          <span className="muted">{t('plan.mta.notYet')}</span>
                        ) : isNews ? (
                          <>
                            <DateText value={p.forecastDate} />
                            {moved && before !== null && (
                              <span className="visually-hidden"> {t('plan.mta.movedFrom', { date: formatPlainDate(before) })}</span>
                            )}
                          </>
                        ) : (
                          <>
                            <span className="mta-cell__same" aria-hidden="true">
                              {t('plan.mta.same')}
                            </span>
                            <span className="visually-hidden">{t('plan.mta.sameDate', { date: formatPlainDate(p.forecastDate) })}</span>
                          </>
                        )}
                        {p.done && (
                          <span className="mta-cell__done">
                            {' '}
                            <span aria-hidden="true">✓</span>
                            <span className="visually-hidden">{t('plan.mta.done')}</span>
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
