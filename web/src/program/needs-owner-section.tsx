import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NeedsOwnerItem } from '../../../src/contract/needs-owner.js';
import { paths } from '../records/paths.js';

interface Props {
  code: string;
  items: readonly NeedsOwnerItem[] | undefined;
  /** More than the items shown lack an owner or a due date. */
  hasMore: boolean;
}

const where = (code: string, i: NeedsOwnerItem) =>
  i.kind === 'milestone' ? paths.milestone(code, i.key) : i.kind === 'decision' ? paths.decision(code, i.key) : paths.action(code, i.key);

/**
 * Records kept from before every one needed an owner and a due date, each linked to where it is
 * completed; nothing is shown while none lacks either (or while loading).
 */
export function NeedsOwnerSection({ code, items, hasMore }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  if (!items || items.length === 0) return null;
  return (
    <section className="section section--needs-owner" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('needsOwner.heading')}</h2>
      <p className="section__intro">{t('needsOwner.intro')}</p>
      <ul className="needs-owner">
        {items.map((i) => (
          <li key={i.id}>
            <Link to={where(code, i)}>
              {i.key} {i.title}
            </Link>{' '}
            — {i.lacks.map((g) => t(`needsOwner.lacks.${g}`)).join(', ')}
          </li>
        ))}
      </ul>
      {hasMore && <p className="section__intro">{t('needsOwner.more', { code })}</p>}
    </section>
  );
}
