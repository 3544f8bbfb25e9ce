import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SearchHit, SearchResults } from '../../../src/contract/search.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { ApiError } from '../lib/api.js';
import { callOperation } from '../lib/http.js';
import { paths } from '../records/paths.js';

/** Where a hit is shown. */
export function hitPath(h: SearchHit): string {
  switch (h.kind) {
    case 'program':
      return paths.program(h.programCode);
    case 'milestone':
      return paths.milestone(h.programCode, h.key ?? '');
    case 'decision':
      return paths.decision(h.programCode, h.key ?? '');
    case 'risk':
      return paths.risk(h.programCode, h.key ?? '');
    case 'action':
      return paths.action(h.programCode, h.key ?? '');
  }
}

function Group({ group }: { group: SearchResults['groups'][number] }) {
  const { t } = useTranslation();
  if (group.items.length === 0) return null;
  return (
    <section className="search-group" aria-labelledby={`found-${group.kind}`}>
      <h2 id={`found-${group.kind}`}>{t(`search.kind.${group.kind}`, { count: group.items.length })}</h2>
      <ul className="search-hits">
        {group.items.map((h) => (
          <li key={`${h.programCode} ${h.key ?? ''}`}>
            <Link to={hitPath(h)} className="user-text">
              {h.key ? `${h.key} ` : ''}
              {h.title}
            </Link>
            <span className="search-hits__where">
              {h.kind === 'program' ? h.programCode : `${h.programCode} · ${h.programName}`} · {t(`search.status.${h.status}`, h.status)}
            </span>
          </li>
        ))}
      </ul>
      {group.hasMore && <p className="search-group__more">{t('search.more')}</p>}
    </section>
  );
}

/** The results of a search, grouped by kind, each hit a link to where it is shown. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const results = useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => callOperation('search', { query: { q } }, signal),
    enabled: q.length > 0,
  });
  const none = results.data?.groups.every((g) => g.items.length === 0);
  // A refused query (too long) will not change by asking again.
  const refused = results.error instanceof ApiError && results.error.status === 422;
  return (
    <>
      <PageTitle page={t('search.title')} />
      <header className="page-head">
        <p className="eyebrow">{t('search.title')}</p>
        <h1 className="user-text">{q ? t('search.heading', { q }) : t('search.empty')}</h1>
      </header>
      <p className="visually-hidden" role="status">
        {results.isFetching ? t('search.searching') : results.data ? (none ? t('search.nothing') : t('search.found')) : ''}
      </p>
      {results.error ? (
        <LoadError title={t('search.failed')} error={results.error} onRetry={refused ? undefined : () => void results.refetch()} />
      ) : none ? (
        <p>{t('search.nothing')}</p>
      ) : (
        results.data?.groups.map((g) => <Group key={g.kind} group={g} />)
      )}
    </>
  );
}
