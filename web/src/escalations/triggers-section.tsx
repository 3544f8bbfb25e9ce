import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { thresholdOf } from '../../../src/domain/escalations/triggers.js';
import { LoadError } from '../components/load-error.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import type { ProgramPerson } from '../lib/api.js';
import { formatNumber } from '../lib/format.js';
import { Mark } from '../records/mark.js';
import { type ThresholdKind, type Trigger, useTriggers } from './escalations-api.js';
import { TriggerDialog } from './trigger-dialog.js';

interface Props {
  programId: string;
  people: readonly ProgramPerson[];
  /** The cadence owner (trigger.edit): each row gets its Edit button. */
  mayEdit: boolean;
  onSaved: (message: string) => void;
}

/** A program's triggers, one row per kind: what fires, how much, who answers, how fast, whether it climbs. */
export function TriggersSection({ programId, people, mayEdit, onSaved }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const captionId = useId();
  const query = useTriggers(programId);
  const [editing, setEditing] = useState<Trigger | null>(null);
  const ownerText = (tr: Trigger) =>
    tr.owner.kind === 'role'
      ? t('triggers.ownerRole', { role: t(`roles.${tr.owner.role}`) })
      : (people.find((p) => p.id === (tr.owner.kind === 'person' ? tr.owner.userId : ''))?.name ?? t('records.unknownPerson'));
  const columns = mayEdit ? 7 : 6;
  return (
    <section className="section" aria-labelledby={headingId} id="triggers">
      <div className="section__head">
        <h2 id={headingId}>{t('triggers.heading')}</h2>
      </div>
      <p className="section__intro">{mayEdit ? t('triggers.introEdit') : t('triggers.intro')}</p>
      {query.error ? (
        <LoadError title={t('triggers.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <TableScroll labelledBy={captionId}>
          <table className="table table--cards" aria-busy={query.data === undefined || undefined}>
            <caption id={captionId} className="table__caption">
              {t('triggers.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('triggers.col.kind')}</th>
                <th scope="col">{t('triggers.col.threshold')}</th>
                <th scope="col">{t('triggers.col.severity')}</th>
                <th scope="col">{t('triggers.col.owner')}</th>
                <th scope="col">{t('triggers.col.window')}</th>
                <th scope="col">{t('triggers.col.climbs')}</th>
                {mayEdit && (
                  <th scope="col" className="col-actions">
                    {t('triggers.col.actions')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {query.data === undefined ? (
                <SkeletonRows rows={9} columns={columns} />
              ) : (
                query.data.items.map((tr) => (
                  <tr key={tr.kind} className={tr.isEnabled ? undefined : 'record-row--closed'}>
                    <th scope="row" className="cell-name">
                      {t(`escalations.kind.${tr.kind}`)}{' '}
                      {tr.isEnabled ? <Mark tone="on_track">{t('triggers.on')}</Mark> : <Mark tone="neutral">{t('triggers.off')}</Mark>}
                      {tr.isDefault && <span className="cell-sub">{t('triggers.isDefault')}</span>}
                    </th>
                    <td data-label={t('triggers.col.threshold')}>
                      {tr.threshold === null || thresholdOf[tr.kind] === null
                        ? t('triggers.noThreshold')
                        : t(`triggers.unitValue.${tr.kind as ThresholdKind}`, { n: formatNumber(tr.threshold), count: tr.threshold })}
                    </td>
                    <td data-label={t('triggers.col.severity')}>
                      <span className={`severity severity--${tr.severity}`}>{t(`escalations.severity.${tr.severity}`)}</span>
                    </td>
                    <td data-label={t('triggers.col.owner')}>{ownerText(tr)}</td>
                    <td data-label={t('triggers.col.window')}>{t(`triggers.window.${tr.window.unit}`, { count: tr.window.amount })}</td>
                    <td data-label={t('triggers.col.climbs')}>{tr.climbs ? t('triggers.climbsYes') : t('triggers.climbsNo')}</td>
                    {mayEdit && (
                      <td className="col-actions">
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('triggers.editLabel', { kind: t(`escalations.kind.${tr.kind}`) })}
                          onClick={() => setEditing(tr)}
                        >
                          {t('triggers.edit')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
      {editing && (
        <TriggerDialog
          programId={programId}
          trigger={editing}
          people={people}
          onClose={() => setEditing(null)}
          onSaved={() => {
            onSaved(t('triggers.saved', { kind: t(`escalations.kind.${editing.kind}`) }));
            setEditing(null);
          }}
        />
      )}
    </section>
  );
}
