import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CloudOutlined,
  CommentOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DollarOutlined,
  DownloadOutlined,
  DownOutlined,
  ExclamationCircleOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  FileAddOutlined,
  FundOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LineChartOutlined,
  LogoutOutlined,
  MobileOutlined,
  PhoneOutlined,
  ProfileOutlined,
  ReadOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
  UnorderedListOutlined,
  UsergroupAddOutlined,
  UserOutlined,
  WalletOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, Grid, Layout, Menu, type MenuProps, Select, Space, Spin, Typography } from 'antd';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { ChangePasswordModal } from '../features/account/ChangePasswordModal';
import { NoticeBell } from '../features/cases/NoticeBell';
import { CreateEstateButton } from '../features/estate/CreateEstateButton';
import { useMyOpenMessageCount } from '../features/frontdesk/api';
import { useLiveRefresh } from './live';
import { mayOpen, type Screen } from './screens';
import { holdsIn, useCan, useCanInCompany, useSession, useStaff, worksOwnCasesOnly } from './session';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The sections of the side navigation, by path; the menu keys are these paths. */
const SECTIONS = [
  '/',
  '/my-work',
  '/presence',
  '/frontdesk',
  '/messages',
  '/cases',
  '/cases/new',
  '/cases/escalations',
  '/followups',
  '/rain',
  '/spot-checks',
  '/rectification-notices',
  '/fees',
  '/fees/charge-runs',
  '/fees/arrears',
  '/fees/cashier-days',
  '/reports/monthly',
  '/reports/head-office',
  '/reports/exports',
  '/phone/answer-times',
  '/units',
  '/residents',
  '/residents/portal-accounts',
  '/buildings',
  '/departments',
  '/staff',
  '/settings',
  '/settings/phrases',
  '/settings/fees',
  '/settings/desk-scripts',
  '/settings/phone-system',
];

function selectedSection(pathname: string): string {
  const match = SECTIONS.filter((s) => s !== '/' && pathname.startsWith(s)).sort((a, b) => b.length - a.length)[0];
  return match ?? '/';
}

