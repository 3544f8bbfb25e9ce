import { useTranslation } from 'react-i18next';
import { Mark } from '../records/mark.js';
import { bandTone } from './risk-score.js';

/** What the score bands mean: score = likelihood × impact. */
export function BandLegend() {
  const { t } = useTranslation();
  return (
    <details className="legend">
      <summary>{t('risks.legend')}</summary>
      <ul className="legend__list">
        {(['high', 'medium', 'low'] as const).map((b) => (
          <li key={b}>
            <Mark tone={bandTone[b]}>{t(`risks.band.${b}`)}</Mark> <span>{t(`risks.bandHint.${b}`)}</span>
          </li>
        ))}
        <li className="legend__note">{t('risks.scoreRule')}</li>
      </ul>
    </details>
  );
}
