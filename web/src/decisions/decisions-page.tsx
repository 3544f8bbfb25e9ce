import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { MoreButton } from '../components/more-button.js';
import { allPages, csvFileName } from '../csv/csv.js';
import { CsvButton } from '../csv/csv-button.js';
import { decisionsCsv } from '../csv/csv-lists.js';
import { formatPlainDate } from '../lib/format.js';
import { usePaged } from '../lib/paged.js';
import { may } from '../lib/permissions.js';
import { useProgram, useProgramPeople } from '../lib/queries.js';
import { useDecisionPages } from '../lib/record-queries.js';
import type { DecisionsQuery } from '../lib/records-api.js';
import { recordsApi } from '../lib/records-api.js';
import { RecordsHeader } from '../program/records-header.js';
import { useHashTarget } from '../records/use-hash-target.js';
import { DecisionDialogs, type OpenDecisionDialog } from './decision-dialogs.js';
import { DecisionLogTable } from './decision-log-table.js';
import { DecisionQueueTable } from './decision-queue-table.js';
import { decisionRights, noDecisionRights, queueOrder } from './decision-rights.js';
import { DecisionsAnswer } from './decisions-answer.js';

/** Every open decision (rarely more than a page); the log a page at a time, the latest asked first. */
const openQuery: DecisionsQuery = { status: 'open', limit: 500 };
const logQuery: DecisionsQuery = { status: 'closed', order: 'desc', limit: 50 };

/** The decision queue (open, overdue first) and the decision log (decided and superseded, of the last 12 months). */
export function DecisionsPage() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const me = useCurrentUser();
  const program = useProgram(programId);
  const open = useDecisionPages(programId, openQuery);
  const closed = useDecisionPages(programId, logQuery);
  const opened = usePaged(open);
  const logged = usePaged(closed);
  const people = useProgramPeople(programId).data?.items ?? [];
  const queueId = useId();
  const logId = useId();
  const [dialog, setDialog] = useState<OpenDecisionDialog>(null);
  const [announcement, setAnnouncement] = useState('');
  useHashTarget(opened.items !== undefined && logged.items !== undefined);

  // The queue overdue first; the log as the server pages it, so rows loaded later come after those shown.
  const queue = useMemo(() => opened.items && [...opened.items].sort(queueOrder), [opened.items]);
  const log = logged.items;
  const period = closed.data?.pages[0]?.period;
  const error = open.error ?? closed.error;
  const retry = () => {
    if (open.error) void open.refetch();
    if (closed.error) void closed.refetch();
  };
  const can = program.data?.can;
  const mayRequest = can !== undefined && may(can, 'decision.request', null, me.id);
  const mayChange = can !== undefined && (can['decision.edit'] !== 'no' || can['decision.decide'] !== 'no');
  const rightsFor = can ? (d: Parameters<typeof decisionRights>[1]) => decisionRights(can, d, me.id) : () => noDecisionRights;

  return (
    <>
      <RecordsHeader code={programId} program={program.data} title={t('decisions.title')}>
        {queue && <DecisionsAnswer queue={queue} meId={me.id} />}
      </RecordsHeader>
      {program.error && <LoadError title={t('program.loadFailed')} error={program.error} onRetry={() => void program.refetch()} />}
      <p className="live-message" role="status">
        {announcement}
      </p>
      <section className="section" aria-labelledby={queueId}>
        <div className="section__head">
          <h2 id={queueId}>{t('decisions.queueHeading')}</h2>
          <CsvButton
            fileName={csvFileName(programId, 'decisions', 'open')}
            load={async () =>
              decisionsCsv(t, (await allPages((c) => recordsApi.listDecisions(programId, openQuery, undefined, c))).sort(queueOrder))
            }
          />
          {mayRequest && (
            <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'request' })}>
              {t('decisions.request')}
            </button>
          )}
        </div>
        {error ? (
          <LoadError title={t('decisions.loadFailed')} error={error} onRetry={retry} />
        ) : (
          <>
            <DecisionQueueTable
              programId={programId}
              decisions={queue}
              rightsFor={mayChange ? rightsFor : null}
              onAction={(kind, d) => setDialog({ kind, id: d.id })}
            />
            <MoreButton more={opened.more} label={t('decisions.moreOpen')} loadingLabel={t('decisions.loadingMore')} />
          </>
        )}
      </section>
      <section className="section" aria-labelledby={logId}>
        <div className="section__head">
          <h2 id={logId}>{t('decisions.logHeading')}</h2>
          <CsvButton
            fileName={csvFileName(programId, 'decisions', 'log')}
            load={async () =>
              decisionsCsv(t, await allPages((c) => recordsApi.listDecisions(programId, { ...logQuery, limit: 500 }, undefined, c)))
            }
          />
        </div>
        <p className="section__intro">
          {period
            ? t('decisions.logIntro', { since: formatPlainDate(period.since), until: formatPlainDate(period.until) })
            : t('decisions.logIntroLoading')}
        </p>
        {!error && (
          <>
            <DecisionLogTable
              programId={programId}
              decisions={log}
              rightsFor={can && can['decision.decide'] !== 'no' ? rightsFor : null}
              onAction={(kind, d) => setDialog({ kind, id: d.id })}
            />
            <MoreButton more={logged.more} label={t('decisions.moreLog')} loadingLabel={t('decisions.loadingMore')} />
          </>
        )}
      </section>
      <DecisionDialogs
        programId={programId}
        open={dialog}
        mayRequest={mayRequest}
        rightsFor={rightsFor}
        find={(id) => queue?.find((d) => d.id === id) ?? log?.find((d) => d.id === id)}
        people={people}
        onClose={() => setDialog(null)}
        onDone={(message) => {
          setAnnouncement(message);
          setDialog(null);
        }}
      />
    </>
  );
}
