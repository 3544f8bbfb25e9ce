import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountry, formatPlainDate } from '../lib/format.js';
import type { CalendarDay, DayReason } from './calendar-api.js';

/** Words for a day and its reasons: "Thursday 1 October 2026: National Day (China), not a working day". */
export function useDayText() {
  const { t } = useTranslation();
  return useMemo(() => dayText(t), [t]);
}

function dayText(t: TFunction) {
  const reason = (r: DayReason): string => {
    const country = r.country ? formatCountry(r.country) : '';
    switch (r.kind) {
      case 'weekend':
        return t('calendar.reason.weekend');
      case 'holiday':
        return country ? t('calendar.reason.holidayIn', { label: r.label, country }) : r.label;
      case 'makeup_workday':
        return country ? t('calendar.reason.makeupIn', { label: r.label, country }) : t('calendar.reason.makeup', { label: r.label });
      case 'shutdown':
        return t('calendar.reason.shutdown', { label: r.label });
      case 'exception':
        return t('calendar.reason.exception', { label: r.label });
    }
  };
  // A weekend day worked (makeup day, exception) is told by why it is worked; "weekend" would only confuse.
  const reasons = (d: CalendarDay): string =>
    d.reasons
      .filter((r) => !(d.working && r.kind === 'weekend'))
      .map(reason)
      .join('; ');
  const label = (d: CalendarDay, o: { isProvisional: boolean; isToday: boolean }): string => {
    const parts = [reasons(d), d.working ? t('calendar.day.working') : t('calendar.day.notWorking')].filter(Boolean).join(', ');
    let text = t('calendar.day.label', { date: formatPlainDate(d.date, 'long'), what: parts });
    if (o.isProvisional) text += ` ${t('calendar.day.provisional')}`;
    if (o.isToday) text += ` ${t('calendar.day.today')}`;
    return text;
  };
  return { reason, reasons, label };
}
