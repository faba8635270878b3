import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { MessagePreferences } from '../../features/portal/MessagePreferences';
import { PORTAL_KEY, usePortalSession, useResident } from '../../features/portal/session';
import { usePortalErrorText } from '../../features/portal/text';

interface PasswordValues {
  currentPassword?: string;
  newPassword: string;
  confirm: string;
}

/** The resident's account: who they are, their units, the language, and their password (set one, or change it). */
export default function PortalAccountPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const resident = useResident();
  const { client } = usePortalSession();
  const queryClient = useQueryClient();
  const errorText = usePortalErrorText();
  const [form] = Form.useForm<PasswordValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hasPassword = resident.account.hasPassword;

  const submit = async (values: PasswordValues) => {
    setBusy(true);
    setError(null);
    try {
      await client.post('/portal/auth/password', {
        ...(hasPassword ? { currentPassword: values.currentPassword ?? '' } : {}),
        newPassword: values.newPassword,
      });
      form.resetFields();
      message.success(t('portal.account.passwordSaved'));
      await queryClient.invalidateQueries({ queryKey: [PORTAL_KEY, 'session'] });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="portal-account">
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="page-title">
        {t('portal.account.title')}
      </Typography.Title>
      <Card size="small" className="ed-portal-card">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('portal.account.name')}>{resident.account.name}</Descriptions.Item>
          {resident.account.login && <Descriptions.Item label={t('portal.fields.login')}>{resident.account.login}</Descriptions.Item>}
          <Descriptions.Item label={t('portal.account.units')}>{resident.units.map((u) => u.label).join(', ')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" className="ed-portal-card" title={t('portal.account.language')}>
        <LanguageSwitcher />
      </Card>
      <MessagePreferences />
      <Card
        size="small"
        className="ed-portal-card"
        title={hasPassword ? t('portal.account.changePassword') : t('portal.account.setPassword')}
      >
        {!hasPassword && <Typography.Paragraph type="secondary">{t('portal.account.noPasswordYet')}</Typography.Paragraph>}
        <Form<PasswordValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
          {hasPassword && (
            <Form.Item
              name="currentPassword"
              label={t('portal.fields.currentPassword')}
              rules={[{ required: true, message: t('portal.signIn.passwordRequired') }]}
            >
              <Input.Password size="large" autoComplete="current-password" data-testid="portal-current-password" />
            </Form.Item>
          )}
          <Form.Item
            name="newPassword"
            label={t('portal.fields.newPassword')}
            rules={[
              { required: true, message: t('portal.signIn.passwordRequired') },
              { min: 10, message: t('portal.account.passwordLength') },
            ]}
          >
            <Input.Password size="large" autoComplete="new-password" data-testid="portal-new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('portal.account.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('portal.account.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('portal.account.confirmMismatch'))),
              }),
            ]}
          >
            <Input.Password size="large" autoComplete="new-password" data-testid="portal-confirm-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="portal-password-error" />}
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="portal-password-submit">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