function useNavigation(): MenuItem[] {
  const { t } = useTranslation();
  const can = useCan();
  const { session } = useSession();
  const may = (screen: Screen) => mayOpen(can, screen);
  // The head office compares every estate the person reads reports of, whichever is selected.
  const mayCompareEstates = session?.estates.some((e) => holdsIn(e, 'report.read')) ?? false;
  const openMessages = useMyOpenMessageCount(may('/messages'));
  const link = (path: string, label: string, testId: string) => (
    <Link to={path} data-testid={testId}>
      {label}
    </Link>
  );
  /** Only the entries the person may open; a group or submenu with none left is not shown. */
  const only = (screen: Screen, item: MenuItem): MenuItem[] => (may(screen) ? [item] : []);
  const submenu = (key: string, icon: ReactNode, label: ReactNode, children: MenuItem[]): MenuItem[] =>
    children.length ? [{ key, icon, label, children }] : [];
  const group = (key: string, label: string, children: MenuItem[]): MenuItem[] =>
    children.length ? [{ key, type: 'group', label, children }] : [];
  return [
    ...only('/', { key: '/', icon: <DashboardOutlined />, label: link('/', t('nav.dashboard'), 'nav-dashboard') }),
    ...only('/reports/exports', {
      key: '/reports/exports',
      icon: <DownloadOutlined />,
      label: link('/reports/exports', t('nav.exports'), 'nav-exports'),
    }),
    ...(worksOwnCasesOnly(can)
      ? only('/my-work', { key: '/my-work', icon: <ToolOutlined />, label: link('/my-work', t('nav.myWork'), 'nav-my-work') })
      : []),
    ...only('/presence', { key: '/presence', icon: <TeamOutlined />, label: link('/presence', t('nav.presence'), 'nav-presence') }),
    ...only('/frontdesk', {
      key: '/frontdesk',
      icon: <CustomerServiceOutlined />,
      label: link('/frontdesk', t('nav.frontdesk'), 'nav-frontdesk'),
    }),
    ...only('/messages', {
      key: '/messages',
      icon: <PhoneOutlined />,
      label: (
        <Link to="/messages" data-testid="nav-messages" title={t('nav.messagesCount', { count: openMessages })}>
          <Space size={6}>
            {t('nav.messages')}
            {openMessages > 0 && <Badge count={openMessages} size="small" data-testid="nav-messages-count" />}
          </Space>
        </Link>
      ),
    }),
    ...submenu('cases', <ProfileOutlined />, <span data-testid="nav-cases">{t('nav.cases')}</span>, [
      ...only('/cases/new', {
        key: '/cases/new',
        icon: <FileAddOutlined />,
        label: (
          <Link to="/cases/new" data-testid="nav-cases-new" title={t('nav.newCaseShortcut')}>
            {t('nav.newCase')}
          </Link>
        ),
      }),
      ...only('/cases', { key: '/cases', icon: <UnorderedListOutlined />, label: link('/cases', t('nav.caseList'), 'nav-cases-list') }),
      ...only('/cases/escalations', {
        key: '/cases/escalations',
        icon: <ExclamationCircleOutlined />,
        label: link('/cases/escalations', t('nav.escalations'), 'nav-cases-escalations'),
      }),
    ]),
    ...submenu('followups', <CalendarOutlined />, <span data-testid="nav-followups">{t('nav.followups')}</span>, [
      ...only('/followups', {
        key: '/followups',
        icon: <UnorderedListOutlined />,
        label: link('/followups', t('nav.followupQueue'), 'nav-followups-queue'),
      }),
      ...only('/rain', { key: '/rain', icon: <CloudOutlined />, label: link('/rain', t('nav.rain'), 'nav-rain') }),
      ...only('/spot-checks', {
        key: '/spot-checks',
        icon: <ExperimentOutlined />,
        label: link('/spot-checks', t('nav.spotChecks'), 'nav-spot-checks'),
      }),
    ]),
    ...only('/rectification-notices', {
      key: '/rectification-notices',
      icon: <AuditOutlined />,
      label: link('/rectification-notices', t('nav.rectification'), 'nav-rectification'),
    }),
    ...submenu('fees', <DollarOutlined />, <span data-testid="nav-fees">{t('nav.fees')}</span>, [
      ...only('/fees', { key: '/fees', icon: <ShopOutlined />, label: link('/fees', t('nav.feeCounter'), 'nav-fee-counter') }),
      ...only('/fees/cashier-days', {
        key: '/fees/cashier-days',
        icon: <WalletOutlined />,
        label: link('/fees/cashier-days', t('nav.cashierDays'), 'nav-cashier-days'),
      }),
      ...only('/fees/arrears', {
        key: '/fees/arrears',
        icon: <WarningOutlined />,
        label: link('/fees/arrears', t('nav.arrears'), 'nav-arrears'),
      }),
      ...only('/fees/charge-runs', {
        key: '/fees/charge-runs',
        icon: <CalculatorOutlined />,
        label: link('/fees/charge-runs', t('nav.chargeRuns'), 'nav-charge-runs'),
      }),
    ]),
    ...submenu('reports', <BarChartOutlined />, <span data-testid="nav-reports">{t('nav.reports')}</span>, [
      ...only('/reports/monthly', {
        key: '/reports/monthly',
        icon: <LineChartOutlined />,
        label: link('/reports/monthly', t('nav.monthlyReport'), 'nav-monthly-report'),
      }),
      ...only('/phone/answer-times', {
        key: '/phone/answer-times',
        icon: <FieldTimeOutlined />,
        label: link('/phone/answer-times', t('nav.answerTimes'), 'nav-answer-times'),
      }),
      ...(mayCompareEstates
        ? [
            {
              key: '/reports/head-office',
              icon: <FundOutlined />,
              label: link('/reports/head-office', t('nav.headOffice'), 'nav-head-office'),
            },
          ]
        : []),
    ]),
    ...group('directory', t('nav.directory'), [
      ...only('/units', { key: '/units', icon: <HomeOutlined />, label: link('/units', t('nav.units'), 'nav-units') }),
      ...only('/residents', { key: '/residents', icon: <UserOutlined />, label: link('/residents', t('nav.residents'), 'nav-residents') }),
      ...only('/residents/portal-accounts', {
        key: '/residents/portal-accounts',
        icon: <MobileOutlined />,
        label: link('/residents/portal-accounts', t('nav.portalAccounts'), 'nav-portal-accounts'),
      }),
      ...only('/buildings', { key: '/buildings', icon: <BankOutlined />, label: link('/buildings', t('nav.buildings'), 'nav-buildings') }),
      ...only('/departments', {
        key: '/departments',
        icon: <ApartmentOutlined />,
        label: link('/departments', t('nav.departments'), 'nav-departments'),
      }),
      ...only('/staff', { key: '/staff', icon: <IdcardOutlined />, label: link('/staff', t('nav.staff'), 'nav-staff') }),
    ]),
    { type: 'divider' },
    ...only('/settings', { key: '/settings', icon: <SettingOutlined />, label: link('/settings', t('nav.settings'), 'nav-settings') }),
    ...only('/settings/phrases', {
      key: '/settings/phrases',
      icon: <CommentOutlined />,
      label: link('/settings/phrases', t('nav.phrases'), 'nav-phrases'),
    }),
    ...only('/settings/fees', {
      key: '/settings/fees',
      icon: <DollarOutlined />,
      label: link('/settings/fees', t('nav.feeItems'), 'nav-fee-items'),
    }),
    ...only('/settings/desk-scripts', {
      key: '/settings/desk-scripts',
      icon: <ReadOutlined />,
      label: link('/settings/desk-scripts', t('nav.deskScripts'), 'nav-desk-scripts'),
    }),
    ...only('/settings/phone-system', {
      key: '/settings/phone-system',
      icon: <PhoneOutlined />,
      label: link('/settings/phone-system', t('nav.phoneSystem'), 'nav-phone-system'),
    }),
    ...only('/settings/public-page', {
      key: '/settings/public-page',
      icon: <GlobalOutlined />,
      label: link('/settings/public-page', t('nav.publicPages'), 'nav-public'),
    }),
  ];
}

