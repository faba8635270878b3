import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResidentAccount, ResidentAccountStatus } from './portalAccounts';

const COLOURS: Record<ResidentAccountStatus, string> = { invited: 'gold', active: 'green', disabled: 'default' };

/** Whether a resident has a portal account, and in what state; a dash for none. */
export function PortalAccountTag({ account }: { account: Pick<ResidentAccount, 'status'> | null }) {
  const { t } = useTranslation();
  if (!account)
    return (
      <span data-testid="portal-account-status" data-status="none">
        {t('portalAccounts.none')}
      </span>
    );
  return (
    <Tag color={COLOURS[account.status]} data-testid="portal-account-status" data-status={account.status}>
      {t(`portalAccounts.statuses.${account.status}`)}
    </Tag>
  );
}
