import { useTranslation } from 'react-i18next';
import { DateText } from '../components/date-text.js';
import { formatPlainDate } from '../lib/format.js';
import { Mark } from './mark.js';

interface Props {
  date: string | null;
  isOverdue: boolean;
  /** The first promised date, shown when the date was re-planned. */
  original?: string | null | undefined;
}

/** A due date, or a visible "no due date" gap; overdue is marked in word, colour and shape. */
export function DueText({ date, isOverdue, original }: Props) {
  const { t } = useTranslation();
  const replanned = original && date && original !== date;
  return (
    <>
      <DateText value={date} missing={t('records.noDueDate')} />
      {isOverdue && (
        <>
          {' '}
          <Mark tone="late" title={t('records.overdueHint')}>
            {t('records.overdue')}
          </Mark>
        </>
      )}
      {replanned && <span className="cell-sub">{t('records.firstPromised', { date: formatPlainDate(original) })}</span>}
    </>
  );
}
