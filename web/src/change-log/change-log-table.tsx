import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeEntry } from '../../../src/contract/change.js';
import { InstantText } from '../components/instant-text.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import { ChangeEntryText } from './change-entry-text.js';

interface Props {
  entries: readonly ChangeEntry[] | undefined;
  /** What an empty list says (no changes at all, or none matching the filters). */
  empty: string;
}

/** The change log, newest first: one row per write of one record, its fields together, with its reason. */
export function ChangeLogTable({ entries, empty }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards table--changes" aria-busy={entries === undefined || undefined}>
        <caption id={captionId} className="visually-hidden">
          {t('changeLog.heading')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('changeLog.col.when')}</th>
            <th scope="col">{t('changeLog.col.who')}</th>
            <th scope="col">{t('changeLog.col.what')}</th>
            <th scope="col">{t('changeLog.col.why')}</th>
          </tr>
        </thead>
        <tbody>
          {entries === undefined ? (
            <SkeletonRows rows={4} columns={4} />
          ) : entries.length === 0 ? (
            <tr>
              <td colSpan={4} className="table__empty">
                {empty}
              </td>
            </tr>
          ) : (
            entries.map((e) => (
              <tr key={e.id} className="change-row">
                <td className="nowrap" data-label={t('changeLog.col.when')}>
                  <InstantText value={e.at} />
                </td>
                <td className="nowrap" data-label={t('changeLog.col.who')}>
                  {e.by.name}
                </td>
                <th scope="row" className="cell-what">
                  <ChangeEntryText entry={e} />
                </th>
                <td data-label={t('changeLog.col.why')}>
                  {e.reason?.trim() ? (
                    e.reason
                  ) : (
                    <span className="muted no-reason">
                      <span aria-hidden="true">{t('common.dash')} </span>
                      {t('changeLog.noReason')}
                    </span>
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
