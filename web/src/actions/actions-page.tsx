import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { PersonRef } from '../../../src/contract/common.js';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { MoreButton } from '../components/more-button.js';
import { allPages, csvFileName } from '../csv/csv.js';
import { CsvButton } from '../csv/csv-button.js';
import { actionsCsv } from '../csv/csv-lists.js';
import { formatPlainDate } from '../lib/format.js';
import { usePaged } from '../lib/paged.js';
import { may } from '../lib/permissions.js';
import { useProgram, useProgramPeople } from '../lib/queries.js';
import { useActions } from '../lib/record-queries.js';
import type { Action } from '../lib/records-api.js';
import { recordsApi } from '../lib/records-api.js';
import { RecordsHeader } from '../program/records-header.js';
import { useHashTarget } from '../records/use-hash-target.js';
import { ActionDialogs, type OpenActionDialogState } from './action-dialogs.js';
import {
  type ActionFilter,
  actionOrder,
  actionRights,
  filterCounts,
  isActionFilter,
  matchesFilter,
  mayChangeActions,
  noActionRights,
} from './action-rights.js';
import { ActionsAnswer } from './actions-answer.js';
import { ActionsFilter } from './actions-filter.js';
import { ActionsTable } from './actions-table.js';

/** The program's actions and blockers: overdue first, those waiting for confirmation next. */
export function ActionsPage() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const me = useCurrentUser();
  const program = useProgram(programId);
  const query = useActions(programId);
  const { items, more } = usePaged(query);
  const period = query.data?.pages[0]?.period;
  const people = useProgramPeople(programId).data?.items ?? [];
  const [params, setParams] = useSearchParams();
  const headingId = useId();
  const [open, setOpen] = useState<OpenActionDialogState>(null);
  const [announcement, setAnnouncement] = useState('');
  const target = useHashTarget(items !== undefined);

  const asked = params.get('status');
  const owner = params.get('owner') ?? '';
  const ownerId = owner === 'me' ? me.id : owner;
  const mine = (a: Action) => ownerId === '' || a.owner?.id === ownerId;
  // A link to one action (#A-4) shows it even when the chosen filter would hide it.
  const targeted = items?.find((a) => a.key === target);
  const chosen: ActionFilter = isActionFilter(asked) ? asked : 'active';
  const status: ActionFilter = targeted && !(matchesFilter(targeted, chosen) && mine(targeted)) ? 'all' : chosen;
  const shownOwner = targeted && !mine(targeted) ? '' : owner;
  const shownOwnerId = shownOwner === 'me' ? me.id : shownOwner;

  const shown = useMemo(
    () => items?.filter((a) => matchesFilter(a, status) && (shownOwnerId === '' || a.owner?.id === shownOwnerId)).sort(actionOrder),
    [items, status, shownOwnerId],
  );
  const counts = useMemo(() => {
    if (!items) return null;
    const byOwner = items.filter((a) => shownOwnerId === '' || a.owner?.id === shownOwnerId);
    return filterCounts(byOwner, { hasMore: more !== null, lastStatus: items.at(-1)?.status });
  }, [items, shownOwnerId, more]);
  // Open and done actions come before closed ones: all are loaded once the last page is, or a closed one.
  const activeLoaded = more === null || items?.at(-1)?.status === 'closed';
  const owners = useMemo(() => {
    const byId = new Map<string, PersonRef>();
    for (const a of items ?? []) if (a.owner) byId.set(a.owner.id, a.owner);
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [items]);

  const can = program.data?.can;
  const mayOpen = can !== undefined && may(can, 'action.open', null, me.id);
  const rightsFor = (a: Action) => (can ? actionRights(can, a, me.id) : noActionRights);
  const hrefFor = (change: { status?: ActionFilter; owner?: string }) => {
    const next = new URLSearchParams(params);
    const s = change.status ?? status;
    if (s === 'active') next.delete('status');
    else next.set('status', s);
    return `?${next.toString()}`;
  };

  return (
    <>
      <RecordsHeader code={programId} program={program.data} title={t('actions.title')}>
        {items && <ActionsAnswer actions={items} isComplete={activeLoaded} />}
      </RecordsHeader>
      {program.error && <LoadError title={t('program.loadFailed')} error={program.error} onRetry={() => void program.refetch()} />}
      <p className="live-message" role="status">
        {announcement}
      </p>
      <section className="section" aria-labelledby={headingId}>
        <div className="section__head">
          <h2 id={headingId}>{t(`actions.heading.${status}`)}</h2>
          <CsvButton
            fileName={csvFileName(programId, 'actions', status)}
            load={async () => {
              // Every page, filtered and ordered as shown.
              const all = await allPages((cursor) => recordsApi.listActions(programId, undefined, cursor));
              return actionsCsv(
                t,
                all.filter((a) => matchesFilter(a, status) && (shownOwnerId === '' || a.owner?.id === shownOwnerId)).sort(actionOrder),
              );
            }}
          />
          {mayOpen && (
            <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'open' })}>
              {t('actions.open')}
            </button>
          )}
        </div>
        <ActionsFilter
          status={status}
          counts={counts}
          owner={shownOwner}
          owners={owners}
          hrefFor={hrefFor}
          onOwner={(o) => {
            const next = new URLSearchParams(params);
            if (o) next.set('owner', o);
            else next.delete('owner');
            setParams(next, { replace: true });
          }}
        />
        {query.error ? (
          <LoadError title={t('actions.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            {period && (status === 'closed' || status === 'all') && (
              <p className="section__intro">
                {t('actions.closedPeriod', { since: formatPlainDate(period.since), until: formatPlainDate(period.until) })}
              </p>
            )}
            <ActionsTable
              programId={programId}
              actions={shown}
              rightsFor={can && mayChangeActions(can) ? rightsFor : null}
              onAction={(kind, a) => setOpen({ kind, id: a.id })}
              empty={counts?.[status].isComplete === false ? t('actions.emptyLoaded') : t(`actions.empty.${status}`)}
            />
            <MoreButton more={more} label={t('actions.more')} loadingLabel={t('actions.loadingMore')} />
          </>
        )}
      </section>
      <ActionDialogs
        programId={programId}
        open={open}
        mayOpen={mayOpen}
        rightsFor={rightsFor}
        find={(id) => items?.find((a) => a.id === id)}
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
