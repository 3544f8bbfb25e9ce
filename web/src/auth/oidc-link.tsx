import { useTranslation } from 'react-i18next';
import { useAuthConfig } from '../lib/queries.js';

/** "Sign in with Acme SSO" when an identity provider is set up: a full-page trip to it and back. */
export function OidcLink() {
  const { t } = useTranslation();
  const config = useAuthConfig();
  const oidc = config.data?.oidc;
  if (!oidc) return null;
  return (
    <div className="alt-signin">
      <p className="alt-signin__or">{t('signIn.or')}</p>
      <a className="button button--secondary button--wide" href={oidc.startUrl}>
        {t('signIn.withProvider', { name: oidc.name })}
      </a>
    </div>
  );
}
