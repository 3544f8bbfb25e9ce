import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { CharterLink, useCharterRefusal } from '../charter/charter-refusal.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import type { ProgramPerson } from '../lib/api.js';
import { formatInstant } from '../lib/format.js';
import { planViewApi } from '../lib/plan-view-queries.js';
import { invalidateProgram } from '../lib/queries.js';
import { EditProgramDialog } from './edit-program-dialog.js';
import { ReasonDialog } from './reason-dialog.js';
import { setupApi, setupKeys } from './setup-api.js';

type Open = 'edit' | 'archive' | 'restore' | 'activate';

/**
 * On a program's page: that it is a draft (with "Activate") or archived (with "Restore"), and, for
 * those who may, "Edit program" and "Archive program".
 */
interface Props {
  /** The program as the page's address names it (id or code): its cached answers sit under it. */
  programId: string;
  program: ProgramSummary;
  people: readonly ProgramPerson[];
}

export function ProgramSetup({ programId, program: p, people }: Props) {
  const { t } = useTranslation();
  const cache = useQueryClient();
  const navigate = useNavigate();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const [open, setOpen] = useState<Open | null>(null);
  const charter = useCharterRefusal();
  const [announcement, setAnnouncement] = useState(created ? t('setup.programs.created', { code: p.code }) : '');
  const mayEdit = p.can['program.edit'] === 'yes';
  const mayActivate = p.can['plan.baseline'] === 'yes';
  const archived = p.archivedAt !== null;

  const refresh = () =>
    Promise.all([invalidateProgram(cache, programId), cache.invalidateQueries({ queryKey: setupKeys.archivedPrograms })]);
  const done = async (message: string) => {
    setOpen(null);
    setAnnouncement(message);
    await refresh();
  };

  return (
    <>
      <p className="live-message" role="status">
        {announcement}
      </p>
      {archived && (
        <div className="notice notice--warning program-banner">
          <p className="notice__title">{t('setup.programs.archivedOn', { when: formatInstant(p.archivedAt ?? '') })}</p>
          <p>{t('setup.programs.archivedBody')}</p>
          {mayEdit && (
            <button type="button" className="button button--secondary" onClick={() => setOpen('restore')}>
              {t('setup.programs.restore')}
            </button>
          )}
        </div>
      )}
      {!archived && p.status === 'draft' && (
        <div className="notice program-banner">
          <p className="notice__title">{t('setup.programs.draftTitle')}</p>
          <p>{t('setup.programs.draftBody', { count: p.milestoneCount })}</p>
          {mayActivate && (
            <button type="button" className="button button--primary" onClick={() => setOpen('activate')}>
              {t('setup.programs.activate')}
            </button>
          )}
        </div>
      )}
      {mayEdit && !archived && (
        <div className="row-actions program-setup-actions">
          <button type="button" className="button button--small" onClick={() => setOpen('edit')}>
            {t('setup.programs.edit')}
          </button>
          <button type="button" className="button button--small" onClick={() => setOpen('archive')}>
            {t('setup.programs.archive')}
          </button>
        </div>
      )}
      {open === 'edit' && (
        <EditProgramDialog
          programId={programId}
          program={p}
          people={people}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            setAnnouncement(t('setup.programs.saved', { code: saved.code }));
            if (saved.code !== p.code) void navigate(`/programs/${encodeURIComponent(saved.code)}`, { replace: true });
          }}
        />
      )}
      {open === 'archive' && (
        <ReasonDialog
          title={t('setup.programs.archiveTitle', { code: p.code })}
          confirmLabel={t('setup.programs.archive')}
          isDanger
          onClose={() => setOpen(null)}
          onConfirm={async (reason) => {
            await setupApi.archiveProgram(p.id, { version: p.version, reason });
            await done(t('setup.programs.archivedDone', { code: p.code }));
          }}
        >
          <p>{t('setup.programs.archiveBody', { code: p.code })}</p>
        </ReasonDialog>
      )}
      {open === 'restore' && (
        <ReasonDialog
          title={t('setup.programs.restoreTitle', { code: p.code })}
          confirmLabel={t('setup.programs.restore')}
          onClose={() => setOpen(null)}
          onConfirm={async (reason) => {
            await setupApi.restoreProgram(p.id, { version: p.version, reason });
            await done(t('setup.programs.restored', { code: p.code }));
          }}
        >
          <p>{t('setup.programs.restoreBody', { code: p.code })}</p>
        </ReasonDialog>
      )}
      {open === 'activate' && (
        <ConfirmDialog
          title={t('plan.activate.title', { code: p.code })}
          confirmLabel={t('plan.activate.button')}
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            const baseline = await charter.watch(planViewApi.activate(p.id, { version: p.version }));
            await done(t('plan.activate.done', { code: p.code, count: baseline.milestoneCount }));
          }}
        >
          <p>{t('plan.activate.whatDraft', { code: p.code, count: p.milestoneCount })}</p>
          <p>{t('plan.activate.after')}</p>
          {charter.isCharterMissing && <CharterLink code={p.code} />}
        </ConfirmDialog>
      )}
    </>
  );
}
