import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { itemLabel } from '../../../src/domain/update-requests/update-request.js';
import { formatPlainDate } from '../lib/format.js';
import type { MyWeek } from '../lib/records-api.js';
import { paths } from '../records/paths.js';

type Request = MyWeek['updateRequests'][number];
type Item = Request['items'][number];

const where = (code: string, i: Item) =>
  i.kind === 'milestone'
    ? paths.milestone(code, i.key)
    : i.kind === 'action'
      ? paths.action(code, i.key)
      : i.kind === 'risk'
        ? paths.risk(code, i.key)
        : paths.checklistItem(code, i.gateKey ?? '', i.key);

/** Tollgate asks the person to update these items before a program's weekly report: each linked to where it is updated. */
export function UpdateRequestsSection({ requests }: { requests: readonly Request[] }) {
  const { t } = useTranslation();
  const headId = useId();
  if (requests.length === 0) return null;
  return (
    <section className="section" aria-labelledby={headId}>
      <h2 id={headId}>{t('myWeek.updateRequests.heading')}</h2>
      <p className="section__intro">{t('myWeek.updateRequests.intro')}</p>
      {requests.map((r) => (
        <div key={r.id}>
          <h3>{t('myWeek.updateRequests.request', { program: `${r.programCode} ${r.programName}`, week: r.week })}</h3>
          <ul>
            {r.items.map((i) => (
              <li key={i.id}>
                <Link to={where(r.programCode, i)}>
                  {itemLabel(i)} {i.title}
                </Link>
                {i.dueDate && <> — {formatPlainDate(i.dueDate, 'weekday')}</>} ({t(`myWeek.updateRequests.why.${i.why}`)})
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
