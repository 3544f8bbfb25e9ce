import { useTranslation } from 'react-i18next';
import { healthOrder } from '../lib/health.js';
import { HealthBadge } from './health-badge.js';

/** The four health words and the rule behind each, one click away. */
export function HealthLegend() {
  const { t } = useTranslation();
  return (
    <details className="legend">
      <summary>{t('health.legend')}</summary>
      <ul className="legend__list">
        {healthOrder.map((h) => (
          <li key={h}>
            <HealthBadge health={h} /> <span>{t(`health.rule.${h}`)}</span>
          </li>
        ))}
        <li className="legend__note">{t('health.programRule')}</li>
      </ul>
    </details>
  );
}
