import { useTranslation } from 'react-i18next';
import { riskBand } from '../../../src/domain/risk.js';
import { Gap } from '../components/gap.js';
import { formatNumber } from '../lib/format.js';
import { Mark, type Tone } from '../records/mark.js';

export type Band = 'high' | 'medium' | 'low';
export const bandTone: Record<Band, Tone> = { high: 'late', medium: 'at_risk', low: 'on_track' };

/** A score with its band, "20 high", in word, colour and shape; a missing residual score is a visible gap. */
export function RiskScore({ score }: { score: number | null }) {
  const { t } = useTranslation();
  if (score === null) return <Gap>{t('risks.notAssessed')}</Gap>;
  const band = riskBand(score);
  return (
    <Mark tone={bandTone[band]} title={t(`risks.bandHint.${band}`)}>
      {t('risks.scoreBand', { score: formatNumber(score), band: t(`risks.band.${band}`) })}
    </Mark>
  );
}
