import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ChangeLogSection } from '../change-log/change-log-section.js';
import { HealthLegend } from '../components/health-legend.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { ProgramIntakeSection } from '../intake/program-intake-section.js';
import { useMilestones, useNeedsOwner, useProgram, useProgramPeople } from '../lib/queries.js';
import { MilestonesSection } from '../milestones/milestones-section.js';
import { ProgramSetup } from '../setup/program-setup.js';
import { NeedsOwnerSection } from './needs-owner-section.js';
import { ProgramHeader } from './program-header.js';
import { ProgramHeaderSkeleton } from './program-header-skeleton.js';
import { ProgramTabs } from './program-tabs.js';
import { UpdateRequestsSection } from './update-requests-section.js';

export function ProgramPage() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const program = useProgram(programId);
  const milestones = useMilestones(programId);
  const people = useProgramPeople(programId);
  const gaps = useNeedsOwner(programId);
  const personList = people.data?.items ?? [];

  return (
    <>
      <PageTitle page={program.data?.name ?? t('common.loading')} />
      {program.data ? (
        <>
          <ProgramHeader program={program.data} />
          <ProgramSetup programId={programId} program={program.data} people={personList} />
        </>
      ) : program.error ? (
        <>
          <h1>{programId}</h1>
          <LoadError title={t('program.loadFailed')} error={program.error} onRetry={() => void program.refetch()} />
        </>
      ) : (
        <ProgramHeaderSkeleton />
      )}
      <ProgramTabs code={programId} program={program.data} />
      <HealthLegend />
      <ProgramIntakeSection programId={programId} />
      {program.data && <UpdateRequestsSection program={program.data} />}
      <NeedsOwnerSection code={program.data?.code ?? programId} items={gaps.data?.items} hasMore={Boolean(gaps.data?.nextCursor)} />
      <MilestonesSection
        programId={programId}
        program={program.data}
        milestones={milestones.data?.items}
        error={milestones.error}
        onRetry={() => void milestones.refetch()}
        people={personList}
      />
      <ChangeLogSection programId={programId} />
    </>
  );
}
