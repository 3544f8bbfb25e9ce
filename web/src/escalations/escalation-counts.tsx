import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { Mark } from '../records/mark.js';
import { paths } from '../records/paths.js';

/**
 * A program's open escalations, linking to its tracker, the overdue ones marked in word, colour and
 * shape and linking to the overdue filter; nothing at all while none is open.
 */
export function EscalationCounts({ program: p, className }: { program: ProgramSummary; className?: string }) {
  const { t } = useTranslation();
  if (p.openEscalations === 0 && p.overdueEscalations === 0) return null;
  return (
    <span className={className ?? 'escalation-counts'}>
      <Link to={paths.escalations(p.code)}>{t('escalations.counts.open', { count: p.openEscalations })}</Link>
      {p.overdueEscalations > 0 && (
        <>
          {' '}
          <Link to={`${paths.escalations(p.code)}?status=overdue`}>
            <Mark tone="late" title={t('escalations.overdueHint')}>
              {t('escalations.counts.overdue', { count: p.overdueEscalations })}
            </Mark>
          </Link>
        </>
      )}
    </span>
  );
}
