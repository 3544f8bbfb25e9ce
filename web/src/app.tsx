import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AccountPage } from './account/account-page.js';
import { AcceptInvitePage } from './auth/accept-invite-page.js';
import { PublicPage } from './auth/public-page.js';
import { RequireSession } from './auth/require-session.js';
import { isPublicPath, signInPath } from './auth/session.js';
import { SignInPage } from './auth/sign-in-page.js';
import { NotFoundPage } from './components/not-found-page.js';
import { ApiError } from './lib/api.js';
import { setUnauthenticatedHandler } from './lib/http.js';
import { queryKeys } from './lib/queries.js';
import { PeoplePage } from './people/people-page.js';
import { HomePage } from './portfolio/home-page.js';
import { PortfolioPage } from './portfolio/portfolio-page.js';
import { ProgramLayout } from './program/program-layout.js';
import { ProgramPage } from './program/program-page.js';
import { MyWeekPage } from './week/my-week-page.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal (4xx) will not change by asking again; server and network trouble might.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

const router = createBrowserRouter([
  {
    element: <PublicPage />,
    children: [
      { path: '/signin', element: <SignInPage /> },
      { path: '/invite/:token', element: <AcceptInvitePage /> },
      { path: '/setup/:token', element: <AcceptInvitePage /> },
      // A client's intake form: no account, so outside sign-in (loaded when first opened).
      { path: '/intake/:token', lazy: () => import('./intake/intake-link-page.js').then((m) => ({ Component: m.IntakeLinkPage })) },
      // A supplier's contact's update request: the signed link is their access, so outside sign-in too.
      { path: '/update/:token', lazy: () => import('./update-link/update-link-page.js').then((m) => ({ Component: m.UpdateLinkPage })) },
    ],
  },
  {
    element: <RequireSession />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/week', element: <MyWeekPage /> },
      { path: '/portfolio', element: <PortfolioPage /> },
      {
        path: '/portfolio/weeks/:week',
        lazy: () => import('./leadership/leadership-page.js').then((m) => ({ Component: m.LeadershipPage })),
      },
      // Setting up is occasional work: its pages load when first opened.
      { path: '/programs/new', lazy: () => import('./setup/new-program-page.js').then((m) => ({ Component: m.NewProgramPage })) },
      {
        path: '/archived-programs',
        lazy: () => import('./setup/archived-programs-page.js').then((m) => ({ Component: m.ArchivedProgramsPage })),
      },
      { path: '/intake', lazy: () => import('./intake/client-intake-page.js').then((m) => ({ Component: m.ClientIntakePage })) },
      { path: '/intake/links', lazy: () => import('./intake/intake-links-page.js').then((m) => ({ Component: m.IntakeLinksPage })) },
      { path: '/clients', lazy: () => import('./setup/clients-page.js').then((m) => ({ Component: m.ClientsPage })) },
      { path: '/suppliers', lazy: () => import('./setup/suppliers-page.js').then((m) => ({ Component: m.SuppliersPage })) },
      {
        path: '/programs/:programId',
        element: <ProgramLayout />,
        children: [
          { index: true, element: <ProgramPage /> },
          // Loaded when first opened, so the first page (usually "My week") comes up fast.
          { path: 'plan', lazy: () => import('./plan/plan-page.js').then((m) => ({ Component: m.PlanPage })) },
          { path: 'decisions', lazy: () => import('./decisions/decisions-page.js').then((m) => ({ Component: m.DecisionsPage })) },
          {
            path: 'decisions/:decisionId',
            lazy: () => import('./decisions/decision-page.js').then((m) => ({ Component: m.DecisionPage })),
          },
          { path: 'risks', lazy: () => import('./risks/risks-page.js').then((m) => ({ Component: m.RisksPage })) },
          { path: 'risks/:riskId', lazy: () => import('./risks/risk-page.js').then((m) => ({ Component: m.RiskPage })) },
          { path: 'gates', lazy: () => import('./gates/gates-page.js').then((m) => ({ Component: m.GatesPage })) },
          { path: 'gates/:gateKey', lazy: () => import('./gates/gate-page.js').then((m) => ({ Component: m.GatePage })) },
          { path: 'gates/:gateKey/pack', lazy: () => import('./gates/gate-pack-page.js').then((m) => ({ Component: m.GatePackPage })) },
          { path: 'actions', lazy: () => import('./actions/actions-page.js').then((m) => ({ Component: m.ActionsPage })) },
          { path: 'changes', lazy: () => import('./change-log/change-log-page.js').then((m) => ({ Component: m.ChangeLogPage })) },
          {
            path: 'escalations',
            lazy: () => import('./escalations/escalations-page.js').then((m) => ({ Component: m.EscalationsPage })),
          },
          { path: 'floor', lazy: () => import('./floor/floor-page.js').then((m) => ({ Component: m.FloorPage })) },
          { path: 'calendar', lazy: () => import('./calendar/calendar-page.js').then((m) => ({ Component: m.CalendarPage })) },
          { path: 'charter', lazy: () => import('./charter/charter-page.js').then((m) => ({ Component: m.CharterPage })) },
          {
            path: 'reports',
            lazy: () => import('./reports/report-draft-page.js').then((m) => ({ Component: m.ThisWeekReportRedirect })),
          },
          {
            path: 'reports/:week',
            lazy: () => import('./reports/report-draft-page.js').then((m) => ({ Component: m.ReportDraftPage })),
          },
          {
            path: 'reports/:week/:revision',
            lazy: () => import('./reports/issued-report-page.js').then((m) => ({ Component: m.IssuedReportPage })),
          },
        ],
      },
      { path: '/account', element: <AccountPage /> },
      {
        path: '/notifications',
        lazy: () => import('./notifications/notifications-page.js').then((m) => ({ Component: m.NotificationsPage })),
      },
      { path: '/people', element: <PeoplePage /> },
      { path: '/search', lazy: () => import('./search/search-page.js').then((m) => ({ Component: m.SearchPage })) },
      {
        path: '/tools/sampling-plan',
        lazy: () => import('./sampling/sampling-plan-page.js').then((m) => ({ Component: m.SamplingPlanPage })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

// A session that ends while someone works (expired, signed out elsewhere, access removed) sends them
// to the sign-in page, which brings them back here afterwards. A first visit is RequireSession's job.
setUnauthenticatedHandler(() => {
  const { pathname, search } = window.location;
  if (isPublicPath(pathname) || queryClient.getQueryData(queryKeys.me) === undefined) return;
  void router.navigate(signInPath(pathname + search), { replace: true, state: { notice: 'expired' } }).then(() => queryClient.clear());
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
