import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/page-title.js';

/** An invite or setup link that is unknown, used or expired: say so, and what to do. */
export function InvalidLink() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t('invite.invalidTitle')} />
      <h1>{t('invite.invalidTitle')}</h1>
      <p>{t('invite.invalidBody')}</p>
      <p>
        <Link to="/signin">{t('invite.toSignIn')}</Link>
      </p>
    </>
  );
}
