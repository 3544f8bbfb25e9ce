import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatList } from '../lib/format.js';
import { usePredecessors } from '../lib/plan-queries.js';
import { paths } from '../records/paths.js';

/** Keys shown as links; the rest are counted, so a milestone with many predecessors keeps a short row. */
const shownKeys = 3;
const keyNumber = (key: string) => Number(/\d+$/.exec(key)?.[0] ?? 0);

/** "after M-2, M-5" under a milestone's name: what it waits for, each a link to that row. */
export function LinkPredecessors({ programId, milestoneId }: { programId: string; milestoneId: string }) {
  const { t } = useTranslation();
  const { data } = usePredecessors(programId, milestoneId);
  if (!data || data.length === 0) return null;
  const sorted = [...data].sort((a, b) => keyNumber(a.predecessor.key) - keyNumber(b.predecessor.key));
  const visible = sorted.length > shownKeys + 1 ? sorted.slice(0, shownKeys) : sorted;
  const rest = formatList(sorted.slice(visible.length).map((l) => l.predecessor.key));
  return (
    <span className="cell-sub link-after">
      {t('links.after')}{' '}
      {visible.map((l, i) => (
        <span key={l.id}>
          {i > 0 && ', '}
          <Link to={paths.milestone(programId, l.predecessor.key)} title={l.predecessor.name}>
            {l.predecessor.key}
          </Link>
        </span>
      ))}
      {visible.length < sorted.length && (
        <span title={rest}>
          {' '}
          <span aria-hidden="true">{t('links.more', { count: sorted.length - visible.length })}</span>
          <span className="visually-hidden">, {rest}</span>
        </span>
      )}
    </span>
  );
}
