import { KeyOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useErrorText } from '../../components/errors';
import type { Staff } from '../directory/types';

interface ResetResult {
  temporaryPassword: string | null;
}

/** An administrator resets a password; the generated one is shown once and never again. */
export function ResetPasswordButton({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);

  const reset = async () => {
    setBusy(true);
    try {
      const { temporaryPassword } = await api.post<ResetResult>(`/staff/${staff.id}/password`, {});
      modal.success({
        title: t('staff.resetDoneTitle', { name: staff.name }),
        width: 460,
        content: (
          <div data-testid="temporary-password">
            <Typography.Paragraph>{t('staff.resetDoneHelp')}</Typography.Paragraph>
            {temporaryPassword && (
              <Typography.Text code copyable style={{ fontSize: 18 }}>
                {temporaryPassword}
              </Typography.Text>
            )}
          </div>
        ),
        okText: t('staff.resetDoneOk'),
      });
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm
      title={t('staff.resetConfirmTitle')}
      description={t('staff.resetConfirm', { name: staff.name })}
      okText={t('staff.resetPassword')}
      cancelText={t('common.cancel')}
      onConfirm={reset}
    >
      <Button size="small" icon={<KeyOutlined />} loading={busy} data-testid="staff-reset-password">
        {t('staff.resetPassword')}
      </Button>
    </Popconfirm>
  );
}
