import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AppLayout } from '../components/app-layout.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { TopNav } from '../components/top-nav.js';
import { ApiError } from '../lib/api.js';
import { setReaderTimeZone } from '../lib/format.js';
import { useMe } from '../lib/queries.js';
import { MeContext, signInPath } from './session.js';

/** Every page behind sign-in: asks who is signed in first, and sends strangers to the sign-in page. */
export function RequireSession() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname, search } = useLocation();

  if (me.data) {
    // Before any page renders: every instant below is shown in the account's zone (or the browser's).
    setReaderTimeZone(me.data.timeZone);
    return (
      <MeContext.Provider value={me.data}>
        <AppLayout nav={<TopNav />}>
          <Outlet />
        </AppLayout>
      </MeContext.Provider>
    );
  }
  if (me.error instanceof ApiError && me.error.status === 401) {
    return <Navigate to={signInPath(pathname + search)} replace />;
  }
  return (
    <AppLayout>
      <PageTitle page={t('common.loading')} />
      {me.error ? (
        <LoadError title={t('session.loadFailed')} error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      )}
    </AppLayout>
  );
}
