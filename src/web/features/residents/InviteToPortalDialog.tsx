import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEstate } from '../../app/session';
import { useEstateTime } from '../../app/time';
import { useErrorText } from '../../components/errors';
import type { Resident } from '../directory/types';
import { DELIVERIES, type InvitationDelivery, type ResidentInvitation, useInviteResident } from './portalAccounts';

/**
 * R-PT-1: the counter invites a resident to the portal. The code is shown once, large, to read
 * out or print on a slip with the portal's address; or it goes to the resident's phone or email.
 */
export function InviteToPortalDialog({ resident, onClose }: { resident: Resident | null; onClose: () => void }) {
  const { t } = useTranslation();
  const estate = useEstate();
  const time = useEstateTime();
  const errorText = useErrorText();
  const invite = useInviteResident();
  const [delivery, setDelivery] = useState<InvitationDelivery>('show');
  const [invitation, setInvitation] = useState<ResidentInvitation | null>(null);
  const portalAddress = `${window.location.origin}/portal`;

  const { reset } = invite;
  // Each resident opens a fresh dialog.
  useEffect(() => {
    if (resident) {
      setDelivery('show');
      setInvitation(null);
      reset();
    }
  }, [resident, reset]);

  const reachable = (d: InvitationDelivery) => d === 'show' || (d === 'sms' ? Boolean(resident?.phone) : Boolean(resident?.email));

  return (
    <Modal
      open={resident !== null}
      title={t('portalAccounts.invite.title', { name: resident?.name ?? '' })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        invitation
          ? [
              invitation.code && (
                <Button key="print" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="invite-print">
                  {t('portalAccounts.invite.print')}
                </Button>
              ),
              <Button key="done" type="primary" onClick={onClose} data-testid="invite-done">
                {t('common.close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button
                key="invite"
                type="primary"
                loading={invite.isPending}
                onClick={() =>
                  resident && invite.mutate({ residentId: resident.id, delivery }, { onSuccess: (answer) => setInvitation(answer) })
                }
                data-testid="invite-submit"
              >
                {t('portalAccounts.invite.submit')}
              </Button>,
            ]
      }
    >
      {!invitation ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('portalAccounts.invite.how')}</Typography.Text>
          <Radio.Group value={delivery} onChange={(e) => setDelivery(e.target.value as InvitationDelivery)} data-testid="invite-delivery">
            <Space orientation="vertical">
              {DELIVERIES.map((d) => (
                <Radio key={d} value={d} disabled={!reachable(d)} data-testid={`invite-delivery-${d}`}>
                  {t(`portalAccounts.deliveries.${d}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
          {invite.isError && <Alert type="error" showIcon title={errorText(invite.error)} data-testid="invite-error" />}
        </Space>
      ) : invitation.code ? (
        <div className="ed-print-slip" data-testid="invite-slip">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {estate.officeName || estate.name}
          </Typography.Title>
          <Typography.Paragraph>{t('portalAccounts.invite.slipIntro', { name: resident?.name ?? '' })}</Typography.Paragraph>
          <div className="ed-portal-code" data-testid="invite-code">
            {invitation.code}
          </div>
          <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('portalAccounts.invite.address')}>
              <span data-testid="invite-address">{portalAddress}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('portalAccounts.invite.login')}>{invitation.login}</Descriptions.Item>
            <Descriptions.Item label={t('portalAccounts.invite.expires')}>
              <span data-testid="invite-expires">{time.format(invitation.expiresAt)}</span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary">{t('portalAccounts.invite.slipHelp')}</Typography.Paragraph>
        </div>
      ) : (
        <Alert
          type="success"
          showIcon
          title={t('portalAccounts.invite.sent', { to: invitation.sentTo ?? '' })}
          description={t('portalAccounts.invite.sentExpires', { at: time.format(invitation.expiresAt) })}
          data-testid="invite-sent"
        />
      )}
    </Modal>
  );
}
