import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../src/contract/milestone.js';
import { DateText } from '../components/date-text.js';
import { HealthBadge } from '../components/health-badge.js';
import { OwnerName } from '../components/owner-name.js';
import { useHealthReason } from '../components/use-health-reason.js';
import { BlockedBy } from '../dependencies/blocked-by.js';
import { LinkPredecessors } from '../dependencies/link-predecessors.js';
import type { MilestoneRights } from '../lib/permissions.js';
import { ActualText } from './actual-text.js';
import { type MilestoneAction, MilestoneActions } from './milestone-actions.js';
import { VarianceText } from './variance-text.js';

interface Props {
  programId: string;
  milestone: Milestone;
  /** What the signed-in person may do here; null leaves the actions column out. */
  rights: MilestoneRights | null;
  onAction: (action: MilestoneAction, milestone: Milestone) => void;
}

export function MilestoneRow({ programId, milestone: m, rights, onAction }: Props) {
  const { t } = useTranslation();
  const { phrase } = useHealthReason();
  const moved = m.forecastDate !== m.baselineDate;
  // "Done" and "on plan" only repeat the badge; a slip or an overdue date needs its why.
  const showWhy = m.healthReason.kind !== 'done' && m.healthReason.kind !== 'on_plan';
  return (
    <tr id={m.key} tabIndex={-1} className={`milestone-row milestone-row--${m.health}`}>
      <td className="nowrap cell-key" data-label={t('milestones.col.key')}>
        {m.key}
      </td>
      <th scope="row" className="cell-name">
        <span>{m.name}</span>{' '}
        {m.isCritical && (
          <span className="tag tag--critical" title={t('milestones.criticalHint')}>
            {t('milestones.critical')}
          </span>
        )}
        <BlockedBy programId={programId} blockers={m.blockedBy} />
        <LinkPredecessors programId={programId} milestoneId={m.id} />
      </th>
      <td className="nowrap" data-label={t('milestones.col.phase')} title={t(`phase.${m.phase}`)}>
        {m.phase}
      </td>
      <td data-label={t('milestones.col.owner')}>
        <OwnerName owner={m.owner} />
      </td>
      <td className="nowrap" data-label={t('milestones.col.baseline')}>
        <DateText value={m.baselineDate} />
      </td>
      <td className={`nowrap${moved ? ' cell-moved' : ''}`} data-label={t('milestones.col.forecast')}>
        <DateText value={m.forecastDate} />
      </td>
      <td className="nowrap" data-label={t('milestones.col.actual')}>
        <ActualText actualDate={m.actualDate} dueInBusinessDays={m.dueInBusinessDays} />
      </td>
      <td className="nowrap num" data-label={t('milestones.col.variance')}>
        <VarianceText days={m.varianceDays} />
      </td>
      <td className="cell-health" data-label={t('milestones.col.health')}>
        <HealthBadge health={m.health} /> {showWhy && <span className="cell-why">{phrase(m.healthReason)}</span>}
      </td>
      {rights && (
        <td className="col-actions">
          <MilestoneActions programId={programId} milestone={m} rights={rights} onAction={onAction} />
        </td>
      )}
    </tr>
  );
}
