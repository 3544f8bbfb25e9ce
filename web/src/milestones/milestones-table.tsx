import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../src/contract/milestone.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import type { MilestoneRights } from '../lib/permissions.js';
import type { MilestoneAction } from './milestone-actions.js';
import { MilestoneRow } from './milestone-row.js';

interface Props {
  programId: string;
  milestones: readonly Milestone[] | undefined;
  /** The signed-in person's rights per milestone; null when they may change none. */
  rightsFor: ((m: Milestone) => MilestoneRights) | null;
  onAction: (action: MilestoneAction, milestone: Milestone) => void;
}

export function MilestonesTable({ programId, milestones, rightsFor, onAction }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const columns = rightsFor ? 10 : 9;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards table--milestones" aria-busy={milestones === undefined || undefined}>
        <caption id={captionId} className="visually-hidden">
          {t('milestones.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('milestones.col.key')}</th>
            <th scope="col">{t('milestones.col.name')}</th>
            <th scope="col">{t('milestones.col.phase')}</th>
            <th scope="col">{t('milestones.col.owner')}</th>
            <th scope="col">{t('milestones.col.baseline')}</th>
            <th scope="col">{t('milestones.col.forecast')}</th>
            <th scope="col">{t('milestones.col.actual')}</th>
            <th scope="col" className="num" title={t('milestones.varianceHint')}>
              {t('milestones.col.variance')}
            </th>
            <th scope="col">{t('milestones.col.health')}</th>
            {rightsFor && (
              <th scope="col" className="col-actions">
                {t('milestones.col.actions')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {milestones === undefined ? (
            <SkeletonRows rows={5} columns={columns} />
          ) : milestones.length === 0 ? (
            <tr>
              <td colSpan={columns} className="table__empty">
                {t('milestones.empty')}
              </td>
            </tr>
          ) : (
            milestones.map((m) => (
              <MilestoneRow key={m.id} programId={programId} milestone={m} rights={rightsFor ? rightsFor(m) : null} onAction={onAction} />
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
