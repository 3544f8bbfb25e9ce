import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadError } from '../components/load-error.js';
import { problemPartText } from '../forms/problem-text.js';
import { formatWeekday } from '../lib/format.js';
import { useProgram, useProgramPeople } from '../lib/queries.js';
import { RecordsHeader } from '../program/records-header.js';
import { type Charter, useCharter } from './charter-api.js';
import { CharterEditForm } from './charter-form.js';

/** A missing part shown as a visible gap, never a blank. */
const Gap = ({ children }: { children: string }) => <span className="gap">{children}</span>;

/** The program's kickoff charter: what activation still needs first, then the charter; its cadence owner edits it here. */
export function CharterPage() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const program = useProgram(programId);
  const charter = useCharter(programId);
  const people = useProgramPeople(programId);
  const [editing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const gapsId = useId();
  const p = program.data;
  const c = charter.data;
  const canEdit = p?.can['charter.edit'] === 'yes';
  const isDraft = p?.status === 'draft';

  return (
    <>
      <RecordsHeader code={programId} program={p} title={t('charter.title')}>
        {c && (
          <p className="answers__line">
            {c.gaps.length === 0
              ? t(isDraft ? 'charter.answer.completeDraft' : 'charter.answer.complete')
              : t('charter.answer.missing', { count: c.gaps.length })}
          </p>
        )}
      </RecordsHeader>
      <p className="live-message" role="status">
        {announcement}
      </p>
      {charter.error && <LoadError title={t('charter.loadFailed')} error={charter.error} onRetry={() => void charter.refetch()} />}
      {!c && !charter.error && <p className="muted">{t('common.loading')}</p>}
      {c && c.gaps.length > 0 && (
        <section className="notice notice--warning" aria-labelledby={gapsId}>
          <h2 id={gapsId} className="notice__title">
            {t('charter.gapsTitle')}
          </h2>
          <ul>
            {c.gaps.map((g) => (
              <li key={g.path}>{problemPartText(t, 'CHARTER_INCOMPLETE', g.path)}</li>
            ))}
          </ul>
        </section>
      )}
      {c &&
        (editing && canEdit ? (
          <CharterEditForm
            programId={programId}
            charter={c}
            people={(people.data?.items ?? []).map((x) => ({ id: x.id, name: x.name }))}
            onCancel={() => setEditing(false)}
            onDone={(saved) => {
              setEditing(false);
              setAnnouncement(
                saved.gaps.length === 0 ? t('charter.savedComplete') : t('charter.savedMissing', { count: saved.gaps.length }),
              );
            }}
          />
        ) : (
          <CharterView charter={c} canEdit={canEdit} onEdit={() => setEditing(true)} />
        ))}
    </>
  );
}

function CharterView({ charter: c, canEdit, onEdit }: { charter: Charter; canEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const headId = useId();
  const name = (id: string) => c.people.find((x) => x.id === id)?.name ?? id;
  const notSet = t('charter.notSet');
  const r = c.weeklyReport;
  const recipients = [...r.recipientIds.map(name), ...r.recipientEmails];
  const review = c.leadershipReview;
  return (
    <section className="section" aria-labelledby={headId}>
      <div className="section__head">
        <h2 id={headId}>{t('charter.heading')}</h2>
        {canEdit && (
          <button type="button" className="button" onClick={onEdit}>
            {t('charter.edit')}
          </button>
        )}
      </div>
      <p className="section__intro">{t('charter.intro')}</p>
      <dl className="facts charter-facts">
        <div>
          <dt>{t('charter.decisionOwner')}</dt>
          <dd>{c.decisionOwnerId ? name(c.decisionOwnerId) : <Gap>{t('charter.noOne')}</Gap>}</dd>
        </div>
        <div>
          <dt>{t('charter.escalationPath')}</dt>
          <dd>
            {c.escalationPath.length === 0 ? (
              <Gap>{t('charter.noEscalation')}</Gap>
            ) : (
              <ol className="charter-path">
                {c.escalationPath.map((id) => (
                  <li key={id}>{name(id)}</li>
                ))}
              </ol>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('charter.weeklyReport')}</dt>
          <dd>
            {r.weekday === null ? <Gap>{t('charter.noDay')}</Gap> : formatWeekday(r.weekday, 'long')}
            {', '}
            {r.time === null ? <Gap>{t('charter.noTime')}</Gap> : t('charter.atTime', { time: r.time })}
            <br />
            {recipients.length === 0 ? <Gap>{t('charter.noRecipients')}</Gap> : t('charter.to', { list: recipients.join(', ') })}
            <br />
            {r.autoIssue ? t('charter.issuedAutomatically') : t('charter.issuedByHand')}
          </dd>
        </div>
        <div>
          <dt>{t('charter.updateRequests')}</dt>
          <dd>
            {r.updateRequests.businessDaysBefore === null
              ? t('charter.requestsOffText')
              : t(r.updateRequests.businessDaysBefore === 0 ? 'charter.requestsOnDayText' : 'charter.requestsText', {
                  count: r.updateRequests.businessDaysBefore,
                  days: r.updateRequests.untouchedDays,
                })}
          </dd>
        </div>
        <div>
          <dt>{t('charter.leadershipReview')}</dt>
          <dd>
            {review.scoreAtLeast === null || review.unresolvedDays === null ? (
              <Gap>{t('charter.noRule')}</Gap>
            ) : (
              t('charter.rule', { score: review.scoreAtLeast, count: review.unresolvedDays })
            )}
          </dd>
        </div>
      </dl>
      <h3>{t('charter.success')}</h3>
      <dl className="facts facts--stacked">
        {c.gates.map((gate) => (
          <div key={gate}>
            <dt>{t('charter.successAt', { gate })}</dt>
            <dd className="pre-line">{c.successDefinitions[gate] ?? <Gap>{notSet}</Gap>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
