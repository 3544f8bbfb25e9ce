import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../components/load-error.js';
import { allPages, csvFileName } from '../csv/csv.js';
import { CsvButton } from '../csv/csv-button.js';
import { changesCsv } from '../csv/csv-lists.js';
import { callOperation } from '../lib/http.js';
import { useChangeLog, useProgramPeople } from '../lib/queries.js';
import { paths } from '../records/paths.js';
import { ChangeLogTable } from './change-log-table.js';

/** Entries the program page shows; the rest are on the full change log's page. */
export const latestChanges = 5;

/** On the program page: the latest few changes, and the way to the full, filterable log. */
export function ChangeLogSection({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const log = useChangeLog(programId, {}, latestChanges);
  const entries = log.data?.pages[0]?.items;
  const people = useProgramPeople(programId).data?.items ?? [];
  return (
    <section className="section section--changes" aria-labelledby={headingId}>
      <div className="section__head">
        <h2 id={headingId}>{t('changeLog.heading')}</h2>
        <Link to={paths.changes(programId)} className="button button--secondary">
          {t('changeLog.fullLink')}
        </Link>
        <CsvButton
          fileName={csvFileName(programId, 'changes')}
          load={async () => {
            const all = await allPages((cursor) => callOperation('listChanges', { params: { programId }, query: { limit: 1000, cursor } }));
            // People by name, as the log tells them.
            const names = new Map(people.map((p) => [p.id, p.name]));
            return changesCsv(t, all, (v) => (v !== null && names.has(v) ? (names.get(v) ?? v) : v));
          }}
        />
      </div>
      <p className="section__intro">{t('changeLog.latestIntro')}</p>
      {log.error ? (
        <LoadError title={t('changeLog.loadFailed')} error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <ChangeLogTable entries={entries} empty={t('changeLog.empty')} />
      )}
    </section>
  );
}
