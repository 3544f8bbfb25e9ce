import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Gap } from '../components/gap.js';
import { TableScroll } from '../components/table-scroll.js';
import { DueText } from '../records/due-text.js';
import { byUrgency, itemPath, type WeekItem, type WeekSectionName } from './week-item.js';

interface Props {
  name: WeekSectionName;
  items: readonly WeekItem[];
}

/** One of the five things "my week" asks of a person: a table, or one plain line when empty. */
export function WeekSection({ name, items }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const sorted = byUrgency(items);
  return (
    <section className="section week-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`week.section.${name}`)}</h2>
      {sorted.length === 0 ? (
        <p className="week-section__empty">{t(`week.empty.${name}`)}</p>
      ) : (
        <TableScroll labelledBy={headingId}>
          <table className="table table--cards table--week">
            <thead>
              <tr>
                <th scope="col">{t('week.col.item')}</th>
                <th scope="col">{t('week.col.program')}</th>
                <th scope="col">{t('week.col.due')}</th>
                <th scope="col">{t('week.col.ask')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((item) => (
                <tr key={`${item.kind}-${item.id}`} className={item.isOverdue ? 'record-row record-row--overdue' : 'record-row'}>
                  <th scope="row" className="cell-name">
                    <span className="code">{item.key}</span> <Link to={itemPath(item)}>{item.title}</Link>
                    {item.flags.includes('no_owner') && (
                      <span className="cell-sub">
                        <Gap>{t('common.noOwner')}</Gap>
                      </span>
                    )}
                  </th>
                  <td data-label={t('week.col.program')}>
                    {item.programName} <span className="code">{item.programCode}</span>
                  </td>
                  <td className="nowrap" data-label={t('week.col.due')}>
                    <DueText date={item.dueDate} isOverdue={item.isOverdue} />
                  </td>
                  <td data-label={t('week.col.ask')}>{t(`week.ask.${item.ask}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
