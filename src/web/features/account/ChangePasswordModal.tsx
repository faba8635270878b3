import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { FormModal } from '../../components/FormModal';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = {
    currentPassword: t('account.currentPassword'),
    newPassword: t('account.newPassword'),
    confirmPassword: t('account.confirmPassword'),
  };

  return (
    <FormModal<ChangePasswordValues>
      open={open}
      onClose={onClose}
      title={t('account.changePassword')}
      testId="change-password"
      labels={labels}
      codeFields={{ 'auth.password_mismatch': 'currentPassword', 'auth.password_too_weak': 'newPassword' }}
      submitText={t('account.changePasswordSubmit')}
      onSubmit={async ({ currentPassword, newPassword }) => {
        await api.post('/auth/password', { currentPassword, newPassword });
        message.success(t('account.passwordChanged'));
      }}
    >
      <Form.Item
        name="currentPassword"
        label={labels.currentPassword}
        rules={[{ required: true, message: t('form.required', { field: labels.currentPassword }) }]}
      >
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={labels.newPassword}
        extra={t('account.passwordRule')}
        rules={[
          { required: true, message: t('form.required', { field: labels.newPassword }) },
          { min: 10, message: t('account.passwordTooShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={labels.confirmPassword}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('form.required', { field: labels.confirmPassword }) },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.passwordsDiffer'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
