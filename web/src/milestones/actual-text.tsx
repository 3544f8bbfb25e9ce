import { useTranslation } from 'react-i18next';
import { DateText } from '../components/date-text.js';

interface Props {
  actualDate: string | null;
  /** Business days until the forecast date while it has not passed at the factory; null once overdue. */
  dueInBusinessDays: number | null;
}

/**
 * A milestone's actual date; before that, "planned, due in N business days" in plain ink while its
 * date is still to come at the factory, and "not done" as a visible gap only once that date has passed.
 */
export function ActualText({ actualDate, dueInBusinessDays: due }: Props) {
  const { t } = useTranslation();
  if (actualDate !== null) return <DateText value={actualDate} />;
  if (due === null) {
    return (
      <span className="gap" title={t('milestones.notDoneHint')}>
        {t('milestones.notDone')}
      </span>
    );
  }
  return (
    <span title={t('milestones.plannedHint')}>
      <span className="muted">{t('milestones.planned')}</span>
      <span className="cell-sub">{due === 0 ? t('milestones.dueToday') : t('milestones.dueIn', { count: due })}</span>
    </span>
  );
}
