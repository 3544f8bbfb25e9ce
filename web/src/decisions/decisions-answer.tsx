import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../lib/format.js';
import type { Decision } from '../lib/records-api.js';
import { Mark } from '../records/mark.js';

/** The answer first: how many decisions are open and overdue, and the next one due from me. */
export function DecisionsAnswer({ queue, meId }: { queue: readonly Decision[]; meId: string }) {
  const { t } = useTranslation();
  const overdue = queue.filter((d) => d.isOverdue).length;
  const mine = queue.filter((d) => d.owner?.id === meId);
  const next = mine[0];
  return (
    <div className="answers answers--plain">
      <p className="answers__main">
        {queue.length === 0 ? t('decisions.answer.none') : t('decisions.answer.open', { count: queue.length })}
        {overdue > 0 && (
          <>
            {' '}
            <Mark tone="late">{t('decisions.answer.overdue', { count: overdue })}</Mark>
          </>
        )}
      </p>
      {next && (
        <p className="answers__line">
          {next.dueDate
            ? t('decisions.answer.mine', {
                count: mine.length,
                key: next.key,
                statement: next.statement,
                date: formatPlainDate(next.dueDate),
              })
            : t('decisions.answer.mineUndated', { count: mine.length, key: next.key, statement: next.statement })}
        </p>
      )}
    </div>
  );
}
