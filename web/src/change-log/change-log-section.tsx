import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Change } from '../../../src/contract/change.js';
import { LoadError } from '../components/load-error.js';
import type { ProgramPerson } from '../lib/api.js';
import { ChangeLogTable } from './change-log-table.js';

interface Props {
  /** Clients by id, for the program's own change records. */
  clients: readonly { id: string; name: string }[];
  changes: readonly Change[] | undefined;
  error: unknown;
  onRetry: () => void;
  users: readonly ProgramPerson[];
  /** Older changes to fetch, a page at a time; null when the oldest is shown. */
  more?: { readonly loading: boolean; readonly load: () => void } | null;
}

export function ChangeLogSection({ clients, changes, error, onRetry, users, more = null }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const names = useMemo(() => new Map([...users, ...clients].map((x) => [x.id, x.name])), [users, clients]);
  return (
    <section className="section section--changes" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('changeLog.heading')}</h2>
      <p className="section__intro">{t('changeLog.intro')}</p>
      {error ? (
        <LoadError title={t('changeLog.loadFailed')} error={error} onRetry={onRetry} />
      ) : (
        <ChangeLogTable changes={changes} names={names} more={more} />
      )}
    </section>
  );
}
