import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.js';
import { PageTitle } from '../components/page-title.js';
import { LeadershipMailSection } from './leadership-mail-section.js';
import { NotificationsSection } from './notifications-section.js';
import { PasswordSection } from './password-section.js';
import { ProfileSection } from './profile-section.js';
import { TokensSection } from './tokens-section.js';

/** Your account: who you are here, how you are e-mailed, your password, your API tokens. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <PageTitle page={t('account.title')} />
      <header className="page-head">
        <p className="eyebrow">{t('account.title')}</p>
        <h1>{me.name}</h1>
      </header>
      <ProfileSection me={me} />
      <NotificationsSection />
      <LeadershipMailSection me={me} />
      <PasswordSection email={me.email} />
      <TokensSection />
    </>
  );
}
