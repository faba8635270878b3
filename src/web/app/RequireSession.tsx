import { Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './session';

/** Pages behind it need a signed-in session; otherwise the login page, coming back here after. */
export function RequireSession() {
  const { session } = useSession();
  const location = useLocation();
  if (session === undefined) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (session === null) {
    const here = `${location.pathname}${location.search}`;
    const next = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  return <Outlet />;
}
