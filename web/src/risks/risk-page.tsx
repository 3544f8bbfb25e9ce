import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { ApiError } from '../lib/api.js';
import { useProgram, useProgramPeople } from '../lib/queries.js';
import { useRisk } from '../lib/record-queries.js';
import { RecordsHeader } from '../program/records-header.js';
import { paths } from '../records/paths.js';
import { RowButtons } from '../records/row-buttons.js';
import { useRiskButtons } from './risk-buttons.js';
import { type OpenRiskDialog, RiskDialogs } from './risk-dialogs.js';
import { RiskFacts } from './risk-facts.js';
import { noRiskRights, riskRights } from './risk-rights.js';
import { ScoreHistoryTable } from './score-history-table.js';

/** One risk: its facts, what would show it coming, the plan, its score history and its actions. */
export function RiskPage() {
  const { t } = useTranslation();
  const params = useParams();
  const programId = params.programId ?? '';
  const riskId = params.riskId ?? '';
  const me = useCurrentUser();
  const program = useProgram(programId);
  const query = useRisk(programId, riskId);
  const people = useProgramPeople(programId).data?.items ?? [];
  const buttons = useRiskButtons();
  const textId = useId();
  const historyId = useId();
  const actionsId = useId();
  const [open, setOpen] = useState<OpenRiskDialog>(null);
  const [announcement, setAnnouncement] = useState('');
  const r = query.data?.risk;
  const can = program.data?.can;
  const rightsFor = (x: NonNullable<typeof r>) => (can ? riskRights(can, x, me.id) : noRiskRights);

  return (
    <>
      <RecordsHeader code={programId} program={program.data} title={r ? t('risks.pageTitle', { key: r.key, title: r.title }) : riskId}>
        <p>
          <Link to={paths.risks(programId)}>{t('risks.backToAll')}</Link>
        </p>
      </RecordsHeader>
      <p className="live-message" role="status">
        {announcement}
      </p>
      {query.error ? (
        query.error instanceof ApiError && query.error.status === 404 ? (
          <p>{t('risks.notFound', { key: riskId })}</p>
        ) : (
          <LoadError title={t('risks.loadOneFailed')} error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : !r || !query.data ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <RiskFacts risk={r} />
          <div className="record-controls">
            <RowButtons buttons={buttons(r, rightsFor(r))} onAction={(kind) => setOpen({ kind, id: r.id })} />
          </div>
          <section className="section record-text" aria-labelledby={textId}>
            <h2 id={textId}>{t('risks.detailHeading')}</h2>
            <dl className="text-list">
              <dt>{t('risks.form.description')}</dt>
              <dd className="pre-line">{r.description || <span className="muted">{t('records.none')}</span>}</dd>
              <dt>{t('risks.form.earlyWarning')}</dt>
              <dd className="pre-line">{r.earlyWarning || <span className="gap">{t('risks.noEarlyWarning')}</span>}</dd>
              <dt>{t('risks.form.mitigation')}</dt>
              <dd className="pre-line">{r.mitigation || <span className="gap">{t('risks.noMitigation')}</span>}</dd>
            </dl>
          </section>
          <section className="section" aria-labelledby={historyId}>
            <h2 id={historyId}>{t('risks.history.heading')}</h2>
            <ScoreHistoryTable points={query.data.scoreHistory} />
          </section>
          <section className="section" aria-labelledby={actionsId}>
            <h2 id={actionsId}>{t('risks.linkedActions')}</h2>
            {r.actions.length === 0 ? (
              <p className="muted">{t('risks.noActions')}</p>
            ) : (
              <ul className="plain-list linked-list">
                {r.actions.map((a) => (
                  <li key={a.id}>
                    <span className="code">{a.key}</span> <Link to={paths.action(programId, a.key)}>{a.title}</Link>{' '}
                    <span className="muted">
                      ({t(`actions.statusShort.${a.status as 'open' | 'done' | 'closed'}`, { defaultValue: a.status })})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <RiskDialogs
        programId={programId}
        open={open}
        mayRaise={false}
        rightsFor={rightsFor}
        find={(id) => (r?.id === id ? r : undefined)}
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
