import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { MilestoneLink } from '../lib/plan-queries.js';
import { useLagText } from './link-lag-text.js';

interface Props {
  heading: string;
  headingId: string;
  /** Focused after a removal, so focus is not lost with the removed row's button. */
  headingRef?: Ref<HTMLHeadingElement>;
  empty: string;
  links: readonly MilestoneLink[];
  /** Which end of each link to list: the milestones before this one, or after it. */
  show: 'predecessor' | 'successor';
  /** Null when the person may not remove links. */
  onRemove: ((link: MilestoneLink) => void) | null;
  removingId: string | null;
}

/** One direction of a milestone's dependencies: key, name and lag, each with its Remove button. */
export function LinkList({ heading, headingId, headingRef, empty, links, show, onRemove, removingId }: Props) {
  const { t } = useTranslation();
  const lagText = useLagText();
  return (
    <section className="link-list" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="link-list__heading">
        {heading}
      </h3>
      {links.length === 0 ? (
        <p className="muted link-list__empty">{empty}</p>
      ) : (
        <ul className="plain-list link-list__items">
          {links.map((l) => {
            const other = l[show];
            return (
              <li key={l.id} className="link-list__item">
                <span className="link-list__what">
                  <span className="code">{other.key}</span> {other.name}
                </span>
                <span className={`link-list__lag${l.lagDays === 0 ? ' muted' : ''}`}>{lagText(l.lagDays)}</span>
                {onRemove && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('links.removeLabel', { from: l.predecessor.key, to: l.successor.key })}
                    aria-disabled={removingId === l.id || undefined}
                    onClick={() => removingId === null && onRemove(l)}
                  >
                    {removingId === l.id ? t('links.removing') : t('links.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
