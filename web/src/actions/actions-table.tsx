import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OwnerName } from '../components/owner-name.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import type { Action } from '../lib/records-api.js';
import { DueText } from '../records/due-text.js';
import { paths } from '../records/paths.js';
import { RowButtons } from '../records/row-buttons.js';
import { type ActionAction, useActionButtons } from './action-buttons.js';
import type { ActionRights } from './action-rights.js';
import { ActionStatus } from './action-status.js';

interface Props {
  programId: string;
  actions: readonly Action[] | undefined;
  rightsFor: ((a: Action) => ActionRights) | null;
  onAction: (action: ActionAction, a: Action) => void;
  /** Words for an empty list under the chosen filter. */
  empty: string;
}

const rowClass = (a: Action) =>
  `record-row record-row--${a.status}${a.isOverdue ? ' record-row--overdue' : ''}${a.status === 'done' ? ' record-row--waiting' : ''}`;

/** Actions with owner, due date (and the first promise when re-planned), severity and status. */
export function ActionsTable({ programId, actions, rightsFor, onAction, empty }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const buttons = useActionButtons();
  const columns = rightsFor ? 6 : 5;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards table--actions" aria-busy={actions === undefined || undefined}>
        <caption id={captionId} className="table__caption">
          {t('actions.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('actions.col.action')}</th>
            <th scope="col">{t('actions.col.owner')}</th>
            <th scope="col">{t('actions.col.due')}</th>
            <th scope="col">{t('actions.col.severity')}</th>
            <th scope="col">{t('actions.col.status')}</th>
            {rightsFor && (
              <th scope="col" className="col-actions">
                {t('actions.col.actions')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {actions === undefined ? (
            <SkeletonRows rows={4} columns={columns} />
          ) : actions.length === 0 ? (
            <tr>
              <td colSpan={columns} className="table__empty">
                {empty}
              </td>
            </tr>
          ) : (
            actions.map((a) => (
              <tr key={a.id} id={a.key} tabIndex={-1} className={rowClass(a)}>
                <th scope="row" className="cell-name">
                  <span className="code">{a.key}</span> <span>{a.title}</span>
                  {a.blocks && (
                    <span className="cell-sub">
                      <span className="blocked">
                        <span className="blocked__icon" aria-hidden="true">
                          ⊘
                        </span>{' '}
                        {t('actions.blocks')}{' '}
                        <Link to={paths.milestone(programId, a.blocks.key)}>{`${a.blocks.key} ${a.blocks.name}`}</Link>
                      </span>
                    </span>
                  )}
                  {a.risk && (
                    <span className="cell-sub">
                      {t('actions.fromRisk')} <Link to={paths.risk(programId, a.risk.key)}>{`${a.risk.key} ${a.risk.title}`}</Link>
                    </span>
                  )}
                </th>
                <td data-label={t('actions.col.owner')}>
                  <OwnerName owner={a.owner} />
                </td>
                <td className="nowrap" data-label={t('actions.col.due')}>
                  <DueText date={a.dueDate} isOverdue={a.isOverdue} original={a.originalDueDate} />
                </td>
                <td data-label={t('actions.col.severity')}>
                  <span className={`severity severity--${a.severity}`}>{t(`actions.severity.${a.severity}`)}</span>
                </td>
                <td data-label={t('actions.col.status')}>
                  <ActionStatus action={a} />
                </td>
                {rightsFor && (
                  <td className="col-actions">
                    <RowButtons buttons={buttons(a, rightsFor(a))} onAction={(x) => onAction(x, a)} />
                  </td>
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
