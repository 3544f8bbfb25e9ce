import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { MoreButton } from '../components/more-button.js';
import { allPages, csvFileName } from '../csv/csv.js';
import { CsvButton } from '../csv/csv-button.js';
import { escalationsCsv } from '../csv/csv-lists.js';
import { problemText } from '../forms/problem-text.js';
import { usePaged } from '../lib/paged.js';
import { may } from '../lib/permissions.js';
import { useProgram, useProgramPeople } from '../lib/queries.js';
import { useActions, useDecisions } from '../lib/record-queries.js';
import { RecordsHeader } from '../program/records-header.js';
import { useHashTarget } from '../records/use-hash-target.js';
import type { EscalationAction } from './escalation-buttons.js';
import { escalationOrder, escalationRights, noEscalationRights } from './escalation-rights.js';
import {
  type Escalation,
  type EscalationFilter,
  escalationFilters,
  escalationsApi,
  invalidateEscalations,
  isEscalationFilter,
  useEscalations,
} from './escalations-api.js';
import { EscalationsTable } from './escalations-table.js';
import { ReassignDialog } from './reassign-dialog.js';
import { ResolveDialog } from './resolve-dialog.js';
import { TriggersSection } from './triggers-section.js';

/** The answer first: how many are open, how many past their deadline. */
function EscalationsAnswer({ open, overdue }: { open: number; overdue: number }) {
  const { t } = useTranslation();
  return (
    <p className="answer">
      {open === 0 ? t('escalations.answer.none') : t('escalations.answer.open', { count: open })}{' '}
      {overdue > 0 && <strong className="late-text">{t('escalations.answer.overdue', { count: overdue })}</strong>}
    </p>
  );
}

type Open = { kind: Exclude<EscalationAction, 'acknowledge'>; id: string } | null;

/** The escalation tracker of a program: what fired, who answers by when, and the program's triggers. */
export function EscalationsPage() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const me = useCurrentUser();
  const client = useQueryClient();
  const program = useProgram(programId);
  const [params] = useSearchParams();
  const asked = params.get('status');
  const hash = useLocation().hash;
  const target = hash.length > 1 ? decodeURIComponent(hash.slice(1)) : null;
  // A link to one escalation (#X-3) lists them all, so it shows whatever its status.
  const status: EscalationFilter = isEscalationFilter(asked) ? asked : target ? 'all' : 'open';
  const query = useEscalations(programId, status);
  const { items, more } = usePaged(query);
  useHashTarget(items !== undefined);
  const people = useProgramPeople(programId).data?.items ?? [];
  const decisions = (useDecisions(programId, { status: 'open' }).data?.items ?? []).map((d) => ({
    id: d.id,
    key: d.key,
    title: d.statement,
  }));
  const actions = usePaged(useActions(programId)).items?.filter((a) => a.status !== 'closed') ?? [];
  const headingId = useId();
  const [open, setOpen] = useState<Open>(null);
  const [announcement, setAnnouncement] = useState('');

  const can = program.data?.can;
  const rightsFor = (e: Escalation) => (can ? escalationRights(can, e, me.id) : noEscalationRights);
  const mayRespond = can !== undefined && (can['escalation.respond'] !== 'no' || can['escalation.reassign'] !== 'no');
  const mayEditTriggers = can !== undefined && may(can, 'trigger.edit', null, me.id);
  const shown = useMemo(() => items && [...items].sort(escalationOrder), [items]);
  const find = (id: string) => items?.find((e) => e.id === id);

  const acknowledge = useMutation({
    mutationFn: (e: Escalation) => escalationsApi.acknowledge(programId, e.id, e.version),
    onSuccess: (e) => setAnnouncement(t('escalations.acknowledged', { key: e.key })),
    onError: (error) => setAnnouncement(problemText(t, error)),
    onSettled: () => invalidateEscalations(client, programId),
  });
  const done = (message: string) => {
    setAnnouncement(message);
    setOpen(null);
  };
  const current = open ? find(open.id) : undefined;

  return (
    <>
      <RecordsHeader code={programId} program={program.data} title={t('escalations.title')}>
        {program.data && <EscalationsAnswer open={program.data.openEscalations} overdue={program.data.overdueEscalations} />}
      </RecordsHeader>
      {program.error && <LoadError title={t('program.loadFailed')} error={program.error} onRetry={() => void program.refetch()} />}
      <p className="live-message" role="status">
        {announcement}
      </p>
      <section className="section" aria-labelledby={headingId}>
        <div className="section__head">
          <h2 id={headingId}>{t(`escalations.heading.${status}`)}</h2>
          <CsvButton
            fileName={csvFileName(programId, 'escalations', status)}
            load={async () => {
              const all = await allPages((cursor) => escalationsApi.list(programId, status, undefined, cursor));
              return escalationsCsv(t, [...all].sort(escalationOrder));
            }}
          />
        </div>
        <nav className="filters__status" aria-label={t('escalations.filter.label')}>
          <ul className="segmented">
            {escalationFilters.map((f) => (
              <li key={f}>
                <Link
                  to={f === 'open' ? '?' : `?status=${f}`}
                  className="segmented__link"
                  aria-current={f === status ? 'true' : undefined}
                  replace
                >
                  {t(`escalations.filter.${f}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {query.error ? (
          <LoadError title={t('escalations.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            <EscalationsTable
              programId={programId}
              escalations={shown}
              rightsFor={mayRespond ? rightsFor : null}
              target={target}
              onAction={(kind, e) => (kind === 'acknowledge' ? acknowledge.mutate(e) : setOpen({ kind, id: e.id }))}
              empty={t(`escalations.empty.${status}`)}
            />
            <MoreButton more={more} label={t('escalations.more')} loadingLabel={t('escalations.loadingMore')} />
          </>
        )}
      </section>
      <TriggersSection programId={programId} people={people} mayEdit={mayEditTriggers} onSaved={(message) => setAnnouncement(message)} />
      {open?.kind === 'resolve' && current && (
        <ResolveDialog
          programId={programId}
          escalation={current}
          decisions={decisions}
          actions={actions}
          onClose={() => setOpen(null)}
          onSaved={(e) => done(t('escalations.resolved', { key: e.key }))}
        />
      )}
      {open?.kind === 'reassign' && current && (
        <ReassignDialog
          programId={programId}
          escalation={current}
          people={people}
          onClose={() => setOpen(null)}
          onSaved={(e) => done(t('escalations.reassigned', { key: e.key }))}
        />
      )}
    </>
  );
}
