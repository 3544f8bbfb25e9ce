import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { HealthLegend } from '../components/health-legend.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { CsvButton } from '../csv/csv-button.js';
import { portfolioCsv } from '../csv/csv-lists.js';
import { currentWeek, leadershipPath } from '../leadership/leadership-api.js';
import { usePrograms } from '../lib/queries.js';
import { mayCreatePrograms } from '../setup/may-create.js';
import { PortfolioSummary } from './portfolio-summary.js';
import { PortfolioTable } from './portfolio-table.js';
import { sortByAttention } from './sort-programs.js';

export function PortfolioPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const query = usePrograms();
  const programs = useMemo(() => (query.data ? sortByAttention(query.data.items) : undefined), [query.data]);
  return (
    <>
      <PageTitle page={t('portfolio.title')} />
      <header className="page-head">
        {programs && !query.error && <p className="eyebrow">{t('portfolio.title')}</p>}
        <PortfolioSummary programs={query.error ? undefined : programs} />
        <div className="row-actions portfolio-actions">
          {mayCreatePrograms(me) && (
            <Link to="/programs/new" className="button button--primary">
              {t('setup.programs.new')}
            </Link>
          )}
          <Link to={leadershipPath(currentWeek())}>{t('leadership.link')}</Link>
          <Link to="/archived-programs">{t('setup.archivedPrograms.link')}</Link>
        </div>
      </header>
      <p className="visually-hidden" role="status">
        {query.isPending ? t('portfolio.loading') : ''}
      </p>
      {query.error ? (
        <LoadError title={t('portfolio.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <div className="list-tools">
            <HealthLegend />
            {programs && programs.length > 0 && <CsvButton fileName="portfolio.csv" load={async () => portfolioCsv(t, programs)} />}
          </div>
          {programs?.length !== 0 && <PortfolioTable programs={programs} />}
        </>
      )}
    </>
  );
}
