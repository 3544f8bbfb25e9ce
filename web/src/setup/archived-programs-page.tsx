import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import { formatInstant } from '../lib/format.js';
import { useArchivedPrograms } from './setup-api.js';

/** Programs taken out of the portfolio: still readable, one click from being restored. */
export function ArchivedProgramsPage() {
  const { t } = useTranslation();
  const query = useArchivedPrograms();
  const captionId = useId();
  const items = query.data ? [...query.data.items].sort((a, b) => (b.archivedAt ?? '').localeCompare(a.archivedAt ?? '')) : undefined;
  return (
    <>
      <PageTitle page={t('setup.archivedPrograms.title')} />
      <header className="page-head">
        <h1>{t('setup.archivedPrograms.title')}</h1>
        <p className="section__intro">{t('setup.archivedPrograms.intro')}</p>
      </header>
      {query.error ? (
        <LoadError title={t('setup.archivedPrograms.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
      ) : items?.length === 0 ? (
        <p>{t('setup.archivedPrograms.none')}</p>
      ) : (
        <TableScroll labelledBy={captionId}>
          <table className="table table--cards" aria-busy={items === undefined || undefined}>
            <caption id={captionId} className="table__caption">
              {t('setup.archivedPrograms.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('portfolio.col.program')}</th>
                <th scope="col">{t('portfolio.col.client')}</th>
                <th scope="col">{t('portfolio.col.supplier')}</th>
                <th scope="col">{t('setup.archivedPrograms.archivedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items === undefined ? (
                <SkeletonRows rows={3} columns={4} />
              ) : (
                items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" className="cell-name">
                      <Link to={`/programs/${encodeURIComponent(p.code)}`}>
                        <span className="code">{p.code}</span> {p.name}
                      </Link>
                    </th>
                    <td data-label={t('portfolio.col.client')}>{p.client.name}</td>
                    <td data-label={t('portfolio.col.supplier')}>
                      {p.supplier.name}, {p.supplier.city}
                    </td>
                    <td data-label={t('setup.archivedPrograms.archivedAt')}>{p.archivedAt ? formatInstant(p.archivedAt) : ''}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p>
        <Link to="/portfolio">{t('errors.backToPortfolio')}</Link>
      </p>
    </>
  );
}
