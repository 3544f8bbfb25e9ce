import { type RefObject, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import type { Plan, PlanRow } from '../lib/plan-view-queries.js';
import { PlanTableRow } from './plan-row.js';

interface Props {
  programId: string;
  plan: Plan | undefined;
  /** Whether the signed-in person may move this row; null when they may move none. */
  mayMove: ((row: PlanRow) => boolean) | null;
  onMove: (row: PlanRow) => void;
  onSlips: (row: PlanRow) => void;
}

/** Plan vs actual: one row per milestone in plan order. */
export function PlanTable({ programId, plan, mayMove, onMove, onSlips }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const columns = mayMove ? 11 : 10;
  const number = plan?.baseline?.number ?? null;
  const boxRef = useRef<HTMLDivElement>(null);
  useScrollToOpen(boxRef, plan);
  return (
    <div ref={boxRef}>
      <TableScroll labelledBy={captionId}>
        <table className="table table--cards table--plan" aria-busy={plan === undefined || undefined}>
          <caption id={captionId} className="visually-hidden">
            {number === null ? t('plan.table.caption') : t('plan.table.captionBaseline', { number })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.table.col.milestone')}</th>
              <th scope="col">{t('plan.table.col.owner')}</th>
              <th scope="col" title={t('plan.table.plannedHint')}>
                {number === null ? t('plan.table.col.planned') : t('plan.table.col.plannedIn', { number })}
              </th>
              <th scope="col">{t('plan.table.col.forecast')}</th>
              <th scope="col">{t('plan.table.col.actual')}</th>
              <th scope="col" title={t('milestones.varianceHint')}>
                {t('plan.table.col.variance')}
              </th>
              <th scope="col" title={t('plan.table.toleranceHint')}>
                {t('plan.table.col.tolerance')}
              </th>
              <th scope="col" title={t('plan.table.slackHint')}>
                {t('plan.table.col.slack')}
              </th>
              <th scope="col">{t('plan.table.col.health')}</th>
              <th scope="col">{t('plan.table.col.slips')}</th>
              {mayMove && (
                <th scope="col" className="col-actions">
                  {t('milestones.col.actions')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {plan === undefined ? (
              <SkeletonRows rows={6} columns={columns} />
            ) : plan.rows.length === 0 ? (
              <tr>
                <td colSpan={columns} className="table__empty">
                  {t('milestones.empty')}
                </td>
              </tr>
            ) : (
              plan.rows.map((r) => (
                <PlanTableRow
                  key={r.id}
                  programId={programId}
                  row={r}
                  baselineNumber={number}
                  hasTarget={plan.targetReleaseDate !== null}
                  mayMove={mayMove ? mayMove(r) : null}
                  onMove={onMove}
                  onSlips={onSlips}
                />
              ))
            )}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

/**
 * Done milestones come first in plan order; once loaded, a table taller than its box starts at the
 * last done one, so the open milestones are in view. The page itself does not move, nor does focus.
 */
function useScrollToOpen(boxRef: RefObject<HTMLDivElement | null>, plan: Plan | undefined) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !plan || window.location.hash) return;
    done.current = true;
    const box = boxRef.current?.querySelector<HTMLElement>('.table-scroll');
    const index = plan.rows.findIndex((r) => r.actualDate === null);
    const target = index > 0 ? plan.rows[index - 1] : undefined;
    if (!box || !target || box.scrollHeight <= box.clientHeight) return;
    const row = box.querySelector<HTMLElement>(`tr[id="${CSS.escape(target.key)}"]`);
    const head = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    if (row) box.scrollTop = row.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop - head;
  }, [boxRef, plan]);
}
