import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Milestone } from '../../../src/contract/milestone.js';
import { formatList } from '../lib/format.js';
import { paths } from '../records/paths.js';

/** "Blocked by A-4, A-7": the open actions that hold a milestone, each a link to the action. */
export function BlockedBy({ programId, blockers }: { programId: string; blockers: Milestone['blockedBy'] }) {
  const { t } = useTranslation();
  if (blockers.length === 0) return null;
  const keys = formatList(blockers.map((b) => b.key));
  return (
    <span className="blocked" title={t('milestones.blockedHint', { keys })}>
      <span className="blocked__icon" aria-hidden="true">
        ⊘
      </span>{' '}
      {t('milestones.blockedBy')}{' '}
      {blockers.map((b, i) => (
        <span key={b.id}>
          {i > 0 && ', '}
          <Link to={paths.action(programId, b.key)} title={b.title}>
            {b.key}
          </Link>
        </span>
      ))}
    </span>
  );
}
