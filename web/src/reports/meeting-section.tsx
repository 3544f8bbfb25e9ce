import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../components/instant-text.js';
import { LoadError } from '../components/load-error.js';
import { useMe, useProgramPeople } from '../lib/queries.js';
import { ActionOutcomeDialog, DecideOutcomeDialog, NewDecisionDialog } from './outcome-dialog.js';
import { DaysText, DueCell, PersonText, RecordLink } from './report-cells.js';
import { useMeeting } from './reports-api.js';

type Open = { kind: 'decide'; key: string } | { kind: 'new_decision' } | { kind: 'action' } | null;

/**
 * The week's cadence meeting: the agenda generated from the draft (decisions first), who is asked and why,
 * and the minutes; the cadence owner records outcomes here straight into the log (a decision they own,
 * one taken in the meeting, a new action), and the minutes go out with the issued report.
 */
export function MeetingSection({ programId, week }: { programId: string; week: string }) {
  const { t } = useTranslation();
  const meeting = useMeeting(programId, week);
  const me = useMe().data;
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canRecord = meeting.data?.canRecord === true;
  const people = useProgramPeople(programId);
  const m = meeting.data;
  const names = new Map((m?.people ?? []).map((p) => [p.id, p.name]));
  const saved = (key: string | undefined) => {
    setOpen(null);
    setNotice(t('reports.meeting.recorded', { key: key ?? '' }));
  };
  return (
    <section className="section report-meeting" aria-labelledby="report-meeting">
      <div className="section__head">
        <h2 id="report-meeting">{t('reports.meeting.heading')}</h2>
      </div>
      <p className="section__intro">{t('reports.meeting.intro')}</p>
      {meeting.error ? (
        <LoadError title={t('reports.meeting.loadFailed')} error={meeting.error} onRetry={() => void meeting.refetch()} />
      ) : !m ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <h3>{t('reports.meeting.attendees')}</h3>
          <ul className="report-attendees">
            {m.attendees.map((a) => (
              <li key={a.id}>
                {a.name} <span className="muted">({a.roles.map((r) => t(`reports.meeting.role.${r}`)).join(', ')})</span>
              </li>
            ))}
          </ul>
          <h3>{t('reports.meeting.agenda')}</h3>
          <ol className="report-agenda">
            {m.sections.map((s) => (
              <li key={s.section}>
                <strong>{t(`reports.meeting.section.${s.section}`)}</strong>
                {s.items.length === 0 ? (
                  <p className="muted">{t('reports.draft.none')}</p>
                ) : (
                  <ul>
                    {s.items.map((i) => (
                      <li key={`${i.record}-${i.path}-${i.change ?? ''}`}>
                        <RecordLink path={i.path} recordKey={i.key} title={i.title} />
                        {' — '}
                        <PersonText id={i.ownerId} names={names} />, <DueCell due={i.due} isOverdue={i.isOverdue} />
                        {i.change === 'moved' && i.from !== null && i.to !== null && (
                          <span className="cell-sub">
                            {i.from} → {i.to} {i.days !== null && <DaysText days={i.days} />}
                          </span>
                        )}
                        {i.reason && <span className="cell-sub">{i.reason}</span>}
                        {canRecord && s.section === 'decisions' && i.ownerId === me?.id && (
                          <>
                            {' '}
                            <button type="button" className="button button--small" onClick={() => setOpen({ kind: 'decide', key: i.key })}>
                              {t('reports.meeting.recordDecision', { key: i.key })}
                            </button>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          <h3>{t('reports.meeting.minutes')}</h3>
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          {m.minutes.length === 0 ? (
            <p className="muted">{t('reports.meeting.noMinutes')}</p>
          ) : (
            <ul className="report-minutes">
              {m.minutes.map((e) => (
                <li key={e.key}>
                  {e.kind === 'decision'
                    ? t('reports.meeting.minuteDecision', { key: e.key, statement: e.statement, outcome: e.outcome })
                    : t('reports.meeting.minuteAction', { key: e.key, title: e.title })}{' '}
                  — <PersonText id={e.ownerId} names={names} />
                  {e.kind === 'action' && (
                    <>
                      , <DueCell due={e.dueDate} isOverdue={false} />
                    </>
                  )}
                  <span className="cell-sub">
                    {t('reports.meeting.recordedBy', { name: names.get(e.actorId) ?? e.actorId })} <InstantText value={e.at} />
                  </span>
                </li>
              ))}
            </ul>
          )}
          {canRecord && (
            <p className="button-row">
              <button type="button" className="button button--secondary" onClick={() => setOpen({ kind: 'new_decision' })}>
                {t('reports.meeting.newDecision')}
              </button>{' '}
              <button type="button" className="button button--secondary" onClick={() => setOpen({ kind: 'action' })}>
                {t('reports.meeting.newAction')}
              </button>
            </p>
          )}
        </>
      )}
      {open?.kind === 'decide' && (
        <DecideOutcomeDialog
          programId={programId}
          week={week}
          decisionKey={open.key}
          onClose={() => setOpen(null)}
          onSaved={(v) => saved(v.minutes.at(-1)?.key)}
        />
      )}
      {open?.kind === 'new_decision' && (
        <NewDecisionDialog programId={programId} week={week} onClose={() => setOpen(null)} onSaved={(v) => saved(v.minutes.at(-1)?.key)} />
      )}
      {open?.kind === 'action' && (
        <ActionOutcomeDialog
          programId={programId}
          week={week}
          people={people.data?.items ?? []}
          onClose={() => setOpen(null)}
          onSaved={(v) => saved(v.minutes.at(-1)?.key)}
        />
      )}
    </section>
  );
}
