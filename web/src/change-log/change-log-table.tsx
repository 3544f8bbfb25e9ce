import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Change } from '../../../src/contract/change.js';
import { InstantText } from '../components/instant-text.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import { useChangeWhat } from './change-field-label.js';
import { ChangeValue } from './change-value.js';

interface Props {
  changes: readonly Change[] | undefined;
  names: ReadonlyMap<string, string>;
  /** Older changes the server holds, fetched a page at a time; null when the oldest is loaded. */
  more?: { readonly loading: boolean; readonly load: () => void } | null;
}

/** Writes shown at first; older ones come on request, so a long history stays fast. */
const PAGE = 40;

/** Newest first; the changes of one write are grouped in one body. */
function groupChanges(changes: readonly Change[]): Change[][] {
  const sorted = [...changes].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const groups: Change[][] = [];
  for (const c of sorted) {
    const last = groups.at(-1);
    if (last && last[0]?.correlationId === c.correlationId) last.push(c);
    else groups.push([c]);
  }
  return groups;
}

export function ChangeLogTable({ changes, names, more = null }: Props) {
  const { t } = useTranslation();
  const what = useChangeWhat();
  const captionId = useId();
  const groups = useMemo(() => (changes ? groupChanges(changes) : undefined), [changes]);
  const [limit, setLimit] = useState(PAGE);
  const visible = groups?.slice(0, limit);
  const shownRows = visible?.reduce((n, g) => n + g.length, 0) ?? 0;
  const hiddenRows = (changes?.length ?? 0) - shownRows;
  const nextRows = groups?.slice(limit, limit + PAGE * 2).reduce((n, g) => n + g.length, 0) ?? 0;
  return (
    <>
      <TableScroll labelledBy={captionId}>
        <table className="table table--cards table--changes" aria-busy={groups === undefined || undefined}>
          <caption id={captionId} className="visually-hidden">
            {t('changeLog.heading')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('changeLog.col.when')}</th>
              <th scope="col">{t('changeLog.col.who')}</th>
              <th scope="col">{t('changeLog.col.what')}</th>
              <th scope="col">{t('changeLog.col.change')}</th>
              <th scope="col">{t('changeLog.col.why')}</th>
            </tr>
          </thead>
          {visible === undefined ? (
            <tbody>
              <SkeletonRows rows={4} columns={5} />
            </tbody>
          ) : visible.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={5} className="table__empty">
                  {t('changeLog.empty')}
                </td>
              </tr>
            </tbody>
          ) : (
            visible.map((group) => (
              <tbody key={group[0]?.id} className={group.length > 1 ? 'change-group change-group--many' : 'change-group'}>
                {group.map((c, i) => (
                  <tr key={c.id} className={i > 0 ? 'change-row change-row--same-write' : 'change-row'}>
                    <td className="nowrap" data-label={t('changeLog.col.when')}>
                      <InstantText value={c.at} />
                    </td>
                    <td className="nowrap" data-label={t('changeLog.col.who')}>
                      {c.actor.name}
                    </td>
                    <th scope="row" className="cell-what">
                      {what(c.entity, c.entityKey, c.field)}
                    </th>
                    <td data-label={t('changeLog.col.change')}>
                      <span className="change-old">
                        <ChangeValue field={c.field} value={c.oldValue} names={names} />
                      </span>
                      <span className="change-arrow" aria-hidden="true">
                        {' → '}
                      </span>
                      <span className="visually-hidden"> {t('changeLog.to')} </span>
                      <span className="change-new">
                        <ChangeValue field={c.field} value={c.newValue} names={names} />
                      </span>
                    </td>
                    <td data-label={t('changeLog.col.why')}>
                      {c.reason?.trim() ? (
                        c.reason
                      ) : (
                        <span className="muted no-reason">
                          <span aria-hidden="true">{t('common.dash')} </span>
                          {t('changeLog.noReason')}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))
          )}
        </table>
      </TableScroll>
      {hiddenRows > 0 ? (
        <div className="more">
          <p className="more__count">{t('changeLog.shown', { shown: shownRows, total: changes?.length ?? 0 })}</p>
          <button type="button" className="button button--secondary" onClick={() => setLimit((n) => n + PAGE * 2)}>
            {t('changeLog.showMore', { count: nextRows })}
          </button>
        </div>
      ) : more ? (
        // Everything loaded is shown: the next page comes from the server, and shows as it arrives.
        <div className="more">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setLimit((n) => n + PAGE * 2);
              more.load();
            }}
            disabled={more.loading}
            aria-busy={more.loading}
          >
            {more.loading ? t('changeLog.loadingMore') : t('changeLog.more')}
          </button>
        </div>
      ) : null}
    </>
  );
}
