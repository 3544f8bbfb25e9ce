import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InstantText } from '../components/instant-text.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import { Mark, type Tone } from '../records/mark.js';
import { paths } from '../records/paths.js';
import { RowButtons } from '../records/row-buttons.js';
import { type EscalationAction, useEscalationButtons } from './escalation-buttons.js';
import type { EscalationRights } from './escalation-rights.js';
import type { Escalation } from './escalations-api.js';

interface Props {
  programId: string;
  escalations: readonly Escalation[] | undefined;
  rightsFor: ((e: Escalation) => EscalationRights) | null;
  onAction: (action: EscalationAction, e: Escalation) => void;
  /** The key the address names (#X-3): that row is highlighted. */
  target: string | null;
  empty: string;
}

const statusTone: Record<Escalation['status'], Tone> = {
  open: 'at_risk',
  acknowledged: 'waiting',
  escalated: 'late',
  expired: 'late',
  resolved: 'done',
};

const rowClass = (e: Escalation, target: string | null) =>
  `record-row record-row--${e.status}${e.isOverdue ? ' record-row--overdue' : ''}${e.key === target ? ' record-row--target' : ''}`;

/** One escalation's status as word + colour + shape, its meaning on hover. */
export function EscalationStatus({ escalation: e }: { escalation: Escalation }) {
  const { t } = useTranslation();
  return (
    <Mark tone={statusTone[e.status]} title={t(`escalations.statusHint.${e.status}`)}>
      {e.status === 'escalated' ? t('escalations.status.escalatedTo', { level: e.level }) : t(`escalations.status.${e.status}`)}
    </Mark>
  );
}

/** A deadline in the reader's zone; overdue in word, colour and shape. */
export function DeadlineText({ escalation: e, stacked = false }: { escalation: Escalation; stacked?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <InstantText value={e.deadlineAt} stacked={stacked} />
      {e.isOverdue && (
        <>
          {' '}
          <Mark tone="late" title={t('escalations.overdueHint')}>
            {t('escalations.overdue')}
          </Mark>
        </>
      )}
    </>
  );
}

/** The tracker: each escalation with what fired it, owner, level, raised, deadline, status and outcome. */
export function EscalationsTable({ programId, escalations, rightsFor, onAction, target, empty }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const buttons = useEscalationButtons();
  const columns = rightsFor ? 7 : 6;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards table--escalations" aria-busy={escalations === undefined || undefined}>
        <caption id={captionId} className="table__caption">
          {t('escalations.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('escalations.col.escalation')}</th>
            <th scope="col">{t('escalations.col.owner')}</th>
            <th scope="col">{t('escalations.col.raised')}</th>
            <th scope="col">{t('escalations.col.deadline')}</th>
            <th scope="col">{t('escalations.col.status')}</th>
            <th scope="col">{t('escalations.col.outcome')}</th>
            {rightsFor && (
              <th scope="col" className="col-actions">
                {t('escalations.col.actions')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {escalations === undefined ? (
            <SkeletonRows rows={4} columns={columns} />
          ) : escalations.length === 0 ? (
            <tr>
              <td colSpan={columns} className="table__empty">
                {empty}
              </td>
            </tr>
          ) : (
            escalations.map((e) => (
              <tr key={e.id} id={e.key} tabIndex={-1} className={rowClass(e, target)} aria-current={e.key === target || undefined}>
                <th scope="row" className="cell-name">
                  <span className="code">{e.key}</span> <span>{t(`escalations.kind.${e.triggerKind}`)}</span>{' '}
                  <span className={`severity severity--${e.severity}`}>{t(`escalations.severity.${e.severity}`)}</span>
                  <span className="cell-sub">
                    {t('escalations.firedBy')} <Link to={e.subject.link}>{`${e.subject.ref} ${e.subject.title}`}</Link>
                  </span>
                  <span className="cell-sub">
                    <Link to={`${paths.changes(programId)}?record=${encodeURIComponent(e.key)}`}>{t('escalations.history')}</Link>
                  </span>
                </th>
                <td data-label={t('escalations.col.owner')}>
                  {e.owner.name}
                  <span className="cell-sub">
                    {e.level === 0 ? t('escalations.levelZero') : t('escalations.level', { level: e.level })}
                  </span>
                </td>
                <td data-label={t('escalations.col.raised')}>
                  <InstantText value={e.raisedAt} stacked />
                </td>
                <td data-label={t('escalations.col.deadline')}>
                  <DeadlineText escalation={e} stacked />
                </td>
                <td data-label={t('escalations.col.status')}>
                  <EscalationStatus escalation={e} />
                </td>
                <td data-label={t('escalations.col.outcome')} className="cell-text">
                  {e.outcome ?? (e.status === 'resolved' ? '' : <span className="gap">{t('escalations.noOutcome')}</span>)}
                  {e.decision && (
                    <span className="cell-sub">
                      {t('escalations.linkedDecision')} <Link to={paths.decision(programId, e.decision.key)}>{e.decision.key}</Link>
                    </span>
                  )}
                  {e.action && (
                    <span className="cell-sub">
                      {t('escalations.linkedAction')} <Link to={paths.action(programId, e.action.key)}>{e.action.key}</Link>
                    </span>
                  )}
                </td>
                {rightsFor && (
                  <td className="col-actions">
                    <RowButtons buttons={buttons(e, rightsFor(e))} onAction={(x) => onAction(x, e)} />
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
