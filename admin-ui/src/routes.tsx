import { createBrowserRouter } from 'react-router';
import { RequireAdmin, RequireSession } from './auth/guards';
import { AppShell } from './layout/app-shell';
import { AcceptInvitePage } from './pages/accept-invite';
import { AccountPage } from './pages/account';
import { AuditPage } from './pages/audit';
import { DeliveriesPage } from './pages/deliveries';
import { DestinationsPage } from './pages/destinations';
import { IntegrationsPage } from './pages/integrations';
import { MappingPage } from './pages/mapping';
import { MemberPage } from './pages/member';
import { MembersPage } from './pages/members';
import { OrgChartPage } from './pages/org-chart';
import { NewHirePage } from './pages/new-hire';
import { NewHiresPage } from './pages/new-hires';
import { NotFoundPage } from './pages/not-found';
import { NotificationsPage } from './pages/notifications';
import { HomeRedirect, OverviewPage } from './pages/overview';
import { PositionsPage } from './pages/positions';
import { FailedPushesPage } from './pages/pushes';
import { ResetPasswordPage } from './pages/reset-password';
import { SetupPage } from './pages/setup';
import { SignInPage } from './pages/sign-in';
import { UsersPage } from './pages/users';

/** Every page of the admin app. Admin pages sit behind RequireAdmin; the API enforces the same. */
export const router = createBrowserRouter([
  { path: '/setup', element: <SetupPage /> },
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/invite', element: <AcceptInvitePage /> },
  // Links sent before tokens moved to the fragment; the page moves the token there at once.
  { path: '/invite/:token', element: <AcceptInvitePage /> },
  { path: '/reset', element: <ResetPasswordPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: '/overview', element: <OverviewPage /> },
          { path: '/new-hires', element: <NewHiresPage /> },
          { path: '/new-hires/:id', element: <NewHirePage /> },
          { path: '/members', element: <MembersPage /> },
          { path: '/members/org-chart', element: <OrgChartPage /> },
          { path: '/members/:id', element: <MemberPage /> },
          { path: '/positions', element: <PositionsPage /> },
          { path: '/notifications', element: <NotificationsPage /> },
          { path: '/pushes', element: <FailedPushesPage /> },
          { path: '/account', element: <AccountPage /> },
          {
            element: <RequireAdmin />,
            children: [
              { path: '/integrations', element: <IntegrationsPage /> },
              { path: '/destinations', element: <DestinationsPage /> },
              { path: '/mapping', element: <MappingPage /> },
              { path: '/users', element: <UsersPage /> },
              { path: '/deliveries', element: <DeliveriesPage /> },
              { path: '/audit', element: <AuditPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
