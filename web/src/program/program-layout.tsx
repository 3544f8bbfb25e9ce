import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router';
import { PageTitle } from '../components/page-title.js';
import { ApiError } from '../lib/api.js';
import { useProgram } from '../lib/queries.js';

/** Every page of one program: a program the person may not see answers 404, like a missing one. */
export function ProgramLayout() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const program = useProgram(programId);
  if (program.error instanceof ApiError && program.error.status === 404) {
    return (
      <>
        <PageTitle page={t('program.notFoundTitle')} />
        <h1>{t('program.notFoundTitle')}</h1>
        <p>{t('program.notFound')}</p>
        <p>
          <Link to="/portfolio">{t('errors.backToPortfolio')}</Link>
        </p>
      </>
    );
  }
  return <Outlet />;
}
