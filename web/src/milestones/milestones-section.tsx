import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../src/contract/milestone.js';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { csvFileName } from '../csv/csv.js';
import { CsvButton } from '../csv/csv-button.js';
import { milestonesCsv } from '../csv/csv-lists.js';
import type { ProgramPerson } from '../lib/api.js';
import { mayChangeAny, milestoneRights } from '../lib/permissions.js';
import { useHashTarget } from '../records/use-hash-target.js';
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
  /** Who can own the program's milestones. */
  people: readonly ProgramPerson[];
}

/** The milestone table with only the controls that will work for the signed-in person. */
export function MilestonesSection({ programId, program, milestones, error, onRetry, people }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const headingId = useId();
  const [open, setOpen] = useState<Open>(null);
  const [announcement, setAnnouncement] = useState('');
  const close = () => setOpen(null);
  useHashTarget(milestones !== undefined);

  // Until the program (with what I may do) has loaded, no control is offered.
  const can = program?.can;
  const mayCreate = can?.['milestone.create'] === 'yes';
  const rightsFor = can && mayChangeAny(can) ? (m: Milestone) => milestoneRights(can, m.owner, me.id) : null;
  const current = open && open.kind !== 'add' ? milestones?.find((m) => m.id === open.milestoneId) : undefined;
  const rights = current && rightsFor ? rightsFor(current) : null;
  const saved = (message: string) => {
    setAnnouncement(message);
    setOpen(null);
  };

  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section__head">
        <h2 id={headingId}>{t('milestones.heading')}</h2>
        {milestones && <CsvButton fileName={csvFileName(programId, 'milestones')} load={async () => milestonesCsv(t, milestones)} />}
        {mayCreate && (
          <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'add' })}>
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
        <MilestonesTable
          programId={programId}
          milestones={milestones}
          rightsFor={rightsFor}
          onAction={(kind, m) => setOpen({ kind, milestoneId: m.id })}
        />
      )}

      {mayCreate && open?.kind === 'add' && program && (
        <AddMilestoneDialog
          programId={programId}
          defaultPhase={program.currentPhase ?? 'G1'}
          users={people}
          onClose={close}
          onSaved={(m) => saved(t('milestones.added', { key: m.key, name: m.name }))}
        />
      )}
      {rights?.edit && open?.kind === 'edit' && current && (
        <EditMilestoneDialog
          programId={programId}
          milestone={current}
          users={people}
          onClose={close}
          onSaved={(m) => saved(t('milestones.saved', { key: m.key, name: m.name }))}
        />
      )}
      {rights?.move && open?.kind === 'move' && current && (
        <MoveDateDialog programId={programId} milestone={current} onClose={close} onSaved={(_m, summary) => saved(summary)} />
      )}
      {rights?.complete && open?.kind === 'complete' && current && program && (
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
