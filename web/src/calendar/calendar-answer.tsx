import { useTranslation } from 'react-i18next';
import { formatCountry, formatHour, formatList, formatNumber, formatTimeZone } from '../lib/format.js';
import { Mark } from '../records/mark.js';
import type { CalendarSpec, ProgramCalendar } from './calendar-api.js';

/** "Ends at 18:00", or at midnight for 24. */
export function useEndOfDay() {
  const { t } = useTranslation();
  return (hour: number) => (hour === 24 ? t('calendar.midnight') : formatHour(hour));
}

/** Whose public holidays the program keeps, in words. */
export function useHolidaysText() {
  const { t } = useTranslation();
  return (spec: CalendarSpec, hasMakeupDays: boolean): string => {
    const names = spec.countries.map((c) => formatCountry(c.country));
    if (names.length === 0) return t('calendar.answer.noHolidays');
    if (names.length === 1)
      return hasMakeupDays
        ? t('calendar.answer.holidaysOneMakeup', { country: names[0] })
        : t('calendar.answer.holidaysOne', { country: names[0] });
    return spec.countryMode === 'all_closed'
      ? t('calendar.answer.holidaysAll', { countries: formatList(names) })
      : t('calendar.answer.holidaysAny', { countries: formatList(names) });
  };
}

/** The answer first: how many days the program works this year, where its days end, whose holidays it keeps. */
export function CalendarAnswer({ programName, calendar }: { programName: string; calendar: ProgramCalendar }) {
  const { t } = useTranslation();
  const endOfDay = useEndOfDay();
  const holidays = useHolidaysText();
  const { spec, year: y } = calendar;
  const hasMakeupDays = y.days.some((d) => d.working && d.reasons.some((r) => r.kind === 'makeup_workday'));
  const shutdownDays = y.days.filter((d) => !d.working && d.reasons.some((r) => r.kind === 'shutdown')).length;
  const parts = [
    t('calendar.answer.works', { program: programName, count: y.workingDays, days: formatNumber(y.workingDays), year: y.year }),
    t('calendar.answer.hours', { zone: formatTimeZone(spec.timeZone), hour: endOfDay(spec.endOfDayHour) }),
    holidays(spec, hasMakeupDays),
  ];
  if (shutdownDays > 0) parts.push(t('calendar.answer.shutdownDays', { count: shutdownDays, days: formatNumber(shutdownDays) }));
  const waiting = y.provisionalCountries.map(formatCountry);
  return (
    <div className={`answers ${waiting.length > 0 ? 'answers--at_risk' : 'answers--plain'}`}>
      <p className="answers__main">{parts.join(' · ')}</p>
      {waiting.length > 0 && (
        <p className="answers__line">
          <Mark tone="at_risk">{t('calendar.answer.provisionalMark', { year: y.year })}</Mark>{' '}
          {t('calendar.answer.provisional', { count: waiting.length, countries: formatList(waiting), year: y.year })}
        </p>
      )}
      {calendar.isDefault && <p className="answers__line">{t('calendar.answer.isDefault')}</p>}
    </div>
  );
}
