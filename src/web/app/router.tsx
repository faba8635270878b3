import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout';
import { RequireSession } from './RequireSession';
import { RouteError } from './RouteError';

// Each page is its own chunk, so the login page does not wait for the directory screens.
const LoginPage = lazy(() => import('../pages/LoginPage'));
const DashboardPage = lazy(() => import('../pages/DashboardPage'));
const PresencePage = lazy(() => import('../pages/PresencePage'));
const UnitsPage = lazy(() => import('../pages/UnitsPage'));
const ResidentsPage = lazy(() => import('../pages/ResidentsPage'));
const BuildingsPage = lazy(() => import('../pages/BuildingsPage'));
const DepartmentsPage = lazy(() => import('../pages/DepartmentsPage'));
const StaffPage = lazy(() => import('../pages/StaffPage'));
const EstateSettingsPage = lazy(() => import('../pages/EstateSettingsPage'));
const CasesPage = lazy(() => import('../pages/CasesPage'));
const NewCasePage = lazy(() => import('../pages/NewCasePage'));
const CaseDetailPage = lazy(() => import('../pages/CaseDetailPage'));
const EscalationsPage = lazy(() => import('../pages/EscalationsPage'));
const PhraseRulesPage = lazy(() => import('../pages/PhraseRulesPage'));
const FollowUpsPage = lazy(() => import('../pages/FollowUpsPage'));
const RainPage = lazy(() => import('../pages/RainPage'));
const RectificationNoticesPage = lazy(() => import('../pages/RectificationNoticesPage'));
const NoticePrintPage = lazy(() => import('../pages/NoticePrintPage'));
const SpotChecksPage = lazy(() => import('../pages/SpotChecksPage'));
const FrontDeskPage = lazy(() => import('../pages/FrontDeskPage'));
const MessagesPage = lazy(() => import('../pages/MessagesPage'));
const DeskScriptsPage = lazy(() => import('../pages/DeskScriptsPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    element: <RequireSession />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'presence', element: <PresencePage /> },
          { path: 'frontdesk', element: <FrontDeskPage /> },
          { path: 'messages', element: <MessagesPage /> },
          { path: 'units', element: <UnitsPage /> },
          { path: 'residents', element: <ResidentsPage /> },
          { path: 'buildings', element: <BuildingsPage /> },
          { path: 'departments', element: <DepartmentsPage /> },
          { path: 'staff', element: <StaffPage /> },
          { path: 'cases', element: <CasesPage /> },
          { path: 'cases/new', element: <NewCasePage /> },
          { path: 'cases/escalations', element: <EscalationsPage /> },
          { path: 'cases/:caseId', element: <CaseDetailPage /> },
          { path: 'followups', element: <FollowUpsPage /> },
          { path: 'rain', element: <RainPage /> },
          { path: 'rectification-notices', element: <RectificationNoticesPage /> },
          { path: 'rectification-notices/:noticeId', element: <NoticePrintPage /> },
          { path: 'spot-checks', element: <SpotChecksPage /> },
          { path: 'settings', element: <EstateSettingsPage /> },
          { path: 'settings/phrases', element: <PhraseRulesPage /> },
          { path: 'settings/desk-scripts', element: <DeskScriptsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
