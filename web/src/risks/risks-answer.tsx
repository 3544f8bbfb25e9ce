import { useTranslation } from 'react-i18next';
import { formatList } from '../lib/format.js';
import type { Risk } from '../lib/records-api.js';
import { Mark } from '../records/mark.js';
import { isLive } from './risk-rights.js';

/** The answer first: how many live risks, by band, and how many reviews are due. */
export function RisksAnswer({ risks }: { risks: readonly Risk[] }) {
  const { t } = useTranslation();
  const live = risks.filter(isLive);
  const bands = (['high', 'medium', 'low'] as const)
    .map((b) => [b, live.filter((r) => r.band === b).length] as const)
    .filter(([, n]) => n > 0)
    .map(([b, n]) => t(`risks.answer.band.${b}`, { count: n }));
  const due = live.filter((r) => r.isReviewDue).length;
  return (
    <div className="answers answers--plain">
      <p className="answers__main">
        {live.length === 0 ? t('risks.answer.none') : t('risks.answer.live', { count: live.length, breakdown: formatList(bands) })}
        {due > 0 && (
          <>
            {' '}
            <Mark tone="late">{t('risks.answer.reviewsDue', { count: due })}</Mark>
          </>
        )}
      </p>
    </div>
  );
}
