import { useTranslation } from 'react-i18next';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { InstantText } from '../components/instant-text.js';
import { dateInZoneOf, formatPlainDate, formatTimeOfDay, formatTimeZone } from '../lib/format.js';

interface Props {
  program: Pick<ProgramSummary, 'today' | 'todayIsWorkingDay' | 'timeZone'>;
  /** This browser's clock, in ms; a prop so tests can fix it. */
  now?: number;
}

/**
 * "Today at the factory": the program's date, weekday and local time, whether it is a working day,
 * and the reader's own time beside it. The date is the server's; the time comes from this browser's
 * clock and is shown only while that clock agrees on the date, so the two never contradict.
 */
export function FactoryToday({ program: p, now = Date.now() }: Props) {
  const { t } = useTranslation();
  const date = formatPlainDate(p.today, 'weekday');
  const zone = formatTimeZone(p.timeZone);
  const sameDay = dateInZoneOf(now, p.timeZone) === p.today;
  return (
    <>
      <time dateTime={p.today}>
        {sameDay
          ? t('program.todayTimeValue', { date, time: formatTimeOfDay(now, p.timeZone), zone })
          : t('program.todayValue', { date, zone })}
      </time>
      <span className="cell-sub">{p.todayIsWorkingDay ? t('program.todayWorking') : t('program.todayOff')}</span>
      {sameDay && (
        <span className="cell-sub">
          {t('program.yourTime')} <InstantText value={new Date(now).toISOString()} />
        </span>
      )}
    </>
  );
}
