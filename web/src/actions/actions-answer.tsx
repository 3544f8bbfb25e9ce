import { useTranslation } from 'react-i18next';
import type { Action } from '../lib/records-api.js';
import { Mark } from '../records/mark.js';

interface Props {
  /** The actions loaded so far, in work order (open first). */
  actions: readonly Action[];
  /** Whether every open and done action is among them; while not, only a lower bound of the open ones is said. */
  isComplete: boolean;
}

/** The answer first: open actions, how many are overdue, block a milestone or wait for confirmation. */
export function ActionsAnswer({ actions, isComplete }: Props) {
  const { t } = useTranslation();
  const open = actions.filter((a) => a.status === 'open');
  const overdue = open.filter((a) => a.isOverdue).length;
  const blocking = actions.filter((a) => a.status !== 'closed' && a.blocks !== null).length;
  const waiting = actions.filter((a) => a.status === 'done').length;
  return (
    <div className="answers answers--plain">
      <p className="answers__main">
        {!isComplete
          ? t('actions.answer.openAtLeast', { count: open.length })
          : open.length === 0
            ? t('actions.answer.none')
            : t('actions.answer.open', { count: open.length })}
        {overdue > 0 && (
          <>
            {' '}
            <Mark tone="late">{t('actions.answer.overdue', { count: overdue })}</Mark>
          </>
        )}
      </p>
      {isComplete && (blocking > 0 || waiting > 0) && (
        <p className="answers__line">
          {blocking > 0 && t('actions.answer.blocking', { count: blocking })}
          {blocking > 0 && waiting > 0 && ' '}
          {waiting > 0 && (
            <Mark tone="waiting" title={t('actions.statusHint.done')}>
              {t('actions.answer.waiting', { count: waiting })}
            </Mark>
          )}
        </p>
      )}
    </div>
  );
}
