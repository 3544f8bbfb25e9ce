import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../components/table-scroll.js';
import { formatCountry, formatPlainDate } from '../lib/format.js';
import type { CalendarDay, ProgramCalendar } from './calendar-api.js';
import { dayState, isNotable, isProvisionalMark, provisionalGlyph, stateGlyph } from './day-state.js';

/** The year's weekdays off and weekend days worked: the days that make it differ from Monday to Friday. */
export function NotableDaysTable({ calendar }: { calendar: ProgramCalendar }) {
  const { t } = useTranslation();
  const captionId = useId();
  const { year, days, provisionalCountries } = calendar.year;
  const rows = days.filter(isNotable);
  const off = rows.filter((d) => !d.working).length;
  const source = (d: CalendarDay): string => {
    const countries = [...new Set(d.reasons.flatMap((r) => (r.country && r.kind !== 'weekend' ? [formatCountry(r.country)] : [])))];
    if (countries.length > 0) return countries.join(', ');
    if (d.reasons.some((r) => r.kind === 'exception')) return t('calendar.list.thisProgram');
    return t('calendar.list.thisFactory');
  };
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cal-days">
        <caption id={captionId} className="table__caption">
          {t('calendar.list.caption', { year, off, worked: rows.length - off })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('calendar.list.date')}</th>
            <th scope="col">{t('calendar.list.kind')}</th>
            <th scope="col">{t('calendar.list.why')}</th>
            <th scope="col">{t('calendar.list.source')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={4} className="table__empty">
                {t('calendar.list.empty', { year })}
              </td>
            </tr>
          ) : (
            rows.map((d) => {
              const state = dayState(d);
              const isProvisional = isProvisionalMark(d, provisionalCountries);
              return (
                <tr key={d.date}>
                  <th scope="row">
                    <time dateTime={d.date}>{formatPlainDate(d.date, 'weekday')}</time>
                  </th>
                  <td>
                    <span className={`cal-kind cal-day--${state}${isProvisional ? ' cal-day--provisional' : ''}`}>
                      <span aria-hidden="true">
                        {stateGlyph[state]}
                        {isProvisional ? provisionalGlyph : ''}
                      </span>{' '}
                      {t(`calendar.state.${state}`)}
                      {isProvisional ? ` ${t('calendar.list.provisional')}` : ''}
                    </span>
                  </td>
                  <td>{[...new Set(d.reasons.filter((r) => r.kind !== 'weekend').map((r) => r.label))].join(', ')}</td>
                  <td>{source(d)}</td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
