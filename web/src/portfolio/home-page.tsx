import { Navigate } from 'react-router';
import { isPortfolioHome } from '../auth/home.js';
import { useCurrentUser } from '../auth/session.js';
import { PortfolioPage } from './portfolio-page.js';

/** "/": the portfolio for leadership, "My week" for everyone else (also where signing in lands). */
export function HomePage() {
  const me = useCurrentUser();
  return isPortfolioHome(me) ? <PortfolioPage /> : <Navigate to="/week" replace />;
}
