import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Decision } from '../lib/records-api.js';
import { paths } from '../records/paths.js';

/** "Supersedes D-3" and "Superseded by D-9", each a link to the other decision. */
export function DecisionChain({ programId, decision: d }: { programId: string; decision: Decision }) {
  const { t } = useTranslation();
  if (!d.supersedes && !d.supersededBy) return null;
  return (
    <span className="chain">
      {d.supersedes && (
        <span className="chain__link">
          {t('decisions.supersedes')} <Link to={paths.decision(programId, d.supersedes.key)}>{d.supersedes.key}</Link>
        </span>
      )}
      {d.supersededBy && (
        <span className="chain__link">
          {t('decisions.supersededBy')} <Link to={paths.decision(programId, d.supersededBy.key)}>{d.supersededBy.key}</Link>
        </span>
      )}
    </span>
  );
}
