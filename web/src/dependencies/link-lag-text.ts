import { useTranslation } from 'react-i18next';

/** A dependency's lag in words: "2 business days", "no lag", "overlaps 3 business days". */
export function useLagText(): (lagDays: number) => string {
  const { t } = useTranslation();
  return (lagDays) =>
    lagDays > 0 ? t('links.lag', { count: lagDays }) : lagDays === 0 ? t('links.noLag') : t('links.overlap', { count: -lagDays });
}
