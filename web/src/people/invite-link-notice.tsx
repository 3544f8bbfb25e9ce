import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../components/copy-field.js';
import type { Invitation } from '../lib/api.js';
import { formatInstant } from '../lib/format.js';

interface Props {
  invitation: Invitation;
  person: { name: string; email: string };
  onDismiss: () => void;
}

/** The invite link, shown once right after inviting: the admin sends it to the person. */
export function InviteLinkNotice({ invitation, person, onDismiss }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} className="notice notice--warning" tabIndex={-1} aria-labelledby={titleId}>
      <p className="notice__title" id={titleId}>
        {t('people.invitedTitle', { name: person.name })}
      </p>
      <p>{t('people.invitedBody', { email: person.email, date: formatInstant(invitation.expiresAt) })}</p>
      <CopyField label={t('people.inviteLink')} value={invitation.inviteUrl} copyLabel={t('people.copyLink')} />
      <button type="button" className="button button--secondary" onClick={onDismiss}>
        {t('people.dismiss')}
      </button>
    </section>
  );
}
