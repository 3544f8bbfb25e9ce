import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { useProgram } from '../lib/queries.js';
import { RecordsHeader } from '../program/records-header.js';
import { CalendarAnswer } from './calendar-answer.js';
import { useProgramCalendar } from './calendar-api.js';
import { CalendarDialogs, type OpenCalendarDialog } from './calendar-dialogs.js';
import { CalendarLegend } from './calendar-legend.js';
import { CalendarSettings } from './calendar-settings.js';
import { NotableDaysTable } from './notable-days-table.js';
import { ScheduleUpload } from './schedule-upload.js';
import { YearSkeleton } from './year-skeleton.js';
import { YearSwitcher, yearFromSearch } from './year-switcher.js';
import { YearView } from './year-view.js';

/** The program's business calendar: the year in words, then day by day, its days off, its setup. */
export function CalendarPage() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const me = useCurrentUser();
  const program = useProgram(programId);
  const [params] = useSearchParams();
  const calendar = useProgramCalendar(programId, yearFromSearch(params.get('year')));
  const [open, setOpen] = useState<OpenCalendarDialog>(null);
  const [announcement, setAnnouncement] = useState('');
  const yearId = useId();
  const listId = useId();
  const settingsId = useId();
  const uploadId = useId();

  const data = calendar.data;
  const p = program.data;
  const canEdit = p?.can['calendar.edit'] === 'yes';
  // Admins load official schedules; the API also lets whoever may edit the calendar do it.
  const mayUpload = p !== undefined && (me.isAdmin || canEdit);
  const currentYear = p ? Number(p.today.slice(0, 4)) : null;

  return (
    <>
      <RecordsHeader code={programId} program={p} title={t('calendar.title')}>
        {/* The answer names the program, so it waits for both: never the code first and the name a moment later. */}
        {data && p ? <CalendarAnswer programName={p.name} calendar={data} /> : !calendar.error && !program.error && <AnswerSkeleton />}
      </RecordsHeader>
      {program.error && <LoadError title={t('program.loadFailed')} error={program.error} onRetry={() => void program.refetch()} />}
      <p className="live-message" role="status">
        {announcement}
      </p>
      {calendar.error ? (
        <LoadError title={t('calendar.loadFailed')} error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <>
          <section className="section" aria-labelledby={yearId}>
            <div className="section__head">
              <h2 id={yearId}>{data ? t('calendar.view.heading', { year: data.year.year }) : t('common.loading')}</h2>
              {data && <YearSwitcher year={data.year.year} currentYear={currentYear} />}
            </div>
            <p className="section__intro">{t('calendar.view.intro')}</p>
            <CalendarLegend />
            {data ? <YearView calendar={data} today={p?.today ?? null} isBusy={calendar.isPlaceholderData} /> : <YearSkeleton />}
          </section>
          {data && (
            <>
              <section className="section" aria-labelledby={listId}>
                <h2 id={listId}>{t('calendar.list.heading', { year: data.year.year })}</h2>
                <NotableDaysTable calendar={data} />
              </section>
              <section className="section" aria-labelledby={settingsId}>
                <h2 id={settingsId}>{t('calendar.settings.heading')}</h2>
                <p className="section__intro">{canEdit ? t('calendar.settings.introEdit') : t('calendar.settings.introRead')}</p>
                <CalendarSettings
                  calendar={data}
                  onEdit={canEdit ? (kind) => setOpen({ kind }) : null}
                  onRemove={(entry) => setOpen({ kind: 'remove', entry })}
                />
              </section>
            </>
          )}
          {mayUpload && (
            <section className="section" aria-labelledby={uploadId}>
              <h2 id={uploadId}>{t('calendar.upload.heading')}</h2>
              <p className="section__intro">{t('calendar.upload.intro')}</p>
              <ScheduleUpload programId={programId} />
            </section>
          )}
        </>
      )}
      {canEdit && (
        <CalendarDialogs
          programId={programId}
          open={open}
          calendar={data ?? null}
          onClose={() => setOpen(null)}
          onDone={(message) => {
            setAnnouncement(message);
            setOpen(null);
          }}
        />
      )}
    </>
  );
}

function AnswerSkeleton() {
  return (
    <div className="answers answers--plain" aria-hidden="true">
      <span className="skeleton skeleton--w3" />
      <span className="skeleton skeleton--w1" />
    </div>
  );
}
