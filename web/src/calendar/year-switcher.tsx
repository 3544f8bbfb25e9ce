import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dateRange } from '../../../src/domain/date-range.js';

interface Props {
  year: number;
  /** The program's current year, offered as a way back. */
  currentYear: number | null;
}

const [MIN_YEAR, MAX_YEAR] = [dateRange.minYear, dateRange.maxYear];

/** Previous and next year, kept in the address (?year=) so a year can be linked and reloaded. */
export function YearSwitcher({ year, currentYear }: Props) {
  const { t } = useTranslation();
  const to = (y: number) => ({ search: `?year=${y}` });
  return (
    <nav className="cal-years" aria-label={t('calendar.years.label')}>
      {year > MIN_YEAR && (
        <Link to={to(year - 1)} className="button button--small" aria-label={t('calendar.years.previous', { year: year - 1 })}>
          <span aria-hidden="true">←</span>
          {year - 1}
        </Link>
      )}
      {year < MAX_YEAR && (
        <Link to={to(year + 1)} className="button button--small" aria-label={t('calendar.years.next', { year: year + 1 })}>
          {year + 1}
          <span aria-hidden="true">→</span>
        </Link>
      )}
      {currentYear !== null && currentYear !== year && (
        <Link to={to(currentYear)} className="button button--small button--link">
          {t('calendar.years.current', { year: currentYear })}
        </Link>
      )}
    </nav>
  );
}

/** The year asked for in the address, or null for the program's current year. */
export function yearFromSearch(value: string | null): number | null {
  if (value === null || !/^\d{4}$/.test(value)) return null;
  const y = Number(value);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}
