import { useTranslation } from 'react-i18next';
import { DateText } from '../components/date-text.js';
import { HealthBadge } from '../components/health-badge.js';
import { OwnerName } from '../components/owner-name.js';
import { useHealthReason } from '../components/use-health-reason.js';
import { formatSigned } from '../lib/format.js';
import type { PlanRow as Row } from '../lib/plan-view-queries.js';
import { ActualText } from '../milestones/actual-text.js';
import { Mark } from '../records/mark.js';
import { PlanBlockers, PlanPredecessors, PlanSlack, PlanTolerance, PlanVariance } from './plan-cells.js';

interface Props {
  programId: string;
  row: Row;
  baselineNumber: number | null;
  hasTarget: boolean;
  /** Whether the Move button is offered on this row; null leaves the actions column out. */
  mayMove: boolean | null;
  onMove: (row: Row) => void;
  onSlips: (row: Row) => void;
}

/** One milestone: planned vs forecast vs actual, tolerance, days to spare, health and why, moves. */
export function PlanTableRow({ programId, row: r, baselineNumber, hasTarget, mayMove, onMove, onSlips }: Props) {
  const { t } = useTranslation();
  const { phrase } = useHealthReason();
  const showWhy = r.healthReason.kind !== 'done' && r.healthReason.kind !== 'on_plan';
  const moved = r.baselineDate !== null && r.forecastDate !== r.baselineDate;
  const slips =
    r.slips.count === 0
      ? null
      : t('plan.table.slips', {
          count: r.slips.count,
          days: t('plan.signedDays', { count: r.slips.netDays, value: formatSigned(r.slips.netDays) }),
        });
  return (
    <tr
      id={r.key}
      tabIndex={-1}
      className={`plan-row${r.onCriticalPath ? ' plan-row--critical' : ''}${r.actualDate ? ' plan-row--done' : ''}`}
    >
      <th scope="row" className="cell-name">
        <span className="code plan-row__key">{r.key}</span> <span>{r.name}</span>
        {r.onCriticalPath && (
          <span className="cell-sub">
            <span className="plan-critical" title={t('plan.criticalPathHint')}>
              <span aria-hidden="true">◆ </span>
              {t('plan.criticalPath')}
            </span>
          </span>
        )}
        <PlanPredecessors row={r} />
        <PlanBlockers programId={programId} row={r} />
      </th>
      <td data-label={t('plan.table.col.owner')}>
        <OwnerName owner={r.owner} />
      </td>
      <td className="nowrap" data-label={t('plan.table.col.planned')}>
        <DateText
          value={r.baselineDate}
          missing={baselineNumber === null ? t('plan.table.noBaseline') : t('plan.table.notInBaseline', { number: baselineNumber })}
        />
      </td>
      <td className={`nowrap${moved ? ' cell-moved' : ''}`} data-label={t('plan.table.col.forecast')}>
        <DateText value={r.forecastDate} />
        {r.provisional && (
          <span className="cell-sub">
            <Mark tone="waiting" title={t('plan.provisionalHint')}>
              {t('plan.provisional')}
            </Mark>
          </span>
        )}
      </td>
      <td className="nowrap" data-label={t('plan.table.col.actual')}>
        <ActualText actualDate={r.actualDate} dueInBusinessDays={r.dueInBusinessDays} />
      </td>
      <td data-label={t('plan.table.col.variance')}>
        <PlanVariance row={r} baselineNumber={baselineNumber} />
      </td>
      <td data-label={t('plan.table.col.tolerance')}>
        <PlanTolerance row={r} />
      </td>
      <td data-label={t('plan.table.col.slack')}>
        <PlanSlack row={r} hasTarget={hasTarget} />
      </td>
      <td className="cell-health" data-label={t('plan.table.col.health')}>
        <HealthBadge health={r.health} /> {showWhy && <span className="cell-why">{phrase(r.healthReason)}</span>}
      </td>
      <td className="cell-moves" data-label={t('plan.table.col.slips')}>
        {slips === null ? (
          <span className="muted">{t('plan.table.neverMoved')}</span>
        ) : (
          <button
            type="button"
            className="button button--link plan-slips"
            aria-label={t('plan.table.slipsLabel', { key: r.key, slips })}
            onClick={() => onSlips(r)}
          >
            {slips}
          </button>
        )}
      </td>
      {mayMove !== null && (
        <td className="col-actions">
          {mayMove && r.actualDate === null && (
            <button
              type="button"
              className="button button--small"
              aria-label={t('milestones.moveLabel', { key: r.key })}
              onClick={() => onMove(r)}
            >
              {t('milestones.move')}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
