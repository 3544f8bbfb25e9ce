import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../src/contract/milestone.js';
import type { MilestoneRights } from '../lib/permissions.js';

export type MilestoneAction = 'edit' | 'move' | 'complete';

interface Props {
  milestone: Milestone;
  /** Only the controls that will work for the signed-in person. */
  rights: MilestoneRights;
  onAction: (action: MilestoneAction, milestone: Milestone) => void;
}

/** Edit, Move date and Mark done for one row; each button's name includes the milestone key. */
export function MilestoneActions({ milestone, rights, onAction }: Props) {
  const { t } = useTranslation();
  const done = milestone.actualDate !== null;
  const key = milestone.key;
  const buttons: { action: MilestoneAction; label: string; text: string }[] = [];
  if (rights.edit) buttons.push({ action: 'edit', label: t('milestones.editLabel', { key }), text: t('milestones.edit') });
  if (rights.move && !done) buttons.push({ action: 'move', label: t('milestones.moveLabel', { key }), text: t('milestones.move') });
  if (rights.complete && !done)
    buttons.push({ action: 'complete', label: t('milestones.completeLabel', { key }), text: t('milestones.complete') });
  if (buttons.length === 0) return null;
  return (
    <div className="row-actions">
      {buttons.map((b) => (
        <button
          key={b.action}
          type="button"
          className="button button--small"
          aria-label={b.label}
          onClick={() => onAction(b.action, milestone)}
        >
          {b.text}
        </button>
      ))}
    </div>
  );
}