function EstateSwitcher({ narrow }: { narrow?: boolean }) {
  const { t } = useTranslation();
  const { session, estate, selectEstate } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const estates = session?.estates ?? [];
  return (
    <Select
      aria-label={t('header.estate')}
      data-testid="estate-switcher"
      value={estate?.id}
      style={narrow ? { flex: '1 1 auto', minWidth: 0 } : { minWidth: 200 }}
      placeholder={t('header.noEstate')}
      options={estates.map((e) => ({ value: e.id, label: e.name }))}
      onChange={(id) => {
        selectEstate(id);
        // Filters name another estate's buildings and units; start the page afresh.
        navigate(location.pathname, { replace: true });
      }}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}

function UserMenu({ narrow }: { narrow?: boolean }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const { logout, estate } = useSession();
  const navigate = useNavigate();
  const [changingPassword, setChangingPassword] = useState(false);

  const items: MenuProps['items'] = [
    {
      key: 'who',
      // The role in the selected estate (roles are held per estate); a company admin is admin everywhere.
      label: (
        <Typography.Text type="secondary" data-testid="menu-role">
          {t(`roles.${estate?.role ?? staff.role}`)}
        </Typography.Text>
      ),
      disabled: true,
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('header.changePassword')}</span> },
    {
      key: 'api',
      icon: <ApiOutlined />,
      label: (
        <a href="/api/docs" target="_blank" rel="noreferrer" data-testid="menu-api-docs">
          {t('header.apiReference')}
        </a>
      ),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="menu-logout">{t('header.logout')}</span> },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChangingPassword(true);
    if (key === 'logout') void logout().then(() => navigate('/login', { replace: true }));
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        {narrow ? (
          <Button type="text" data-testid="user-menu" icon={<UserOutlined />} aria-label={staff.name} title={staff.name} />
        ) : (
          <Button type="text" data-testid="user-menu" icon={<UserOutlined />}>
            <Space size={4}>
              {staff.name}
              <DownOutlined />
            </Space>
          </Button>
        )}
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}

function NoEstate() {
  const { t } = useTranslation();
  const canInCompany = useCanInCompany();
  return (
    <Empty description={t('header.noEstateHelp')} data-testid="no-estate">
      {canInCompany('estate.create') && <CreateEstateButton />}
    </Empty>
  );
}

/** Alt+N from anywhere opens the intake screen: a call comes in while another screen is open (for those who record cases). */
function useNewCaseShortcut() {
  const navigate = useNavigate();
  const mayRecord = useCan()('case.create');
  useEffect(() => {
    if (!mayRecord) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyN') return;
      event.preventDefault();
      void navigate('/cases/new');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate, mayRecord]);
}

/** The signed-in shell: side navigation, header with estate, notices, language and user menu. */
export function AppLayout() {
  const { t } = useTranslation();
  const { estate } = useSession();
  const location = useLocation();
  const items = useNavigation();
  const [collapsed, setCollapsed] = useState(false);
  // On a phone the menu folds away completely and closes again once a screen is chosen.
  const phone = Grid.useBreakpoint().sm === false;
  useEffect(() => {
    if (phone) setCollapsed(true);
  }, [phone]);
  useLiveRefresh(estate?.id);
  useNewCaseShortcut();

  return (
    <Layout className="ed-shell">
      <a className="ed-skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={248}
        collapsedWidth={phone ? 0 : 80}
        breakpoint="lg"
        className={phone ? 'ed-sider-phone' : undefined}
        data-testid="side-nav"
      >
        <div className="ed-brand">
          <UsergroupAddOutlined />
          {!collapsed && <span>{t('app.brand')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedSection(location.pathname)]}
          defaultOpenKeys={['cases', 'followups', 'fees', 'reports']}
          onClick={() => phone && setCollapsed(true)}
          items={items}
        />
      </Layout.Sider>
      <Layout>
        {phone ? (
          // On a phone: the menu's handle, the estate, the user menu and the notice bell on the
          // first line, the bell at the far right where the open menu never covers it; the
          // language switch on the second.
          <Layout.Header className="ed-header ed-header-phone">
            <div className="ed-header-line">
              <EstateSwitcher narrow />
              <UserMenu narrow />
              <NoticeBell />
            </div>
            <LanguageSwitcher />
          </Layout.Header>
        ) : (
          <Layout.Header className="ed-header">
            <Space>
              <EstateSwitcher />
              {estate && estate.officeName !== estate.name && <Typography.Text type="secondary">{estate.officeName}</Typography.Text>}
            </Space>
            <Space size="middle">
              <NoticeBell />
              <LanguageSwitcher />
              <UserMenu />
            </Space>
          </Layout.Header>
        )}
        <Layout.Content id="main" className="ed-content" tabIndex={-1}>
          {estate ? (
            <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
              <Outlet key={estate.id} />
            </Suspense>
          ) : (
            <NoEstate />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
