import { useTranslation } from 'react-i18next';
import type { Decision } from '../lib/records-api.js';
import { Mark, type Tone } from '../records/mark.js';

const tones: Record<Decision['status'], Tone> = { open: 'at_risk', decided: 'done', superseded: 'neutral' };

/** Open, decided or superseded, in word, colour and shape, explained on hover. */
export function DecisionStatus({ status }: { status: Decision['status'] }) {
  const { t } = useTranslation();
  return (
    <Mark tone={tones[status]} title={t(`decisions.statusHint.${status}`)}>
      {t(`decisions.status.${status}`)}
    </Mark>
  );
}
