import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../src/contract/milestone.js';
import type { ProgramSummary } from '../../../src/contract/program.js';
import type { User } from '../../../src/contract/user.js';
import { LoadError } from '../components/load-error.js';
import { formatPlainDate } from '../lib/format.js';
import { AddMilestoneDialog } from './add-milestone-dialog.js';
import { CompleteMilestoneDialog } from './complete-milestone-dialog.js';
import { EditMilestoneDialog } from './edit-milestone-dialog.js';
import type { MilestoneAction } from './milestone-actions.js';
import { MilestonesTable } from './milestones-table.js';
import { MoveDateDialog } from './move-date-dialog.js';

type Open = { kind: 'add' } | { kind: MilestoneAction; milestoneId: string } | null;

interface Props {
  programId: string;
  program: ProgramSummary | undefined;
  milestones: readonly Milestone[] | undefined;
  error: unknown;
  onRetry: () => void;
  users: readonly User[];
  /** Observers get no write controls. */
  canEdit: boolean;
}

export function MilestonesSection({ programId, program, milestones, error, onRetry, users, canEdit }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [open, setOpen] = useState<Open>(null);
  const [announcement, setAnnouncement] = useState('');
  const close = () => setOpen(null);

  const current = open && open.kind !== 'add' ? milestones?.find((m) => m.id === open.milestoneId) : undefined;
  const saved = (message: string) => {
    setAnnouncement(message);
    setOpen(null);
  };

  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section__head">
        <h2 id={headingId}>{t('milestones.heading')}</h2>
        {canEdit && (
          <button type="button" className="button button--primary" disabled={!program} onClick={() => setOpen({ kind: 'add' })}>
            {t('milestones.add')}
          </button>
        )}
      </div>
      <p className="live-message" role="status">
        {announcement}
      </p>
      {error ? (
        <LoadError title={t('milestones.loadFailed')} error={error} onRetry={onRetry} />
      ) : (
        <MilestonesTable milestones={milestones} canEdit={canEdit} onAction={(kind, m) => setOpen({ kind, milestoneId: m.id })} />
      )}

      {canEdit && open?.kind === 'add' && program && (
        <AddMilestoneDialog
          programId={programId}
          defaultPhase={program.currentPhase ?? 'G1'}
          users={users}
          onClose={close}
          onSaved={(m) => saved(t('milestones.added', { key: m.key, name: m.name }))}
        />
      )}
      {canEdit && open?.kind === 'edit' && current && (
        <EditMilestoneDialog
          programId={programId}
          milestone={current}
          users={users}
          onClose={close}
          onSaved={(m) => saved(t('milestones.saved', { key: m.key, name: m.name }))}
        />
      )}
      {canEdit && open?.kind === 'move' && current && (
        <MoveDateDialog
          programId={programId}
          milestone={current}
          onClose={close}
          onSaved={(m) => saved(t('milestones.moved', { key: m.key, name: m.name, date: formatPlainDate(m.forecastDate) }))}
        />
      )}
      {canEdit && open?.kind === 'complete' && current && program && (
        <CompleteMilestoneDialog
          programId={programId}
          milestone={current}
          today={program.today}
          onClose={close}
          onSaved={(m) => saved(t('milestones.completed', { key: m.key, name: m.name }))}
        />
      )}
    </section>
  );
}
