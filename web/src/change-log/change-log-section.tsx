import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Change } from '../../../src/contract/change.js';
import { LoadError } from '../components/load-error.js';
import { allPages, csvFileName } from '../csv/csv.js';
import { CsvButton } from '../csv/csv-button.js';
import { changesCsv } from '../csv/csv-lists.js';
import type { ProgramPerson } from '../lib/api.js';
import { callOperation } from '../lib/http.js';
import { ChangeLogTable } from './change-log-table.js';

interface Props {
  /** The program's code or id: the CSV file reads its whole change log. */
  programId: string;
  /** Clients by id, for the program's own change records. */
  clients: readonly { id: string; name: string }[];
  changes: readonly Change[] | undefined;
  error: unknown;
  onRetry: () => void;
  users: readonly ProgramPerson[];
  /** Older changes to fetch, a page at a time; null when the oldest is shown. */
  more?: { readonly loading: boolean; readonly load: () => void } | null;
}

export function ChangeLogSection({ programId, clients, changes, error, onRetry, users, more = null }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const names = useMemo(() => new Map([...users, ...clients].map((x) => [x.id, x.name])), [users, clients]);
  return (
    <section className="section section--changes" aria-labelledby={headingId}>
      <div className="section__head">
        <h2 id={headingId}>{t('changeLog.heading')}</h2>
        <CsvButton
          fileName={csvFileName(programId, 'changes')}
          load={async () => {
            const all = await allPages((cursor) => callOperation('listChanges', { params: { programId }, query: { limit: 1000, cursor } }));
            // People and clients by name, as the table shows them.
            return changesCsv(t, all, (v) => (v !== null && names.has(v) ? (names.get(v) ?? v) : v));
          }}
        />
      </div>
      <p className="section__intro">{t('changeLog.intro')}</p>
      {error ? (
        <LoadError title={t('changeLog.loadFailed')} error={error} onRetry={onRetry} />
      ) : (
        <ChangeLogTable changes={changes} names={names} more={more} />
      )}
    </section>
  );
}
