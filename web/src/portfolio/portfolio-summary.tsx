import { useTranslation } from 'react-i18next';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { formatList } from '../lib/format.js';
import { countByHealth } from './sort-programs.js';

/** One line that answers "are we on track": "8 programs: 2 late, 3 at risk, 3 on track". */
export function PortfolioSummary({ programs }: { programs: readonly ProgramSummary[] | undefined }) {
  const { t } = useTranslation();
  if (programs === undefined) return <h1>{t('portfolio.title')}</h1>;
  if (programs.length === 0) return <h1>{t('portfolio.empty')}</h1>;
  const parts = countByHealth(programs)
    .filter(([, n]) => n > 0)
    .map(([h, n]) => t(`portfolio.count.${h}`, { count: n }));
  return <h1>{t('portfolio.summary', { count: programs.length, breakdown: formatList(parts) })}</h1>;
}
