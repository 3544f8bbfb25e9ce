import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';

/** Skip link, the top bar and the one <main> every page renders into. */
export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After moving to another page, start keyboard and screen-reader users at its content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of page
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to="/" className="topbar__brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('app.mainNav')}>
            <ul className="topbar__nav">
              <li>
                <Link to="/">{t('app.portfolio')}</Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" ref={main} className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <ScrollRestoration />
    </>
  );
}
