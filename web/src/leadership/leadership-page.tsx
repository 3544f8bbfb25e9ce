import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import type { LeadershipLineSchema, PortfolioChangeSchema } from '../../../src/contract/portfolio-week.js';
import { DateText } from '../components/date-text.js';
import { Gap } from '../components/gap.js';
import { HealthBadge } from '../components/health-badge.js';
import { InstantText } from '../components/instant-text.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { PrintButton } from '../components/print-button.js';
import type { Health } from '../lib/health.js';
import { paths } from '../records/paths.js';
import { leadershipPath, portfolioPdfUrl, shiftWeek, usePortfolioWeek } from './leadership-api.js';

type Line = z.output<typeof LeadershipLineSchema>;
type Change = z.output<typeof PortfolioChangeSchema>;

const healthOf: Record<Line['health'], Health> = { off_track: 'late', at_risk: 'at_risk', on_track: 'on_track', complete: 'done' };

/** Where a line's program links: its issued report of the week, else the program. */
const reportLink = (l: Line, week: string) =>
  l.revision === null ? paths.program(l.program.code) : `${paths.program(l.program.code)}/reports/${week}/${l.revision}`;

function Reasons({ line }: { line: Line }) {
  const { t } = useTranslation();
  return (
    <ul className="leadership-reasons">
      {line.reasons.map((r) => (
        <li key={r.kind}>{t(`leadership.reason.${r.kind}`, { count: r.count })}</li>
      ))}
    </ul>
  );
}

