import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { mayOpen, type Screen } from './screens';
import { useCan, worksOwnCasesOnly } from './session';

/**
 * A screen for those who may read it in the selected estate (`SCREENS`); anyone else, having
 * typed or followed its address, is told it is not for their role instead of a page of refusals.
 */
export function RequireAbility({ screen, children }: { screen: Screen; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  if (mayOpen(can, screen)) return children;
  return (
    <Result
      status="403"
      title={t('access.notForYouTitle')}
      subTitle={t('access.notForYou')}
      data-testid="screen-forbidden"
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('access.home')}
        </Button>
      }
    />
  );
}

/**
 * The first screen after signing in: the office's dashboard, or for maintenance staff (who read
 * only their own repairs) their repairs and notices.
 */
export function Landing({ dashboard }: { dashboard: ReactNode }) {
  const can = useCan();
  if (worksOwnCasesOnly(can)) return <Navigate to="/my-work" replace />;
  return dashboard;
}
