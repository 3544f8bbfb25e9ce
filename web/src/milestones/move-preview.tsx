import { type Ref, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../components/date-text.js';
import { TableScroll } from '../components/table-scroll.js';
import { formatPlainDate } from '../lib/format.js';
import type { Push } from '../lib/plan-queries.js';

interface Props {
  milestoneKey: string;
  /** The new date being previewed; null while no new date is chosen. */
  date: string | null;
  /** The chosen date has not been worked out yet (still typing, or asking the server). */
  checking: boolean;
  pushes: readonly Push[] | undefined;
  /** Why the preview could not be worked out. */
  problem: string | null;
  /** The one-line answer, focused when a submit stops to show what else moves. */
  summaryRef?: Ref<HTMLParagraphElement>;
  /** Other words for the one-line answer (a new link, not a move): while checking, with nothing to push, with pushes. */
  words?: { readonly checking: string; readonly none: string; readonly summary: (count: number) => string };
}

/** "Moving M-3 to 12 Mar 2027 also moves 4 milestones:" and the list of them, or "No other milestone moves." */
export function MovePreview({ milestoneKey, date, checking, pushes, problem, summaryRef, words }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const shown = !checking && problem === null && date !== null ? pushes : undefined;
  let summary = '';
  if (date !== null) {
    if (checking) summary = words?.checking ?? t('movePreview.checking');
    else if (problem !== null) summary = t('movePreview.failed', { message: problem });
    else if (shown?.length === 0) summary = words?.none ?? t('movePreview.none');
    else if (shown)
      summary =
        words?.summary(shown.length) ?? t('movePreview.summary', { key: milestoneKey, date: formatPlainDate(date), count: shown.length });
  }
  const tone = checking ? ' move-preview__summary--checking' : shown && shown.length > 0 ? ' move-preview__summary--pushes' : '';

  return (
    <div className="move-preview">
      <p ref={summaryRef} tabIndex={-1} role="status" className={`move-preview__summary${tone}`}>
        {summary}
      </p>
      {shown && shown.length > 0 && (
        <TableScroll labelledBy={captionId}>
          <table className="table move-preview__table">
            <caption id={captionId} className="visually-hidden">
              {t('movePreview.caption', { key: milestoneKey })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('movePreview.col.key')}</th>
                <th scope="col">{t('movePreview.col.name')}</th>
                <th scope="col">{t('movePreview.col.forecast')}</th>
                <th scope="col">{t('movePreview.col.why')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <td className="nowrap">{p.key}</td>
                  <th scope="row">{p.name}</th>
                  <td className="nowrap">
                    <span className="change-old">
                      <DateText value={p.from} />
                    </span>
                    <span className="change-arrow" aria-hidden="true">
                      {' → '}
                    </span>
                    <span className="visually-hidden"> {t('movePreview.to')} </span>
                    <strong>
                      <DateText value={p.to} />
                    </strong>
                  </td>
                  <td className="nowrap">{t('movePreview.pushedBy', { key: p.cause.key })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
