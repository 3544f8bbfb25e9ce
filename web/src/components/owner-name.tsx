import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../src/contract/common.js';
import { Gap } from './gap.js';

/** The owner's name, or a visible "no owner" gap, never a blank. */
export function OwnerName({ owner }: { owner: PersonRef | null }) {
  const { t } = useTranslation();
  if (owner === null) return <Gap>{t('common.noOwner')}</Gap>;
  return (
    <span className="person" title={owner.email}>
      {owner.name}
    </span>
  );
}
