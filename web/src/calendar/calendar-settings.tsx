import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../components/table-scroll.js';
import { formatCountry, formatList, formatPlainDate, formatTimeZone, formatWeekday } from '../lib/format.js';
import { useEndOfDay, useHolidaysText } from './calendar-answer.js';
import type { ProgramCalendar } from './calendar-api.js';
import type { Entry } from './use-entry-text.js';

export type SettingsDialog = 'shutdown' | 'exception' | 'countries' | 'hours';

interface Props {
  calendar: ProgramCalendar;
  /** Null when the person may not change the calendar: no control is offered. */
  onEdit: ((dialog: SettingsDialog) => void) | null;
  onRemove: (entry: Entry) => void;
}

/** How the calendar is set up: countries, zone, day end, weekend, shutdowns, exceptions, official schedules. */
export function CalendarSettings({ calendar, onEdit, onRemove }: Props) {
  const { t } = useTranslation();
  const endOfDay = useEndOfDay();
  const holidays = useHolidaysText();
  const shutdownsId = useId();
  const exceptionsId = useId();
  const { spec } = calendar;
  const shutdowns = [...(spec.shutdowns ?? [])].sort((a, b) => a.from.localeCompare(b.from));
  const exceptions = [...(spec.exceptions ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const schedules = [...(spec.officialSchedules ?? [])].sort((a, b) => a.year - b.year || a.country.localeCompare(b.country));
  const weekend = spec.weekendDays ?? [6, 7];
  const countries = spec.countries.map((c) => (c.region ? `${formatCountry(c.country)} (${c.region})` : formatCountry(c.country)));
  const button = (dialog: SettingsDialog, text: string) =>
    onEdit && (
      <button type="button" className="button button--small" onClick={() => onEdit(dialog)}>
        {text}
      </button>
    );

  return (
    <>
      <dl className="facts cal-facts">
        <div>
          <dt>{t('calendar.settings.countries')}</dt>
          <dd>
            {countries.length > 0 ? formatList(countries) : t('calendar.settings.noCountries')}
            {spec.countries.length > 1 && <span className="cal-facts__sub">{holidays(spec, false)}</span>}
            {button('countries', t('calendar.settings.changeCountries'))}
          </dd>
        </div>
        <div>
          <dt>{t('calendar.settings.hours')}</dt>
          <dd>
            {t('calendar.settings.hoursValue', { zone: formatTimeZone(spec.timeZone), hour: endOfDay(spec.endOfDayHour) })}
            {button('hours', t('calendar.settings.changeHours'))}
          </dd>
        </div>
        <div>
          <dt>{t('calendar.settings.weekend')}</dt>
          <dd>{formatList(weekend.map((w) => formatWeekday(w, 'long')))}</dd>
        </div>
        <div>
          <dt>{t('calendar.settings.schedules')}</dt>
          <dd>
            {schedules.length > 0
              ? formatList(schedules.map((s) => t('calendar.settings.schedule', { country: formatCountry(s.country), year: s.year })))
              : t('calendar.settings.noSchedules')}
          </dd>
        </div>
      </dl>

      <div className="section__head cal-subhead">
        <h3 id={shutdownsId}>{t('calendar.settings.shutdowns')}</h3>
        {button('shutdown', t('calendar.settings.addShutdown'))}
      </div>
      <TableScroll labelledBy={shutdownsId}>
        <table className="table table--cal-entries" aria-labelledby={shutdownsId}>
          <thead>
            <tr>
              <th scope="col">{t('calendar.settings.from')}</th>
              <th scope="col">{t('calendar.settings.to')}</th>
              <th scope="col">{t('calendar.settings.label')}</th>
              {onEdit && <th scope="col">{t('calendar.settings.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {shutdowns.length === 0 ? (
              <tr>
                <td colSpan={onEdit ? 4 : 3} className="table__empty">
                  {t('calendar.settings.noShutdowns')}
                </td>
              </tr>
            ) : (
              shutdowns.map((s) => (
                <tr key={`${s.from}|${s.to}|${s.label}`}>
                  <td>
                    <time dateTime={s.from}>{formatPlainDate(s.from, 'weekday')}</time>
                  </td>
                  <td>
                    <time dateTime={s.to}>{formatPlainDate(s.to, 'weekday')}</time>
                  </td>
                  <td>{s.label}</td>
                  {onEdit && (
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('calendar.settings.removeShutdown', { label: s.label, from: formatPlainDate(s.from) })}
                        onClick={() => onRemove({ kind: 'shutdown', value: s })}
                      >
                        {t('calendar.edit.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableScroll>

      <div className="section__head cal-subhead">
        <h3 id={exceptionsId}>{t('calendar.settings.exceptions')}</h3>
        {button('exception', t('calendar.settings.addException'))}
      </div>
      <TableScroll labelledBy={exceptionsId}>
        <table className="table table--cal-entries" aria-labelledby={exceptionsId}>
          <thead>
            <tr>
              <th scope="col">{t('calendar.settings.date')}</th>
              <th scope="col">{t('calendar.settings.working')}</th>
              <th scope="col">{t('calendar.settings.label')}</th>
              {onEdit && <th scope="col">{t('calendar.settings.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {exceptions.length === 0 ? (
              <tr>
                <td colSpan={onEdit ? 4 : 3} className="table__empty">
                  {t('calendar.settings.noExceptions')}
                </td>
              </tr>
            ) : (
              exceptions.map((x) => (
                <tr key={x.date}>
                  <td>
                    <time dateTime={x.date}>{formatPlainDate(x.date, 'weekday')}</time>
                  </td>
                  <td>{x.working ? t('calendar.edit.choice.working') : t('calendar.edit.choice.closed')}</td>
                  <td>{x.label}</td>
                  {onEdit && (
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('calendar.settings.removeException', { label: x.label, date: formatPlainDate(x.date) })}
                        onClick={() => onRemove({ kind: 'exception', value: x })}
                      >
                        {t('calendar.edit.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
