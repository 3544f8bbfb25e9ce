import { Outlet } from 'react-router';
import { AppLayout } from '../components/app-layout.js';

/** The sign-in, invite and setup pages: the top bar without navigation. */
export function PublicPage() {
  return (
    <AppLayout>
      <div className="narrow">
        <Outlet />
      </div>
    </AppLayout>
  );
}
