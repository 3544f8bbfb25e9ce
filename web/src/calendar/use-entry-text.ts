import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../lib/format.js';
import type { CalendarException, Shutdown } from './calendar-api.js';

/** A factory shutdown or a one-off exception of the calendar. */
export type Entry = { kind: 'shutdown'; value: Shutdown } | { kind: 'exception'; value: CalendarException };

/** A shutdown or exception in words: "Power rationing, 21 Apr 2026 – 22 Apr 2026". */
export function useEntryText() {
  const { t } = useTranslation();
  return (entry: Entry): string => {
    if (entry.kind === 'shutdown') {
      const { from, to, label } = entry.value;
      return from === to
        ? t('calendar.entry.shutdownDay', { label, date: formatPlainDate(from) })
        : t('calendar.entry.shutdown', { label, from: formatPlainDate(from), to: formatPlainDate(to) });
    }
    const { date, working, label } = entry.value;
    return working
      ? t('calendar.entry.exceptionWorking', { label, date: formatPlainDate(date) })
      : t('calendar.entry.exceptionClosed', { label, date: formatPlainDate(date) });
  };
}
