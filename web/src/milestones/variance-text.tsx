import { useTranslation } from 'react-i18next';
import { formatSigned } from '../lib/format.js';

/** Signed business days with the unit: "+6 business days", "−2 business days". */
export function VarianceText({ days }: { days: number }) {
  const { t } = useTranslation();
  const tone = days > 0 ? 'variance--behind' : days < 0 ? 'variance--ahead' : 'variance--zero';
  return <span className={`variance ${tone}`}>{t('milestones.variance', { count: days, value: formatSigned(days) })}</span>;
}
