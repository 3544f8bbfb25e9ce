import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { may } from '../lib/permissions.js';
import { useProgram, useProgramPeople } from '../lib/queries.js';
import { useDecisions } from '../lib/record-queries.js';
import { RecordsHeader } from '../program/records-header.js';
import { useHashTarget } from '../records/use-hash-target.js';
import { DecisionDialogs, type OpenDecisionDialog } from './decision-dialogs.js';
import { DecisionLogTable } from './decision-log-table.js';
import { DecisionQueueTable } from './decision-queue-table.js';
import { decisionRights, logOrder, noDecisionRights, queueOrder } from './decision-rights.js';
import { DecisionsAnswer } from './decisions-answer.js';

/** The decision queue (open, overdue first) and the decision log (decided and superseded). */
export function DecisionsPage() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const me = useCurrentUser();
  const program = useProgram(programId);
  const decisions = useDecisions(programId);
  const people = useProgramPeople(programId).data?.items ?? [];
  const queueId = useId();
  const logId = useId();
  const [open, setOpen] = useState<OpenDecisionDialog>(null);
  const [announcement, setAnnouncement] = useState('');
  useHashTarget(decisions.data !== undefined);

  const items = decisions.data?.items;
  const queue = useMemo(() => items?.filter((d) => d.status === 'open').sort(queueOrder), [items]);
  const log = useMemo(() => items?.filter((d) => d.status !== 'open').sort(logOrder), [items]);
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
          {mayRequest && (
            <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'request' })}>
              {t('decisions.request')}
            </button>
          )}
        </div>
        {decisions.error ? (
          <LoadError title={t('decisions.loadFailed')} error={decisions.error} onRetry={() => void decisions.refetch()} />
        ) : (
          <DecisionQueueTable
            programId={programId}
            decisions={queue}
            rightsFor={mayChange ? rightsFor : null}
            onAction={(kind, d) => setOpen({ kind, id: d.id })}
          />
        )}
      </section>
      <section className="section" aria-labelledby={logId}>
        <h2 id={logId}>{t('decisions.logHeading')}</h2>
        <p className="section__intro">{t('decisions.logIntro')}</p>
        {!decisions.error && (
          <DecisionLogTable
            programId={programId}
            decisions={log}
            rightsFor={can && can['decision.decide'] !== 'no' ? rightsFor : null}
            onAction={(kind, d) => setOpen({ kind, id: d.id })}
          />
        )}
      </section>
      <DecisionDialogs
        programId={programId}
        open={open}
        mayRequest={mayRequest}
        rightsFor={rightsFor}
        find={(id) => items?.find((d) => d.id === id)}
        people={people}
        onClose={() => setOpen(null)}
        onDone={(message) => {
          setAnnouncement(message);
          setOpen(null);
        }}
      />
    </>
  );
}
