import { useTranslation } from 'react-i18next';
import { formatNumber, formatPlainDate } from '../lib/format.js';
import { SamplingPlanSteps } from '../sampling/sampling-plan-steps.js';
import type { FloorEvent } from './floor-api.js';

/** A verdict as word and shape, never colour alone. */
export function Verdict({ verdict, label }: { verdict: 'accept' | 'reject'; label?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`verdict verdict--${verdict}`}>
      <span aria-hidden="true">{verdict === 'accept' ? '✓ ' : '✗ '}</span>
      {label ?? t(`floor.verdict.${verdict}`)}
    </span>
  );
}

function ShipmentOutcome({ s }: { s: NonNullable<FloorEvent['shipment']> }) {
  const { t } = useTranslation();
  return (
    <p>
      {t('floor.shipment.expected', { date: formatPlainDate(s.expectedOn) })}
      {' · '}
      {s.arrivedOn
        ? t('floor.shipment.arrived', { date: formatPlainDate(s.arrivedOn) })
        : s.shippedOn
          ? t('floor.shipment.shippedNotArrived', { date: formatPlainDate(s.shippedOn) })
          : t('floor.shipment.notShipped')}
      {s.businessDaysLate !== null && (
        <>
          {' · '}
          <strong className="late">{t('floor.shipment.late', { count: s.businessDaysLate })}</strong>
        </>
      )}
    </p>
  );
}

function InspectionOutcome({ i }: { i: NonNullable<FloorEvent['inspection']> }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Verdict verdict={i.verdict} /> {t('floor.inspection.lot', { size: formatNumber(i.lotSize), level: i.level })}
        {i.lotRef && ` · ${i.lotRef}`}
      </p>
      <div className="table-scroll table-scroll--compact">
        <table className="table table--compact">
          <caption className="visually-hidden">{t('floor.inspection.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('floor.inspection.class')}</th>
              <th scope="col">AQL</th>
              <th scope="col">{t('floor.inspection.codeLetter')}</th>
              <th scope="col">n</th>
              <th scope="col">Ac</th>
              <th scope="col">Re</th>
              <th scope="col">{t('floor.inspection.found')}</th>
              <th scope="col">{t('floor.inspection.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {i.classes.map((c) => (
              <tr key={c.defectClass}>
                <th scope="row">{t(`floor.class.${c.defectClass}`)}</th>
                <td>{c.aql}</td>
                <td>{c.planLetter === c.codeLetter ? c.codeLetter : `${c.codeLetter} → ${c.planLetter}`}</td>
                <td>{formatNumber(c.sampleSize)}</td>
                <td>{c.acceptNumber}</td>
                <td>{c.rejectNumber}</td>
                <td>{formatNumber(c.defectsFound)}</td>
                <td>
                  <Verdict verdict={c.verdict} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="event-how">
        <summary>{t('floor.inspection.how')}</summary>
        {i.classes.map((c) => (
          <SamplingPlanSteps key={c.defectClass} steps={c.steps} headingLevel={4} title={t(`floor.class.${c.defectClass}`)}>
            {c.defectClass === 'critical' && i.criticalAcceptsNone && <p>{t('floor.inspection.criticalNone')}</p>}
          </SamplingPlanSteps>
        ))}
      </details>
    </>
  );
}

function MeasurementOutcome({ m }: { m: NonNullable<FloorEvent['measurement']> }) {
  const { t } = useTranslation();
  const out = new Set(m.outOfLimits.map((o) => o.index));
  const unit = m.unit ? ` ${m.unit}` : '';
  return (
    <>
      <p>
        <Verdict
          verdict={out.size === 0 ? 'accept' : 'reject'}
          label={
            out.size === 0 ? t('floor.measurement.allWithin') : t('floor.measurement.outOf', { count: out.size, total: m.values.length })
          }
        />{' '}
        {t('floor.measurement.limits', {
          lower: m.lowerLimit === null ? '—' : formatNumber(m.lowerLimit),
          upper: m.upperLimit === null ? '—' : formatNumber(m.upperLimit),
          nominal: formatNumber(m.nominal),
          unit,
        })}
      </p>
      <p>
        {t('floor.measurement.mean', { mean: formatNumber(m.mean), unit })}
        {m.stdDev !== null && ` · ${t('floor.measurement.stdDev', { sd: formatNumber(m.stdDev), unit })}`}
        {' · '}
        {m.cpk !== null
          ? t(m.isOneSided ? 'floor.measurement.cpkOneSided' : 'floor.measurement.cpk', { cpk: m.cpk.toFixed(2) })
          : m.noCpk === 'too_few_values'
            ? t('floor.measurement.noCpkFew', { count: m.cpkMinValues })
            : t('floor.measurement.noCpkSpread')}
      </p>
      <ul className="values" aria-label={t('floor.measurement.values')}>
        {m.values.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: values are listed in the order measured; the position is their identity.
          <li key={i} className={out.has(i) ? 'values__out' : undefined}>
            {formatNumber(v)}
            {out.has(i) && <span className="visually-hidden"> {t('floor.measurement.outOfLimits')}</span>}
            {out.has(i) && <span aria-hidden="true"> ✗</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** What an event says: a shipment's lateness, an inspection's verdict per class (and how), a measurement's figures. */
export function EventOutcome({ event }: { event: FloorEvent }) {
  if (event.shipment) return <ShipmentOutcome s={event.shipment} />;
  if (event.inspection) return <InspectionOutcome i={event.inspection} />;
  if (event.measurement) return <MeasurementOutcome m={event.measurement} />;
  return null;
}
