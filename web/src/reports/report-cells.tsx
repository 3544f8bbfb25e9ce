import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText } from '../components/date-text.js';
import { Gap } from '../components/gap.js';
import { InstantText } from '../components/instant-text.js';
import { Mark } from '../records/mark.js';

/** A record named by a report: its key linking to the page that opens it, and its title. */
export function RecordLink({ path, recordKey, title }: { path: string; recordKey: string; title: string }) {
  return (
    <>
      <Link to={path} className="code">
        {recordKey}
      </Link>{' '}
      {title}
    </>
  );
}

/** A person the report names by id (its `people` name them), or a visible "no owner" gap. */
export function PersonText({ id, names }: { id: string | null; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  return id === null ? <Gap>{t('common.noOwner')}</Gap> : (names.get(id) ?? id);
}

/** A due date (or an escalation's deadline, an instant), a visible gap when none, overdue marked in word and shape. */
export function DueCell({ due, isOverdue }: { due: string | null; isOverdue: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {due !== null && due.length > 10 ? <InstantText value={due} /> : <DateText value={due} missing={t('records.noDueDate')} />}
      {isOverdue && (
        <>
          {' '}
          <Mark tone="late" title={t('records.overdueHint')}>
            {t('records.overdue')}
          </Mark>
        </>
      )}
    </>
  );
}

/** Business days, signed, with their unit. */
export function DaysText({ days }: { days: number }) {
  const { t } = useTranslation();
  return <>{t('reports.draft.businessDays', { count: days, days: days > 0 ? `+${days}` : String(days) })}</>;
}
