import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { ApiError } from '../lib/api.js';
import { useProgram, useProgramPeople } from '../lib/queries.js';
import { useDecision } from '../lib/record-queries.js';
import { RecordsHeader } from '../program/records-header.js';
import { LinkedList } from '../records/linked-list.js';
import { paths } from '../records/paths.js';
import { RowButtons } from '../records/row-buttons.js';
import { useDecisionButtons } from './decision-buttons.js';
import { DecisionDialogs, type OpenDecisionDialog } from './decision-dialogs.js';
import { DecisionFacts } from './decision-facts.js';
import { decisionRights, noDecisionRights } from './decision-rights.js';

/** One decision: what is asked and why, the options, the verdict once made, and its chain. */
export function DecisionPage() {
  const { t } = useTranslation();
  const params = useParams();
  const programId = params.programId ?? '';
  const decisionId = params.decisionId ?? '';
  const me = useCurrentUser();
  const navigate = useNavigate();
  const program = useProgram(programId);
  const query = useDecision(programId, decisionId);
  const people = useProgramPeople(programId).data?.items ?? [];
  const buttons = useDecisionButtons();
  const textId = useId();
  const [open, setOpen] = useState<OpenDecisionDialog>(null);
  const [announcement, setAnnouncement] = useState('');
  const d = query.data;
  const can = program.data?.can;
  const rights = d && can ? decisionRights(can, d, me.id) : noDecisionRights;
  const title = d ? t('decisions.pageTitle', { key: d.key, statement: d.statement }) : decisionId;

  return (
    <>
      <RecordsHeader code={programId} program={program.data} title={title}>
        <p>
          <Link to={paths.decisions(programId)}>{t('decisions.backToAll')}</Link>
        </p>
      </RecordsHeader>
      <p className="live-message" role="status">
        {announcement}
      </p>
      {query.error ? (
        query.error instanceof ApiError && query.error.status === 404 ? (
          <p>{t('decisions.notFound', { key: decisionId })}</p>
        ) : (
          <LoadError title={t('decisions.loadOneFailed')} error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : !d ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <DecisionFacts programId={programId} decision={d} />
          <div className="record-controls">
            <RowButtons buttons={buttons(d, rights)} onAction={(kind) => setOpen({ kind, id: d.id })} />
          </div>
          <section className="section record-text" aria-labelledby={textId}>
            <h2 id={textId}>{t('decisions.detailHeading')}</h2>
            <dl className="text-list">
              {d.status !== 'open' && (
                <>
                  <dt>{t('decisions.outcome')}</dt>
                  <dd className="pre-line">{d.outcome}</dd>
                  <dt>{t('decisions.col.rationale')}</dt>
                  <dd className="pre-line">{d.rationale}</dd>
                  <dt>{t('decisions.col.impact')}</dt>
                  <dd className="pre-line">{d.expectedImpact}</dd>
                </>
              )}
              <dt>{t('decisions.form.context')}</dt>
              <dd className="pre-line">{d.context || <span className="muted">{t('records.none')}</span>}</dd>
              <dt>{t('decisions.form.options')}</dt>
              <dd className="pre-line">{d.options || <span className="muted">{t('records.none')}</span>}</dd>
              <dt>{t('decisions.links')}</dt>
              <dd>
                <LinkedList programId={programId} links={d.links} />
              </dd>
            </dl>
          </section>
        </>
      )}
      <DecisionDialogs
        programId={programId}
        open={open}
        mayRequest={false}
        rightsFor={(x) => (can ? decisionRights(can, x, me.id) : noDecisionRights)}
        find={(id) => (d?.id === id ? d : undefined)}
        people={people}
        onClose={() => setOpen(null)}
        onDone={(message, shown) => {
          setAnnouncement(message);
          setOpen(null);
          if (shown.key !== d?.key) void navigate(paths.decision(programId, shown.key));
        }}
      />
    </>
  );
}
