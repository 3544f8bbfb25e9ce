import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { isPortfolioHome } from '../auth/home.js';
import { useCurrentUser } from '../auth/session.js';
import { useProblemText } from '../forms/problem-text.js';
import { maySubmitIntake } from '../intake/intake-api.js';
import { api } from '../lib/api.js';
import { NotificationBell } from '../notifications/notification-bell.js';
import { SearchBox } from '../search/search-box.js';

/** The main links, and who is signed in with their account links and Sign out. */
export function TopNav() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const client = useQueryClient();
  const navigate = useNavigate();
  const problemText = useProblemText();
  const [failure, setFailure] = useState('');

  const signOut = async () => {
    setFailure('');
    try {
      await api.signOut();
    } catch (error) {
      setFailure(problemText(error));
      return;
    }
    await navigate('/signin', { replace: true, state: { notice: 'signedOut' } });
    client.clear();
  };

  return (
    <>
      <nav aria-label={t('app.mainNav')}>
        <ul className="topbar__nav">
          <li>
            <NavLink to="/week">{t('app.myWeek')}</NavLink>
          </li>
          <li>
            <NavLink to={isPortfolioHome(me) ? '/' : '/portfolio'} end>
              {t('app.portfolio')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/tools/sampling-plan">{t('app.samplingPlan')}</NavLink>
          </li>
          {maySubmitIntake(me) && (
            <li>
              <NavLink to="/intake">{t('app.intake')}</NavLink>
            </li>
          )}
          {me.isAdmin && (
            <li>
              <NavLink to="/people">{t('app.people')}</NavLink>
            </li>
          )}
          {me.isAdmin && (
            <li>
              <NavLink to="/clients">{t('app.clients')}</NavLink>
            </li>
          )}
          {me.isAdmin && (
            <li>
              <NavLink to="/suppliers">{t('app.suppliers')}</NavLink>
            </li>
          )}
        </ul>
      </nav>
      <SearchBox />
      <nav aria-label={t('app.accountNav')} className="topbar__user">
        <p className="topbar__name">
          <span className="visually-hidden">{t('app.signedInAs')} </span>
          {me.name}
        </p>
        <ul className="topbar__nav">
          <li>
            <NotificationBell />
          </li>
          <li>
            <NavLink to="/account">{t('app.account')}</NavLink>
          </li>
          <li>
            <button type="button" className="topbar__button" onClick={() => void signOut()}>
              {t('app.signOut')}
            </button>
          </li>
        </ul>
        {failure && (
          <p className="topbar__failure" role="alert">
            {failure}
          </p>
        )}
      </nav>
    </>
  );
}
