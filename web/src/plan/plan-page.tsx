import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { HealthLegend } from '../components/health-legend.js';
import { LoadError } from '../components/load-error.js';
import { csvFileName } from '../csv/csv.js';
import { CsvButton } from '../csv/csv-button.js';
import { milestonesCsv } from '../csv/csv-lists.js';
import { ApiError } from '../lib/api.js';
import { allows } from '../lib/permissions.js';
import { type PlanRow, planFingerprint, usePlan } from '../lib/plan-view-queries.js';
import { useMilestones, useProgram } from '../lib/queries.js';
import { MoveDateDialog } from '../milestones/move-date-dialog.js';
import { RecordsHeader } from '../program/records-header.js';
import { useHashTarget } from '../records/use-hash-target.js';
import { ActivateDialog } from './activate-dialog.js';
import { BaselineBar, type PlanDialog } from './baseline-bar.js';
import { MtaSection } from './mta-section.js';
import { PlanAnswer } from './plan-answer.js';
import { PlanSettingsDialog } from './plan-settings-dialog.js';
import { PlanTable } from './plan-table.js';
import { RebaselineDialog } from './rebaseline-dialog.js';
import { SlipHistoryDialog } from './slip-history-dialog.js';
import { TimelineSection } from './timeline-section.js';
import { usePlanSearch } from './use-plan-search.js';

type Open = { kind: PlanDialog } | { kind: 'move' | 'slips'; row: PlanRow } | null;

/** Plan vs actual for one program: the answer, the baseline, the table, the trend and the timeline. */
export function PlanPage() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const me = useCurrentUser();
  const search = usePlanSearch();
  const program = useProgram(programId);
  const plan = usePlan(programId, search.baseline);
  const tableHeadingId = useId();
  const tableId = 'plan-table';
  const [open, setOpen] = useState<Open>(null);
  const [announcement, setAnnouncement] = useState('');
  useHashTarget(plan.data !== undefined);

  const can = program.data?.can;
  const moveGrant = can?.['milestone.move'] ?? 'no';
  const mayMove = moveGrant === 'no' ? null : (r: PlanRow) => allows(moveGrant, r.owner, me.id);
  // The move dialog works on the milestone as the milestones list has it (with its version).
  const milestones = useMilestones(programId);
  const data = plan.data;
  const version = useMemo(() => (data ? planFingerprint(data) : ''), [data]);
  const moving = open?.kind === 'move' ? milestones.data?.items.find((m) => m.id === open.row.id) : undefined;
  const firstOpen = data ? data.rows.findIndex((r) => r.actualDate === null) : -1;
  const missingBaseline = plan.error instanceof ApiError && plan.error.code === 'BASELINE_NOT_FOUND';

  const close = () => setOpen(null);
  const done = (message: string) => {
    setAnnouncement(message);
    setOpen(null);
  };

  return (
    <>
      <RecordsHeader code={programId} program={program.data} title={t('plan.title')}>
        {data && <PlanAnswer plan={data} />}
      </RecordsHeader>
      {program.error && <LoadError title={t('program.loadFailed')} error={program.error} onRetry={() => void program.refetch()} />}
      <p className="live-message" role="status">
        {announcement}
      </p>
      {plan.error ? (
        <LoadError
          title={missingBaseline ? t('plan.baselineMissing', { number: search.baseline }) : t('plan.loadFailed')}
          error={plan.error}
          onRetry={missingBaseline ? () => search.setBaseline(null) : () => void plan.refetch()}
        />
      ) : (
        <>
          <section className="section plan-section" aria-labelledby={tableHeadingId}>
            <div className="section__head">
              <h2 id={tableHeadingId}>{t('plan.table.heading')}</h2>
              {milestones.data && (
                <CsvButton fileName={csvFileName(programId, 'plan')} load={async () => milestonesCsv(t, milestones.data.items)} />
              )}
            </div>
            {data && (
              <BaselineBar
                plan={data}
                chosen={search.baseline}
                onChoose={search.setBaseline}
                mayBaseline={can?.['plan.baseline'] === 'yes'}
                mayEdit={can?.['plan.edit'] === 'yes'}
                onOpen={(kind) => setOpen({ kind })}
              />
            )}
            <HealthLegend />
            {data && firstOpen > 0 && (
              <p className="section__intro">
                {t('plan.table.doneFirst', { count: firstOpen })}{' '}
                <a href={`#${encodeURIComponent(data.rows[firstOpen]?.key ?? '')}`}>
                  {t('plan.table.firstOpen', { key: data.rows[firstOpen]?.key, name: data.rows[firstOpen]?.name })}
                </a>
              </p>
            )}
            <div id={tableId} tabIndex={-1} className="plan-table-anchor">
              <PlanTable
                programId={programId}
                plan={data}
                mayMove={mayMove}
                onMove={(row) => setOpen({ kind: 'move', row })}
                onSlips={(row) => setOpen({ kind: 'slips', row })}
              />
            </div>
          </section>
          {data && <MtaSection programId={programId} plan={data} version={version} trend={search.trend} onTrend={search.setTrend} />}
          {data && <TimelineSection programId={programId} plan={data} baseline={search.baseline} version={version} tableId={tableId} />}
        </>
      )}

      {data && open?.kind === 'activate' && <ActivateDialog programId={programId} plan={data} onClose={close} onDone={done} />}
      {data && open?.kind === 'rebaseline' && <RebaselineDialog programId={programId} plan={data} onClose={close} onDone={done} />}
      {data && open?.kind === 'settings' && <PlanSettingsDialog programId={programId} plan={data} onClose={close} onDone={done} />}
      {open?.kind === 'slips' && <SlipHistoryDialog programId={programId} row={open.row} onClose={close} />}
      {moving && <MoveDateDialog programId={programId} milestone={moving} onClose={close} onSaved={(_, summary) => done(summary)} />}
    </>
  );
}
