import { Alert, App, Button, Card, Checkbox, Form, Select, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type PortalPreferences, usePortalPreferences, useSavePreferences } from './messages';
import { usePortalErrorText } from './text';

interface Values {
  locale: PortalPreferences['locale'];
  notifyChannel: 'auto' | 'sms' | 'email' | 'portal';
  refused: ('sms' | 'email' | 'portal')[];
}

const CHANNELS = ['sms', 'email', 'portal'] as const;

/** R-CP-5: the resident chooses the language and channel of messages about their cases, and may refuse a channel. */
export function MessagePreferences() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = usePortalErrorText();
  const query = usePortalPreferences();
  const save = useSavePreferences();
  const [form] = Form.useForm<Values>();
  const prefs = query.data;

  useEffect(() => {
    if (!prefs) return;
    form.setFieldsValue({
      locale: prefs.locale,
      notifyChannel: prefs.notifyChannel ?? 'auto',
      refused: CHANNELS.filter((c) => prefs.optOut[c]),
    });
  }, [prefs, form]);

  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  if (!prefs) return <Spin />;
  const available = (c: (typeof CHANNELS)[number]) => (c === 'sms' ? prefs.hasPhone : c === 'email' ? prefs.hasEmail : true);

  const submit = async (values: Values) => {
    try {
      await save.mutateAsync({
        locale: values.locale,
        notifyChannel: values.notifyChannel === 'auto' ? null : values.notifyChannel,
        optOut: { sms: values.refused.includes('sms'), email: values.refused.includes('email'), portal: values.refused.includes('portal') },
      });
      message.success(t('portal.preferences.saved'));
    } catch {
      // The error is shown under the form.
    }
  };

  return (
    <Card size="small" className="ed-portal-card" title={t('portal.preferences.title')} data-testid="portal-preferences">
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
        <Form.Item name="locale" label={t('portal.preferences.locale')}>
          <Select
            size="large"
            data-testid="portal-preferences-locale"
            options={(['zh-Hant', 'zh-Hans', 'en'] as const).map((l) => ({ value: l, label: t(`portal.preferences.locales.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="notifyChannel" label={t('portal.preferences.channel')} extra={t('portal.preferences.channelHelp')}>
          <Select
            size="large"
            data-testid="portal-preferences-channel"
            options={[
              { value: 'auto', label: t('portal.preferences.channels.auto') },
              ...CHANNELS.map((c) => ({ value: c, label: t(`portal.preferences.channels.${c}`), disabled: !available(c) })),
            ]}
          />
        </Form.Item>
        <Form.Item name="refused" label={t('portal.preferences.refuse')}>
          <Checkbox.Group
            data-testid="portal-preferences-refused"
            options={CHANNELS.map((c) => ({ value: c, label: t(`portal.preferences.channels.${c}`) }))}
          />
        </Form.Item>
        {save.isError && <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" size="large" block loading={save.isPending} data-testid="portal-preferences-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
