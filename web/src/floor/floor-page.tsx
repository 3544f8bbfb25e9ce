import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { MoreButton } from '../components/more-button.js';
import { formatPlainDate } from '../lib/format.js';
import { usePaged } from '../lib/paged.js';
import { may } from '../lib/permissions.js';
import { useProgram } from '../lib/queries.js';
import { RecordsHeader } from '../program/records-header.js';
import { EventOutcome } from './event-outcome.js';
import { type FloorEvent, useFloorEvents } from './floor-api.js';
import { ImportSection } from './import-section.js';
import { type FloorEventKind, RecordEventDialog } from './record-event-dialog.js';

const kinds: readonly FloorEventKind[] = ['shipment', 'inspection', 'measurement'];

/** The answer first: how many events, inspections rejected, shipments late, measurements out of limits. */
function FloorAnswer({ events }: { events: readonly FloorEvent[] }) {
  const { t } = useTranslation();
  const rejected = events.filter((e) => e.inspection?.verdict === 'reject').length;
  const late = events.filter((e) => e.shipment && e.shipment.businessDaysLate !== null && e.shipment.arrivedOn === null).length;
  const out = events.filter((e) => (e.measurement?.outOfLimits.length ?? 0) > 0).length;
  return (
    <p className="answer">
      {rejected + late + out === 0
        ? t('floor.answer.clear', { count: events.length })
        : t('floor.answer.attention', { rejected, late, out })}
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
          {mayReport &&
            kinds.map((k) => (
              <button key={k} type="button" className="button" onClick={() => setOpen(k)}>
                {t(`floor.report.${k}`)}
              </button>
            ))}
        </div>
        {items?.length === 0 && <p>{t('floor.empty')}</p>}
        <ul className="event-list">
          {items?.map((e) => (
            <li key={e.id} id={e.key} className="event-list__item">
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
