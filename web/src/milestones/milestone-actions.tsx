import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../src/contract/milestone.js';
import { LinksDialog } from '../dependencies/links-dialog.js';
import type { MilestoneRights } from '../lib/permissions.js';
import { useProgram } from '../lib/queries.js';

export type MilestoneAction = 'edit' | 'move' | 'complete';

interface Props {
  programId: string;
  milestone: Milestone;
  /** Only the controls that will work for the signed-in person. */
  rights: MilestoneRights;
  onAction: (action: MilestoneAction, milestone: Milestone) => void;
}

/**
 * Edit, Move date, Mark done and Dependencies for one row; each button's name includes the
 * milestone key. Dependencies opens its own dialog, so the row needs nothing more from its table.
 */
export function MilestoneActions({ programId, milestone, rights, onAction }: Props) {
  const { t } = useTranslation();
  const mayLink = useProgram(programId).data?.can['milestone.link'] === 'yes';
  const [linksOpen, setLinksOpen] = useState(false);
  const done = milestone.actualDate !== null;
  const key = milestone.key;
  const buttons: { action: MilestoneAction; label: string; text: string }[] = [];
  if (rights.edit) buttons.push({ action: 'edit', label: t('milestones.editLabel', { key }), text: t('milestones.edit') });
  if (rights.move && !done) buttons.push({ action: 'move', label: t('milestones.moveLabel', { key }), text: t('milestones.move') });
  if (rights.complete && !done)
    buttons.push({ action: 'complete', label: t('milestones.completeLabel', { key }), text: t('milestones.complete') });
  if (buttons.length === 0 && !mayLink) return null;
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
      {mayLink && (
        <button
          type="button"
          className="button button--small"
          aria-label={t('links.buttonLabel', { key })}
          onClick={() => setLinksOpen(true)}
        >
          {t('links.button')}
        </button>
      )}
      {/* Out of the table, so the dialog inherits nothing from the row (nowrap, cell widths). */}
      {mayLink &&
        linksOpen &&
        createPortal(<LinksDialog programId={programId} milestone={milestone} onClose={() => setLinksOpen(false)} />, document.body)}
    </div>
  );
}
