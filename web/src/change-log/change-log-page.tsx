import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { recordKeyPattern } from '../../../src/contract/change.js';
import { Field } from '../components/field.js';
import { LoadError } from '../components/load-error.js';
import { MoreButton } from '../components/more-button.js';
import type { ChangeLogFilters } from '../lib/api.js';
import { ApiError } from '../lib/http.js';
import { usePaged } from '../lib/paged.js';
import { useChangeLog, useProgram, useProgramPeople } from '../lib/queries.js';
import { RecordsHeader } from '../program/records-header.js';
import { paths } from '../records/paths.js';
import { ChangeLogTable } from './change-log-table.js';

/** Entries per page of the full change log ("Show older changes" fetches the next). */
const pageSize = 50;
const filterNames = ['record', 'by', 'from', 'to'] as const;
type FilterName = (typeof filterNames)[number];

/** The filters the address holds (so a filtered log can be shared), as the query sends them. */
function filtersOf(params: URLSearchParams): ChangeLogFilters {
  const out: Record<string, string> = {};
  for (const name of filterNames) {
    const v = params.get(name)?.trim();
    if (v) out[name] = v;
  }
  return out;
}

/** The full change log of a program: filters by record, person and period, and older pages on request. */
export function ChangeLogPage() {
  const { t } = useTranslation();
  const programId = useParams().programId ?? '';
  const program = useProgram(programId);
  const people = useProgramPeople(programId).data?.items ?? [];
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const query = useChangeLog(programId, filters, pageSize);
  const { items, more } = usePaged(query);
  const headingId = useId();
  const [draft, setDraft] = useState<Record<FilterName, string>>(() => ({
    record: filters.record ?? '',
    by: filters.by ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
  }));
  const [invalid, setInvalid] = useState<Partial<Record<FilterName, string>>>({});

  // The server names the filter it refused (a period too long, a person it does not know).
  const refused: Partial<Record<FilterName, string>> = {};
  if (query.error instanceof ApiError) {
    for (const e of query.error.problem.errors ?? []) {
      if (e.path === 'record') refused.record = t('changeLog.filter.recordInvalid');
      if (e.path === 'by') refused.by = t('changeLog.filter.byUnknown');
      if (e.path === 'from' || e.path === 'to') refused[e.path] = t('changeLog.filter.periodInvalid');
    }
  }
  const faults = { ...refused, ...invalid };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<FilterName, string>> = {};
    const record = draft.record.trim();
    if (record && !recordKeyPattern.test(record)) found.record = t('changeLog.filter.recordInvalid');
    if (draft.from && draft.to && draft.to < draft.from) found.to = t('changeLog.filter.periodInvalid');
    setInvalid(found);
    if (Object.keys(found).length > 0) return;
    const next = new URLSearchParams();
    for (const name of filterNames) {
      const v = name === 'record' ? record.toUpperCase() : draft[name];
      if (v) next.set(name, v);
    }
    setParams(next, { replace: true });
  };
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <RecordsHeader code={programId} program={program.data} title={t('changeLog.pageTitle')}>
        <div className="answers answers--plain">
          <p className="answers__main">{t('changeLog.intro')}</p>
        </div>
      </RecordsHeader>
      <section className="section section--changes" aria-labelledby={headingId}>
        <h2 id={headingId} className="visually-hidden">
          {t('changeLog.heading')}
        </h2>
        <form className="filters filters--changes" aria-label={t('changeLog.filter.legend')} onSubmit={apply} noValidate>
          <Field
            id="changes-record"
            name="record"
            label={t('changeLog.filter.record')}
            hint={t('changeLog.filter.recordHint')}
            error={faults.record}
          >
            {(c) => (
              <input
                {...c}
                type="text"
                value={draft.record}
                maxLength={13}
                onChange={(e) => setDraft({ ...draft, record: e.target.value })}
              />
            )}
          </Field>
          <Field id="changes-by" name="by" label={t('changeLog.filter.by')} error={faults.by}>
            {(c) => (
              <select {...c} value={draft.by} onChange={(e) => setDraft({ ...draft, by: e.target.value })}>
                <option value="">{t('changeLog.filter.anyone')}</option>
                {people.map((p) => (
                  <option key={p.id} value={p.email}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="changes-from"
            name="from"
            label={t('changeLog.filter.from')}
            hint={t('changeLog.filter.periodHint')}
            error={faults.from}
          >
            {(c) => <input {...c} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />}
          </Field>
          <Field id="changes-to" name="to" label={t('changeLog.filter.to')} error={faults.to}>
            {(c) => <input {...c} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />}
          </Field>
          <div className="filters__actions">
            <button type="submit" className="button button--primary">
              {t('changeLog.filter.apply')}
            </button>
            {filtered && (
              <Link
                to={paths.changes(programId)}
                className="button button--secondary"
                replace
                onClick={() => {
                  setDraft({ record: '', by: '', from: '', to: '' });
                  setInvalid({});
                }}
              >
                {t('changeLog.filter.clear')}
              </Link>
            )}
          </div>
        </form>
        {query.error ? (
          <LoadError title={t('changeLog.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            <ChangeLogTable entries={items} empty={filtered ? t('changeLog.emptyFiltered') : t('changeLog.empty')} />
            <MoreButton more={more} label={t('changeLog.more')} loadingLabel={t('changeLog.loadingMore')} />
          </>
        )}
      </section>
    </>
  );
}
