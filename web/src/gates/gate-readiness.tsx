import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatList, formatPlainDate } from '../lib/format.js';
import { Mark } from '../records/mark.js';
import { paths } from '../records/paths.js';
import type { GateSummary } from './gates-api.js';

type Readiness = GateSummary['readiness'];

/** Readiness in a few words: at risk (naming the items off course), on track, not yet in its warning period. */
export function ReadinessText({ code, gateKey, readiness: r }: { code: string; gateKey: string; readiness: Readiness }) {
  const { t } = useTranslation();
  if (r.level === 'at_risk')
    return (
      <>
        <Mark tone="at_risk" title={t('gates.readiness.atRiskHint')}>
          {t('gates.readiness.at_risk')}
        </Mark>{' '}
        <span className="cell-sub">
          {r.items.map((i, n) => (
            <span key={i.key}>
              {n > 0 && ', '}
              <Link to={paths.checklistItem(code, gateKey, i.key)}>{i.title}</Link>{' '}
              <span className="muted">({formatList(i.reasons.map((x) => t(`gates.readiness.reason.${x}`)))})</span>
            </span>
          ))}
        </span>
      </>
    );
  if (r.level === 'on_track')
    return (
      <Mark tone="on_track" title={t('gates.readiness.onTrackHint')}>
        {t('gates.readiness.on_track')}
      </Mark>
    );
  if (r.level === 'not_yet')
    return (
      <span className="muted" title={t('gates.readiness.notYetHint')}>
        {r.windowStart ? t('gates.readiness.notYetFrom', { date: formatPlainDate(r.windowStart) }) : t('gates.readiness.not_yet')}
      </span>
    );
  return <span className="muted">{t(`gates.readiness.${r.level}`)}</span>;
}

/** The warning on a gate page: which required items are off course, each a link to the item. */
export function ReadinessWarning({ code, gateKey, readiness: r }: { code: string; gateKey: string; readiness: Readiness }) {
  const { t } = useTranslation();
  if (r.level !== 'at_risk') return null;
  return (
    <div className="notice notice--warning" role="note">
      <p className="notice__title">
        {t('gates.readiness.warningTitle', { gate: gateKey, count: r.items.length, days: r.businessDaysLeft ?? 0 })}
      </p>
      <ul>
        {r.items.map((i) => (
          <li key={i.key}>
            <Link to={paths.checklistItem(code, gateKey, i.key)}>{i.title}</Link>
            {': '}
            {formatList(i.reasons.map((x) => t(`gates.readiness.reason.${x}`)))}
            {' · '}
            {t('gates.readiness.due', { date: formatPlainDate(i.dueDate) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
