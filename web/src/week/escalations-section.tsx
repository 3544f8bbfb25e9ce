import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableScroll } from '../components/table-scroll.js';
import { DeadlineText, EscalationStatus } from '../escalations/escalations-table.js';
import type { MyWeek } from '../lib/records-api.js';
import { paths } from '../records/paths.js';

type WeekEscalation = MyWeek['escalations'][number];

/** The escalations the person must answer, soonest deadline first, each linking to its row on the program's tracker. */
export function EscalationsSection({ escalations }: { escalations: readonly WeekEscalation[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="section week-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('week.section.escalations')}</h2>
      {escalations.length === 0 ? (
        <p className="week-section__empty">{t('week.empty.escalations')}</p>
      ) : (
        <TableScroll labelledBy={headingId}>
          <table className="table table--cards table--week">
            <thead>
              <tr>
                <th scope="col">{t('escalations.col.escalation')}</th>
                <th scope="col">{t('week.col.program')}</th>
                <th scope="col">{t('escalations.col.deadline')}</th>
                <th scope="col">{t('escalations.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {escalations.map((e) => (
                <tr key={e.id} className={`record-row${e.isOverdue ? ' record-row--overdue' : ''}`}>
                  <th scope="row" className="cell-name">
                    <Link to={paths.escalation(e.programCode, e.key)}>
                      <span className="code">{e.key}</span> {t(`escalations.kind.${e.triggerKind}`)}
                    </Link>
                    <span className="cell-sub">{`${e.subject.ref} ${e.subject.title}`}</span>
                  </th>
                  <td data-label={t('week.col.program')}>
                    <span className="code">{e.programCode}</span>
                  </td>
                  <td className="nowrap" data-label={t('escalations.col.deadline')}>
                    <DeadlineText escalation={e} />
                  </td>
                  <td data-label={t('escalations.col.status')}>
                    <EscalationStatus escalation={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
