import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { HealthLegend } from '../components/health-legend.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { ApiError } from '../lib/api.js';
import { useChanges, useMilestones, useProgram, useProgramPeople } from '../lib/queries.js';
import { ChangeLogSection } from './change-log-section.js';
import { MilestonesSection } from './milestones-section.js';
import { ProgramHeader } from './program-header.js';
import { ProgramHeaderSkeleton } from './program-header-skeleton.js';

export function ProgramPage() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const program = useProgram(programId);
  const milestones = useMilestones(programId);
  const changes = useChanges(programId);
  const people = useProgramPeople(programId);
  const personList = people.data?.items ?? [];

  // A program someone may not see answers 404, exactly like one that does not exist.
  if (program.error instanceof ApiError && program.error.status === 404) {
    return (
      <>
        <PageTitle page={t('program.notFoundTitle')} />
        <h1>{t('program.notFoundTitle')}</h1>
        <p>{t('program.notFound')}</p>
        <p>
          <Link to="/">{t('errors.backToPortfolio')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageTitle page={program.data?.name ?? t('common.loading')} />
      {program.data ? (
        <ProgramHeader program={program.data} />
      ) : program.error ? (
        <>
          <h1>{programId}</h1>
          <LoadError title={t('program.loadFailed')} error={program.error} onRetry={() => void program.refetch()} />
        </>
      ) : (
        <ProgramHeaderSkeleton />
      )}
      <HealthLegend />
      <MilestonesSection
        programId={programId}
        program={program.data}
        milestones={milestones.data?.items}
        error={milestones.error}
        onRetry={() => void milestones.refetch()}
        people={personList}
      />
      <ChangeLogSection
        clients={program.data ? [program.data.client] : []}
        changes={changes.data?.items}
        error={changes.error}
        onRetry={() => void changes.refetch()}
        users={personList}
      />
    </>
  );
}
