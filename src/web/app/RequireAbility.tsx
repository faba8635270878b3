import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import type { EstateAbilityName } from '../../contract/abilities';
import { mayOpen, type Screen } from './screens';
import { holdsIn, useCan, useSession, worksOwnCasesOnly } from './session';

/**
 * A screen for those who may read it in the selected estate (`SCREENS`); anyone else, having
 * typed or followed its address, is told it is not for their role instead of a page of refusals.
 */
export function RequireAbility({ screen, children }: { screen: Screen; children: ReactNode }) {
  const can = useCan();
  if (mayOpen(can, screen)) return children;
  return <NotForYourRole />;
}

/**
 * A screen across estates (the head office's comparison) for those who hold the ability in at
 * least one estate they work for, whichever estate is selected.
 */
export function RequireAbilityAnywhere({ ability, children }: { ability: EstateAbilityName; children: ReactNode }) {
  const { session } = useSession();
  if (session?.estates.some((estate) => holdsIn(estate, ability))) return children;
  return <NotForYourRole />;
}

function NotForYourRole() {
  const { t } = useTranslation();
  const navigate = useNavigate();
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