/** One program's line as a card: health and readiness first, then what moved, decisions, risks and escalations. */
function ProgramCard({ line: l, week }: { line: Line; week: string }) {
  const { t } = useTranslation();
  return (
    <article className="leadership-card" aria-labelledby={`lead-${l.program.code}`}>
      <h3 id={`lead-${l.program.code}`}>
        <Link to={reportLink(l, week)}>
          <span className="code">{l.program.code}</span> {l.program.name}
        </Link>
      </h3>
      <p className="leadership-card__status">
        <HealthBadge health={healthOf[l.health]} scope="program" />
        <span className={`readiness readiness--${l.readiness}`}>{t(`leadership.readiness.${l.readiness}`)}</span>
        <span className="muted">{l.revision === null ? t('leadership.draft') : t('leadership.issued', { revision: l.revision })}</span>
      </p>
      <p className="leadership-card__why" lang="en">
        {l.onTrack}
      </p>
      {l.reasons.length > 0 && <Reasons line={l} />}
      <dl className="leadership-facts">
        <dt>{t('leadership.col.moved')}</dt>
        <dd>
          {t('leadership.movedCounts', { moved: l.moved, completed: l.completed, late: l.wentLate })}
          {l.slipped.length > 0 && (
            <ul>
              {l.slipped.map((s) => (
                <li key={s.key}>
                  <Link to={paths.milestone(l.program.code, s.key)}>{s.key}</Link> {s.name}: {t('leadership.slippedBy', { count: s.days })}
                  {s.reason ? ` — ${s.reason}` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('leadership.col.decisions')}</dt>
        <dd>
          {l.decisionsDue.length === 0 ? (
            t('leadership.none')
          ) : (
            <ul>
              {l.decisionsDue.map((d) => (
                <li key={d.key}>
                  <Link to={paths.decision(l.program.code, d.key)}>{d.key}</Link> {d.statement} —{' '}
                  {d.owner ?? <Gap>{t('leadership.noOwner')}</Gap>},{' '}
                  {d.dueDate ? <DateText value={d.dueDate} /> : <Gap>{t('leadership.noDate')}</Gap>}
                  {d.isOverdue && <strong className="overdue"> {t('leadership.overdue')}</strong>}
                </li>
              ))}
              {l.moreDecisions > 0 && <li>{t('leadership.moreDecisions', { count: l.moreDecisions })}</li>}
            </ul>
          )}
        </dd>
        <dt>{t('leadership.col.risks')}</dt>
        <dd>
          {l.topRisks.length === 0 ? (
            t('leadership.none')
          ) : (
            <ul>
              {l.topRisks.map((r) => (
                <li key={r.key}>
                  <Link to={paths.risk(l.program.code, r.key)}>{r.key}</Link> {r.title} — {t('leadership.score', { score: r.score })},{' '}
                  {r.owner ?? <Gap>{t('leadership.noOwner')}</Gap>}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('leadership.col.escalations')}</dt>
        <dd>
          <Link to={paths.escalations(l.program.code)}>
            {t('leadership.escalationCounts', { open: l.escalations.open, overdue: l.escalations.overdue })}
          </Link>
        </dd>
      </dl>
    </article>
  );
}

function ChangeItem({ change: c }: { change: Change }) {
  const { t } = useTranslation();
  return (
    <li>
      <span className="code">{c.programCode}</span> <strong>{c.key}</strong> <span lang="en">{c.what}</span>
      <span className="leadership-change__why">
        {c.reason ? (
          <span lang="en">{t('leadership.because', { reason: c.reason })}</span>
        ) : c.kind === 'completed' ? null : (
          <Gap>{t('leadership.noReason')}</Gap>
        )}
        {c.by && <span className="muted"> — {c.by}</span>}
        {c.at && (
          <span className="muted">
            , <InstantText value={c.at} />
          </span>
        )}
      </span>
    </li>
  );
}

/**
 * The leadership view of a week: the programs the reader sees, those needing attention first with why,
 * then every program's line, then what changed across the portfolio; each program's week in its zone.
 */
export function LeadershipPage() {
  const { t } = useTranslation();
  const week = useParams().week ?? '';
  const query = usePortfolioWeek(week);
  const data = query.data;
  const attention = data?.lines.filter((l) => l.reasons.length > 0) ?? [];
  const calm = data?.lines.filter((l) => l.reasons.length === 0) ?? [];
  const [previous, next] = [shiftWeek(week, -1), shiftWeek(week, 1)];
  return (
    <article className="leadership">
      <PageTitle page={t('leadership.title', { week })} />
      <header className="page-head">
        <p className="eyebrow">
          <Link to="/portfolio">{t('portfolio.title')}</Link>
        </p>
        <h1>{t('leadership.title', { week })}</h1>
        {data && (
          <p className="leadership-summary">
            {t('leadership.summary', { count: data.lines.length })}{' '}
            <strong>{t('leadership.needAttention', { count: attention.length })}</strong>
          </p>
        )}
        <p className="muted">
          {t('leadership.zones')}{' '}
          {data && (
            <>
              {t('leadership.asOf')} <InstantText value={data.asOf} />
            </>
          )}
        </p>
        <nav className="gate-pack__tools" aria-label={t('leadership.weeks')}>
          {previous && <Link to={leadershipPath(previous)}>{t('leadership.previous', { week: previous })}</Link>}
          {next && <Link to={leadershipPath(next)}>{t('leadership.next', { week: next })}</Link>}
          <PrintButton />
          <a className="button button--secondary" href={portfolioPdfUrl(week)}>
            {t('leadership.pdf')}
          </a>
        </nav>
      </header>
      {query.error ? (
        <LoadError title={t('leadership.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : (
        <>
          <section aria-labelledby="lead-attention">
            <h2 id="lead-attention">{t('leadership.attentionHeading')}</h2>
            {attention.length === 0 ? (
              <p>{t('leadership.nothingNeedsAttention')}</p>
            ) : (
              <div className="leadership-cards">
                {attention.map((l) => (
                  <ProgramCard key={l.program.id} line={l} week={week} />
                ))}
              </div>
            )}
          </section>
          {calm.length > 0 && (
            <section aria-labelledby="lead-calm">
              <h2 id="lead-calm">{t('leadership.calmHeading')}</h2>
              <div className="leadership-cards">
                {calm.map((l) => (
                  <ProgramCard key={l.program.id} line={l} week={week} />
                ))}
              </div>
            </section>
          )}
          <section aria-labelledby="lead-changes">
            <h2 id="lead-changes">{t('leadership.changesHeading')}</h2>
            {data.changes.length === 0 ? (
              <p>{t('leadership.noChanges')}</p>
            ) : (
              <ul className="leadership-changes">
                {data.changes.map((c) => (
                  <ChangeItem key={`${c.programCode}:${c.kind}:${c.key}:${c.at ?? ''}:${c.what}`} change={c} />
                ))}
              </ul>
            )}
            {data.moreChanges > 0 && <p className="muted">{t('leadership.moreChanges', { count: data.moreChanges })}</p>}
          </section>
        </>
      )}
    </article>
  );
}
