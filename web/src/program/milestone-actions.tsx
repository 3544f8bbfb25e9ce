import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../src/contract/milestone.js';

export type MilestoneAction = 'edit' | 'move' | 'complete';

interface Props {
  milestone: Milestone;
  /** Observers get no write controls. */
  canEdit: boolean;
  onAction: (action: MilestoneAction, milestone: Milestone) => void;
}

/** Edit, Move date and Mark done for one row; each button's name includes the milestone key. */
export function MilestoneActions({ milestone, canEdit, onAction }: Props) {
  const { t } = useTranslation();
  if (!canEdit) return null;
  const done = milestone.actualDate !== null;
  const key = milestone.key;
  return (
    <div className="row-actions">
      <button
        type="button"
        className="button button--small"
        aria-label={t('milestones.editLabel', { key })}
        onClick={() => onAction('edit', milestone)}
      >
        {t('milestones.edit')}
      </button>
      {!done && (
        <button
          type="button"
          className="button button--small"
          aria-label={t('milestones.moveLabel', { key })}
          onClick={() => onAction('move', milestone)}
        >
          {t('milestones.move')}
        </button>
      )}
      {!done && (
        <button
          type="button"
          className="button button--small"
          aria-label={t('milestones.completeLabel', { key })}
          onClick={() => onAction('complete', milestone)}
        >
          {t('milestones.complete')}
        </button>
      )}
    </div>
  );
}
