import { useTranslation } from 'react-i18next';
import type { Risk } from '../lib/records-api.js';
import { Mark, type Tone } from '../records/mark.js';

const tones: Record<Risk['status'], Tone> = { open: 'neutral', mitigating: 'on_track', closed: 'done', realized: 'late' };

export function RiskStatus({ status }: { status: Risk['status'] }) {
  const { t } = useTranslation();
  return (
    <Mark tone={tones[status]} title={t(`risks.statusHint.${status}`)}>
      {t(`risks.status.${status}`)}
    </Mark>
  );
}
