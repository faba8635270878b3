import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { PortalNotFound, PortalRoot, RequirePortalSession } from '../features/portal/PortalLayout';
import { AppLayout } from './AppLayout';
import { Landing, RequireAbility, RequireAbilityAnywhere } from './RequireAbility';
import { RequireSession } from './RequireSession';
import { RouteError } from './RouteError';
import type { Screen } from './screens';
import { SessionProvider } from './session';

// Each page is its own chunk, so the login page does not wait for the directory screens.
const LoginPage = lazy(() => import('../pages/LoginPage'));
const DashboardPage = lazy(() => import('../pages/DashboardPage'));
const ExportsPage = lazy(() => import('../pages/ExportsPage'));
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
const FeeItemsPage = lazy(() => import('../pages/FeeItemsPage'));
const FollowUpsPage = lazy(() => import('../pages/FollowUpsPage'));
const RainPage = lazy(() => import('../pages/RainPage'));
const RectificationNoticesPage = lazy(() => import('../pages/RectificationNoticesPage'));
const NoticePrintPage = lazy(() => import('../pages/NoticePrintPage'));
const SpotChecksPage = lazy(() => import('../pages/SpotChecksPage'));
const FeeCounterPage = lazy(() => import('../pages/FeeCounterPage'));
const ReceiptPrintPage = lazy(() => import('../pages/ReceiptPrintPage'));
const ChargeRunsPage = lazy(() => import('../pages/ChargeRunsPage'));
const ArrearsPage = lazy(() => import('../pages/ArrearsPage'));
const CashierDaysPage = lazy(() => import('../pages/CashierDaysPage'));
const FrontDeskPage = lazy(() => import('../pages/FrontDeskPage'));
const MessagesPage = lazy(() => import('../pages/MessagesPage'));
const DeskScriptsPage = lazy(() => import('../pages/DeskScriptsPage'));
const PublicPagePage = lazy(() => import('../pages/PublicPagePage'));
const MyWorkPage = lazy(() => import('../pages/MyWorkPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));
const PortalAccountsPage = lazy(() => import('../pages/PortalAccountsPage'));
const MonthlyReportPage = lazy(() => import('../pages/MonthlyReportPage'));
const HeadOfficePage = lazy(() => import('../pages/HeadOfficePage'));
const PhoneSystemPage = lazy(() => import('../pages/PhoneSystemPage'));
const AnswerTimesPage = lazy(() => import('../pages/AnswerTimesPage'));
// The residents' portal: its own pages, session and layout.
const PortalSignInPage = lazy(() => import('../pages/portal/PortalSignInPage'));
const PortalCasesPage = lazy(() => import('../pages/portal/PortalCasesPage'));
const PortalReportPage = lazy(() => import('../pages/portal/PortalReportPage'));
const PortalCaseDetailPage = lazy(() => import('../pages/portal/PortalCaseDetailPage'));
const PortalNoticeBoardPage = lazy(() => import('../pages/portal/PortalNoticeBoardPage'));
const PortalAccountPage = lazy(() => import('../pages/portal/PortalAccountPage'));

/** A page behind the abilities its screen needs (`SCREENS`). */
const guarded = (screen: Screen, page: ReactNode) => <RequireAbility screen={screen}>{page}</RequireAbility>;

/**
 * Two sides in one app, each with its own session: the residents' portal under /portal, and
 * the office's screens everywhere else. Someone signed in on one side who opens the other is
 * shown that side's sign-in.
 */
export const router = createBrowserRouter([
  {
    path: '/portal',
    element: <PortalRoot />,
    errorElement: <RouteError />,
    children: [
      { path: 'sign-in', element: <PortalSignInPage /> },
      {
        element: <RequirePortalSession />,
        children: [
          { index: true, element: <PortalCasesPage /> },
          { path: 'report', element: <PortalReportPage /> },
          { path: 'cases/:caseId', element: <PortalCaseDetailPage /> },
          { path: 'notices', element: <PortalNoticeBoardPage /> },
          { path: 'account', element: <PortalAccountPage /> },
          { path: '*', element: <PortalNotFound /> },
        ],
      },
    ],
  },
  {
    element: (
      <SessionProvider>
        <Outlet />
      </SessionProvider>
    ),
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <Landing dashboard={guarded('/', <DashboardPage />)} /> },
              { path: 'my-work', element: guarded('/my-work', <MyWorkPage />) },
              { path: 'reports/exports', element: guarded('/reports/exports', <ExportsPage />) },
              { path: 'presence', element: guarded('/presence', <PresencePage />) },
              { path: 'frontdesk', element: guarded('/frontdesk', <FrontDeskPage />) },
              { path: 'messages', element: guarded('/messages', <MessagesPage />) },
              { path: 'fees', element: guarded('/fees', <FeeCounterPage />) },
              { path: 'fees/receipts/:paymentId', element: guarded('/fees', <ReceiptPrintPage />) },
              { path: 'fees/charge-runs', element: guarded('/fees/charge-runs', <ChargeRunsPage />) },
              { path: 'fees/arrears', element: guarded('/fees/arrears', <ArrearsPage />) },
              { path: 'fees/cashier-days', element: guarded('/fees/cashier-days', <CashierDaysPage />) },
              { path: 'units', element: guarded('/units', <UnitsPage />) },
              { path: 'residents', element: guarded('/residents', <ResidentsPage />) },
              { path: 'residents/portal-accounts', element: guarded('/residents/portal-accounts', <PortalAccountsPage />) },
              { path: 'buildings', element: guarded('/buildings', <BuildingsPage />) },
              { path: 'departments', element: guarded('/departments', <DepartmentsPage />) },
              { path: 'staff', element: guarded('/staff', <StaffPage />) },
              { path: 'cases', element: guarded('/cases', <CasesPage />) },
              { path: 'cases/new', element: guarded('/cases/new', <NewCasePage />) },
              { path: 'cases/escalations', element: guarded('/cases/escalations', <EscalationsPage />) },
              { path: 'cases/:caseId', element: guarded('/cases', <CaseDetailPage />) },
              { path: 'followups', element: guarded('/followups', <FollowUpsPage />) },
              { path: 'rain', element: guarded('/rain', <RainPage />) },
              { path: 'rectification-notices', element: guarded('/rectification-notices', <RectificationNoticesPage />) },
              { path: 'rectification-notices/:noticeId', element: guarded('/rectification-notices', <NoticePrintPage />) },
              { path: 'spot-checks', element: guarded('/spot-checks', <SpotChecksPage />) },
              { path: 'reports/monthly', element: guarded('/reports/monthly', <MonthlyReportPage />) },
              { path: 'phone/answer-times', element: guarded('/phone/answer-times', <AnswerTimesPage />) },
              {
                path: 'reports/head-office',
                element: (
                  <RequireAbilityAnywhere ability="report.read">
                    <HeadOfficePage />
                  </RequireAbilityAnywhere>
                ),
              },
              { path: 'settings', element: guarded('/settings', <EstateSettingsPage />) },
              { path: 'settings/phrases', element: guarded('/settings/phrases', <PhraseRulesPage />) },
              { path: 'settings/fees', element: guarded('/settings/fees', <FeeItemsPage />) },
              { path: 'settings/desk-scripts', element: guarded('/settings/desk-scripts', <DeskScriptsPage />) },
              { path: 'settings/public-page', element: guarded('/settings/public-page', <PublicPagePage />) },
              { path: 'settings/phone-system', element: guarded('/settings/phone-system', <PhoneSystemPage />) },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
