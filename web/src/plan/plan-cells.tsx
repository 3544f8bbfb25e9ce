import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Gap } from '../components/gap.js';
import { formatList, formatNumber, formatSigned } from '../lib/format.js';
import type { PlanRow } from '../lib/plan-view-queries.js';
import { Mark } from '../records/mark.js';
import { paths } from '../records/paths.js';

/** "+4 business days", "on plan", "2 business days early", or "not in baseline 1" when it came later. */
export function PlanVariance({ row, baselineNumber }: { row: PlanRow; baselineNumber: number | null }) {
  const { t } = useTranslation();
  const days = row.varianceDays;
  if (days === null) {
    return <Gap>{baselineNumber === null ? t('plan.table.noBaseline') : t('plan.table.notInBaseline', { number: baselineNumber })}</Gap>;
  }
  if (days === 0) return <span className="variance variance--zero">{t('plan.table.onPlan')}</span>;
  if (days < 0) return <span className="variance variance--ahead">{t('plan.table.early', { count: -days })}</span>;
  return <span className="variance variance--behind">{t('plan.table.late', { count: days, value: formatSigned(days) })}</span>;
}

/** "3 (default)" or "5", in business days, and a mark when the forecast lies beyond it. */
export function PlanTolerance({ row }: { row: PlanRow }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="nowrap">
        {row.toleranceIsDefault
          ? t('plan.table.toleranceDefault', { days: formatNumber(row.toleranceDays) })
          : formatNumber(row.toleranceDays)}
      </span>
      {row.breach && (
        <span className="cell-sub">
          <Mark tone="late" title={t('plan.breachHint')}>
            {t('plan.table.breach')}
          </Mark>
        </span>
      )}
    </>
  );
}

/** Days to spare before the target release moves: "Buffer: 5 business days", "No buffer", "2 business days short". */
export function PlanSlack({ row, hasTarget }: { row: PlanRow; hasTarget: boolean }) {
  const { t } = useTranslation();
  const days = row.slackDays;
  if (row.actualDate !== null) return <span className="muted">{t('plan.table.slackDone')}</span>;
  if (days === null) return <Gap>{hasTarget ? t('plan.table.slackUnknown') : t('plan.table.noTarget')}</Gap>;
  if (days > 0) return <span>{t('plan.table.buffer', { count: days })}</span>;
  if (days === 0)
    return (
      <span className="plan-slack plan-slack--none" title={t('plan.table.noBufferHint')}>
        <span aria-hidden="true">▲ </span>
        {t('plan.table.noBuffer')}
      </span>
    );
  return (
    <span className="plan-slack plan-slack--short" title={t('plan.table.shortHint')}>
      <span aria-hidden="true">■ </span>
      {t('plan.table.short', { count: -days })}
    </span>
  );
}

/** "after M-3 +2, M-5": each predecessor a link to its row, the lag in business days. */
export function PlanPredecessors({ row }: { row: PlanRow }) {
  const { t } = useTranslation();
  if (row.predecessors.length === 0) return null;
  return (
    <span className="cell-sub plan-after">
      {t('plan.table.after')}{' '}
      {row.predecessors.map((p, i) => (
        <span key={p.linkId} className="nowrap">
          {i > 0 && ', '}
          <a href={`#${encodeURIComponent(p.key)}`}>{p.key}</a>
          {p.lagDays !== 0 && (
            <>
              <span aria-hidden="true"> {formatSigned(p.lagDays)}</span>
              <span className="visually-hidden"> {t('plan.table.lag', { count: p.lagDays, value: formatSigned(p.lagDays) })}</span>
            </>
          )}
        </span>
      ))}
    </span>
  );
}

/** "blocked by A-4, A-7": the open actions that hold the milestone, each a link to the action. */
export function PlanBlockers({ programId, row }: { programId: string; row: PlanRow }) {
  const { t } = useTranslation();
  if (row.blockedBy.length === 0) return null;
  return (
    <span className="cell-sub">
      <span className="blocked" title={t('milestones.blockedHint', { keys: formatList(row.blockedBy.map((b) => b.key)) })}>
        <span aria-hidden="true">⊘</span> {t('milestones.blockedBy')}{' '}
        {row.blockedBy.map((b, i) => (
          <span key={b.id}>
            {i > 0 && ', '}
            <Link to={paths.action(programId, b.key)} title={b.title}>
              {b.key}
            </Link>
          </span>
        ))}
      </span>
    </span>
  );
}
