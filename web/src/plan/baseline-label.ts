import { useTranslation } from 'react-i18next';
import { formatInstant } from '../lib/format.js';
import type { Baseline } from '../lib/plan-view-queries.js';

/** "Baseline 0 — taken 3 Mar 2026, 09:00 CET by Dana" / "Baseline 1 — Re-plan after tooling rework (D-5)". */
export function useBaselineLabel(): (b: Baseline) => string {
  const { t } = useTranslation();
  return (b) => {
    if (b.decision) return t('plan.baseline.optionDecided', { number: b.number, name: b.name, decision: b.decision.key });
    const when = formatInstant(b.takenAt);
    return b.takenBy
      ? t('plan.baseline.optionTakenBy', { number: b.number, when, who: b.takenBy.name })
      : t('plan.baseline.optionTaken', { number: b.number, when });
  };
}
