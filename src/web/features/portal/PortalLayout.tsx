import { BellOutlined, FileAddOutlined, LogoutOutlined, ProfileOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { PortalSessionProvider, usePortalSession, useResident } from './session';

/** The portal's own root: the resident's session, apart from the staff's. */
export function PortalRoot() {
  return (
    <PortalSessionProvider>
      <Outlet />
    </PortalSessionProvider>
  );
}

/** Pages behind it need a signed-in resident; otherwise the portal's sign-in, coming back here after. */
export function RequirePortalSession() {
  const { session } = usePortalSession();
  const location = useLocation();
  if (session === undefined) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (session === null) {
    const here = `${location.pathname}${location.search}`;
    const next = here === '/portal' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/portal/sign-in${next}`} replace />;
  }
  return <PortalLayout />;
}

const TABS: { path: string; key: 'cases' | 'report' | 'notices' | 'account'; icon: ReactNode }[] = [
  { path: '/portal', key: 'cases', icon: <ProfileOutlined /> },
  { path: '/portal/report', key: 'report', icon: <FileAddOutlined /> },
  { path: '/portal/notices', key: 'notices', icon: <BellOutlined /> },
  { path: '/portal/account', key: 'account', icon: <UserOutlined /> },
];

function activeTab(pathname: string): string {
  const match = TABS.filter((tab) => tab.path !== '/portal' && pathname.startsWith(tab.path))[0];
  return match?.path ?? '/portal';
}

/** The resident's screen: the office's name, the language, signing out, and four big tabs at the bottom. */
function PortalLayout() {
  const { t } = useTranslation();
  const resident = useResident();
  const { logout } = usePortalSession();
  const navigate = useNavigate();
  const location = useLocation();
  const active = activeTab(location.pathname);

  return (
    <div className="ed-portal" data-testid="portal">
      <header className="ed-portal-header">
        <div className="ed-portal-office">
          <Typography.Text strong data-testid="portal-office">
            {resident.estate.officeName || resident.estate.name}
          </Typography.Text>
          {resident.estate.officeName && resident.estate.officeName !== resident.estate.name && (
            <Typography.Text type="secondary" className="ed-portal-estate">
              {resident.estate.name}
            </Typography.Text>
          )}
        </div>
        <div className="ed-portal-header-actions">
          <LanguageSwitcher />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            aria-label={t('portal.signOut')}
            title={t('portal.signOut')}
            data-testid="portal-sign-out"
            onClick={() => void logout().then(() => navigate('/portal/sign-in', { replace: true }))}
          />
        </div>
      </header>
      <main className="ed-portal-main">
        <Outlet />
      </main>
      <nav className="ed-portal-tabs" aria-label={t('portal.tabs.label')}>
        {TABS.map((tab) => (
          <Link
            key={tab.key}
            to={tab.path}
            className={tab.path === active ? 'ed-portal-tab ed-portal-tab-active' : 'ed-portal-tab'}
            aria-current={tab.path === active ? 'page' : undefined}
            data-testid={`portal-tab-${tab.key}`}
          >
            <span className="ed-portal-tab-icon">{tab.icon}</span>
            <span>{t(`portal.tabs.${tab.key}`)}</span>
          </Link>
        ))}
      </nav>
    </div>
  );
}

/** An address under /portal that is no page of it. */
export function PortalNotFound() {
  const { t } = useTranslation();
  return (
    <div data-testid="portal-not-found" style={{ textAlign: 'center', marginTop: 48 }}>
      <Typography.Title level={4}>{t('portal.notFound')}</Typography.Title>
      <Link to="/portal">
        <Button type="primary" size="large">
          {t('portal.tabs.cases')}
        </Button>
      </Link>
    </div>
  );
}
