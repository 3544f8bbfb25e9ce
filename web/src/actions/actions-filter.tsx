import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonRef } from '../../../src/contract/common.js';
import { Field } from '../components/field.js';
import { type ActionFilter, actionFilters, type FilterCount } from './action-rights.js';

interface Props {
  status: ActionFilter;
  /** How many actions each filter shows ("12+" while more may be on pages not loaded). */
  counts: Record<ActionFilter, FilterCount> | null;
  owner: string;
  owners: readonly PersonRef[];
  /** The address of the list under another filter. */
  hrefFor: (change: { status?: ActionFilter; owner?: string }) => string;
  onOwner: (owner: string) => void;
}

/** Which actions to show: by status (links, so a filtered list can be shared) and by owner. */
export function ActionsFilter({ status, counts, owner, owners, hrefFor, onOwner }: Props) {
  const { t } = useTranslation();
  return (
    <div className="filters">
      <nav className="filters__status" aria-label={t('actions.filter.label')}>
        <ul className="segmented">
          {actionFilters.map((f) => (
            <li key={f}>
              <Link to={hrefFor({ status: f })} className="segmented__link" aria-current={f === status ? 'true' : undefined} replace>
                {t(`actions.filter.${f}`)}
                {counts && (
                  <span className="segmented__count">
                    {' '}
                    {counts[f].isComplete ? counts[f].count : t('actions.filter.countMore', { count: counts[f].count })}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Field id="actions-owner-filter" name="owner" label={t('actions.filter.owner')}>
        {(c) => (
          <select {...c} value={owner} onChange={(e) => onOwner(e.target.value)}>
            <option value="">{t('actions.filter.anyone')}</option>
            <option value="me">{t('actions.filter.me')}</option>
            {owners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
