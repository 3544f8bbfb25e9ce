import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Gap } from '../components/gap.js';
import { TableScroll } from '../components/table-scroll.js';
import { formatList, formatPlainDate } from '../lib/format.js';
import type { MyWeek } from '../lib/records-api.js';
import { Mark } from '../records/mark.js';
import { paths } from '../records/paths.js';

type GateAtRisk = MyWeek['gatesAtRisk'][number];

/** When the review is, in business days on the program's calendar. */
function ReviewWhen({ gate }: { gate: GateAtRisk }) {
  const { t } = useTranslation();
  const date = formatPlainDate(gate.plannedReviewDate, 'weekday');
  const n = gate.businessDaysLeft;
  if (n < 0) return <Mark tone="late">{t('week.gatesAtRisk.reviewPast', { date, count: -n })}</Mark>;
  return <span>{n === 0 ? t('week.gatesAtRisk.reviewToday', { date }) : t('week.gatesAtRisk.reviewIn', { date, count: n })}</span>;
}

/** One gate at risk: a heading linking to the gate, when its review is, and its required items not on course. */
function GateAtRiskBlock({ gate }: { gate: GateAtRisk }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <article className="week-gate" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={paths.gate(gate.programCode, gate.gateKey)}>
          <span className="code">{gate.gateKey}</span> {gate.gateName}
        </Link>{' '}
        <span className="cell-sub">
          {gate.programName} <span className="code">{gate.programCode}</span>
        </span>
      </h3>
      <p>
        <Mark tone="at_risk" title={t('gates.readiness.atRiskHint')}>
          {t('gates.readiness.at_risk')}
        </Mark>{' '}
        <ReviewWhen gate={gate} />
      </p>
      <TableScroll labelledBy={headingId}>
        <table className="table table--cards table--week">
          <thead>
            <tr>
              <th scope="col">{t('week.gatesAtRisk.col.item')}</th>
              <th scope="col">{t('week.gatesAtRisk.col.owner')}</th>
              <th scope="col">{t('week.col.due')}</th>
              <th scope="col">{t('week.gatesAtRisk.col.why')}</th>
            </tr>
          </thead>
          <tbody>
            {gate.items.map((i) => (
              <tr key={i.key} className={i.reasons.includes('overdue') ? 'record-row record-row--overdue' : 'record-row'}>
                <th scope="row" className="cell-name">
                  <span className="code">{i.key}</span>{' '}
                  <Link to={paths.checklistItem(gate.programCode, gate.gateKey, i.key)}>{i.title}</Link>
                </th>
                <td data-label={t('week.gatesAtRisk.col.owner')}>{i.owner ? i.owner.name : <Gap>{t('common.noOwner')}</Gap>}</td>
                <td className="nowrap" data-label={t('week.col.due')}>
                  {formatPlainDate(i.dueDate)}
                </td>
                <td data-label={t('week.gatesAtRisk.col.why')}>{formatList(i.reasons.map((x) => t(`gates.readiness.reason.${x}`)))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </article>
  );
}

/** The gates the person owns that are at risk, soonest review first: each with the items to chase. */
export function GatesAtRiskSection({ gates }: { gates: readonly GateAtRisk[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="section week-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('week.section.gatesAtRisk')}</h2>
      {gates.length === 0 ? (
        <p className="week-section__empty">{t('week.empty.gatesAtRisk')}</p>
      ) : (
        gates.map((g) => <GateAtRiskBlock key={g.gateId} gate={g} />)
      )}
    </section>
  );
}
