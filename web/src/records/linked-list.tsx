import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Decision } from '../lib/records-api.js';
import { paths } from './paths.js';

type Linked = Decision['links'][number];

const pathOf = (code: string, l: Linked): string | null => {
  switch (l.entity) {
    case 'milestone':
      return paths.milestone(code, l.key);
    case 'decision':
      return paths.decision(code, l.key);
    case 'risk':
      return paths.risk(code, l.key);
    case 'action':
      return paths.action(code, l.key);
    default:
      return null;
  }
};

/** The milestones, risks, actions and decisions a record bears on, each a link. */
export function LinkedList({ programId, links }: { programId: string; links: readonly Linked[] }) {
  const { t } = useTranslation();
  if (links.length === 0) return <p className="muted">{t('records.noLinks')}</p>;
  return (
    <ul className="plain-list linked-list">
      {links.map((l) => {
        const to = pathOf(programId, l);
        return (
          <li key={`${l.entity}-${l.id}`}>
            <span className="code">{l.key}</span> {to ? <Link to={to}>{l.title}</Link> : l.title}
          </li>
        );
      })}
    </ul>
  );
}
