import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, ScrollRestoration, useLocation } from 'react-router';

/** The last page shown, kept across layouts, so moving between them still counts as navigation. */
let shownPath: string | null = null;

interface Props {
  /** Navigation and the signed-in person's links; absent on the sign-in and invite pages. */
  nav?: ReactNode;
  children: ReactNode;
}

/** Skip link, the top bar and the one <main> every page renders into. */
export function AppLayout({ nav, children }: Props) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);

  // After moving to another page, start keyboard and screen-reader users at its content.
  useEffect(() => {
    if (shownPath !== null && shownPath !== pathname) main.current?.focus({ preventScroll: true });
    shownPath = pathname;
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
          {nav}
        </div>
      </header>
      <main id="main" ref={main} className="main" tabIndex={-1}>
        {children}
      </main>
      <ScrollRestoration />
    </>
  );
}
