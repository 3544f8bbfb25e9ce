import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { MoreButton } from '../components/more-button.js';
import { formatList, formatPlainDate } from '../lib/format.js';
import { usePaged } from '../lib/paged.js';
import { may } from '../lib/permissions.js';
import { useProgram } from '../lib/queries.js';
import { RecordsHeader } from '../program/records-header.js';
import { EventOutcome } from './event-outcome.js';
import { type FloorEvent, useFloorEvents } from './floor-api.js';
import { ImportSection } from './import-section.js';
import { type FloorEventKind, RecordEventDialog } from './record-event-dialog.js';

const kinds: readonly FloorEventKind[] = ['shipment', 'inspection', 'measurement'];

/** An inspection rejected, a shipment overdue, or a measurement with a value out of limits. */
const isRejected = (e: FloorEvent) => e.inspection?.verdict === 'reject';
const isOverdue = (e: FloorEvent) =>
  e.shipment !== null && e.shipment !== undefined && e.shipment.businessDaysLate !== null && e.shipment.arrivedOn === null;
const isOut = (e: FloorEvent) => (e.measurement?.outOfLimits.length ?? 0) > 0;
const needsAttention = (e: FloorEvent) => isRejected(e) || isOverdue(e) || isOut(e);

/** The answer first: how many events, inspections rejected, shipments late, measurements out of limits. */
function FloorAnswer({ events }: { events: readonly FloorEvent[] }) {
  const { t } = useTranslation();
  const rejected = events.filter(isRejected).length;
  const late = events.filter(isOverdue).length;
  const out = events.filter(isOut).length;
  // Only what is there, each counted in its own words ("1 inspection rejected", not "1 inspections rejected").
  const parts = [
    rejected > 0 ? t('floor.answer.rejected', { count: rejected }) : null,
    late > 0 ? t('floor.answer.late', { count: late }) : null,
    out > 0 ? t('floor.answer.out', { count: out }) : null,
  ].filter((p): p is string => p !== null);
  return (
    <p className="answer">
      {parts.length === 0 ? t('floor.answer.clear', { count: events.length }) : t('floor.answer.attention', { what: formatList(parts) })}
    </p>
  );
}

/** The program's floor events with their outcome, the forms to report one, and the CSV upload. */
export function FloorPage() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const me = useCurrentUser();
  const program = useProgram(programId);
  const query = useFloorEvents(programId);
  const { items, more } = usePaged(query);
  const [open, setOpen] = useState<FloorEventKind | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const headingId = useId();
  const can = program.data?.can;
  const mayReport = can !== undefined && may(can, 'event.report', null, me.id);

  return (
    <>
      <RecordsHeader code={programId} program={program.data} title={t('floor.title')}>
        {items && <FloorAnswer events={items} />}
      </RecordsHeader>
      {program.error && <LoadError title={t('program.loadFailed')} error={program.error} onRetry={() => void program.refetch()} />}
      {query.error && <LoadError title={t('floor.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />}
      <p className="live-message" role="status">
        {announcement}
      </p>
      <section className="section" aria-labelledby={headingId}>
        <div className="section__head">
          <h2 id={headingId}>{t('floor.heading')}</h2>
          {mayReport && (
            <div className="floor-actions">
              {kinds.map((k) => (
                <button key={k} type="button" className="button" onClick={() => setOpen(k)}>
                  {t(`floor.report.${k}`)}
                </button>
              ))}
            </div>
          )}
        </div>
        {items?.length === 0 && <p>{t('floor.empty')}</p>}
        <ul className="event-list">
          {items?.map((e) => (
            <li key={e.id} id={e.key} className={`event-list__item${needsAttention(e) ? ' event-list__item--attention' : ''}`}>
              <article aria-labelledby={`${e.id}-title`}>
                <h3 id={`${e.id}-title`}>
                  <span className="code">{e.key}</span> {t(`floor.kind.${e.kind}`)}: {e.title}
                </h3>
                <p className="cell-sub">
                  {t('floor.occurred', { date: formatPlainDate(e.occurredOn), name: e.recordedBy?.name ?? t('floor.nobody') })}
                </p>
                <EventOutcome event={e} />
              </article>
            </li>
          ))}
        </ul>
        <MoreButton more={more} label={t('floor.more')} loadingLabel={t('floor.loadingMore')} />
      </section>
      {mayReport && <ImportSection programId={programId} />}
      {open && (
        <RecordEventDialog
          programId={programId}
          kind={open}
          onClose={() => setOpen(null)}
          onSaved={(e) => {
            setOpen(null);
            setAnnouncement(t('floor.recorded', { key: e.key }));
          }}
        />
      )}
    </>
  );
}
