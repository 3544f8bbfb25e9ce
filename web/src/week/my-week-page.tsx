import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { CsvButton } from '../csv/csv-button.js';
import { weekCsv } from '../csv/csv-lists.js';
import { formatList, formatPlainDate } from '../lib/format.js';
import { useMyWeek } from '../lib/record-queries.js';
import type { MyWeek } from '../lib/records-api.js';
import { Mark } from '../records/mark.js';
import { EscalationsSection } from './escalations-section.js';
import { GatesAtRiskSection } from './gates-at-risk-section.js';
import { ReportsSection } from './reports-section.js';
import { UpdateRequestsSection } from './update-requests-section.js';
import { weekSections } from './week-item.js';
import { WeekSection } from './week-section.js';

/** The answer first: how many things need the person, of which kinds, and how many are overdue. */
function useWeekAnswer() {
  const { t } = useTranslation();
  return (week: MyWeek): { headline: string; overdue: string | null } => {
    const all = weekSections.flatMap((s) => week[s]);
    const gates = week.gatesAtRisk.length;
    const escalations = week.escalations.length;
    if (all.length + gates + escalations === 0) return { headline: t('week.nothing'), overdue: null };
    const parts = escalations > 0 ? [t('week.count.escalations', { count: escalations })] : [];
    parts.push(...weekSections.filter((s) => week[s].length > 0).map((s) => t(`week.count.${s}`, { count: week[s].length })));
    if (gates > 0) parts.push(t('week.count.gatesAtRisk', { count: gates }));
    const overdue = all.filter((i) => i.isOverdue).length + week.escalations.filter((e) => e.isOverdue).length;
    return {
      headline: t('week.summary', { count: all.length + gates + escalations, breakdown: formatList(parts) }),
      overdue: overdue > 0 ? t('week.overdue', { count: overdue }) : null,
    };
  };
}

/**
 * "My week": escalations to answer, decisions to make, evidence to review, actions due, checklist items to evidence, closures
 * to confirm, risks to review, milestones due, then the gates the person owns that are at risk.
 */
export function MyWeekPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const week = useMyWeek();
  const answer = useWeekAnswer();
  const a = week.data ? answer(week.data) : null;
  return (
    <>
      <PageTitle page={t('week.title')} />
      <header className="page-head">
        <p className="eyebrow">
          {t('week.title')}
          {week.data && (
            <span>
              {t('week.range', {
                start: formatPlainDate(week.data.weekStart, 'weekday'),
                end: formatPlainDate(week.data.weekEnd, 'weekday'),
              })}
            </span>
          )}
        </p>
        <h1>{a ? a.headline : t('week.heading', { name: me.name })}</h1>
        {a?.overdue && (
          <p>
            <Mark tone="late">{a.overdue}</Mark>
          </p>
        )}
      </header>
      <p className="visually-hidden" role="status">
        {week.isPending ? t('week.loading') : ''}
      </p>
      {week.error ? (
        <LoadError title={t('week.loadFailed')} error={week.error} onRetry={() => void week.refetch()} />
      ) : week.data ? (
        <>
          {week.data.unavailable.length > 0 && (
            <p className="notice" role="status">
              {t('week.unavailable', { programs: formatList(week.data.unavailable.map((u) => `${u.programCode} ${u.programName}`)) })}
            </p>
          )}
          <div className="list-tools">
            <CsvButton fileName={`my-week-${week.data.weekStart}.csv`} load={async () => weekCsv(t, week.data, weekSections)} />
          </div>
          <EscalationsSection escalations={week.data.escalations} />
          <UpdateRequestsSection requests={week.data.updateRequests} />
          {weekSections.map((s) => (
            <WeekSection key={s} name={s} items={week.data[s]} />
          ))}
          <GatesAtRiskSection gates={week.data.gatesAtRisk} />
          <ReportsSection me={me} />
        </>
      ) : (
        <div className="skeleton-block" aria-hidden="true">
          <span className="skeleton skeleton--w3" />
          <span className="skeleton skeleton--w2" />
          <span className="skeleton skeleton--w1" />
        </div>
      )}
    </>
  );
}
