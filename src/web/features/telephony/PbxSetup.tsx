import { DeleteOutlined, KeyOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Popconfirm, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEstateTime } from '../../app/time';
import { useErrorText } from '../../components/errors';
import { ColleagueSelect } from '../frontdesk/ColleagueSelect';
import { useTelephonyActions } from './api';
import { MAPPING_FIELDS, type PbxCsvMapping, type PbxSecret, type PbxSettings, REQUIRED_MAPPING_FIELDS } from './types';

const EXTENSION = /^[0-9A-Za-z*#+-]{1,20}$/;

interface ExtensionRow {
  extension: string;
  staffId?: string | null;
  label?: string | null;
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** The PBX's extensions and who answers each: the screen pop goes to that person's desk (R-PH-5). */
export function ExtensionsCard({ settings, readOnly }: { settings: PbxSettings; readOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const actions = useTelephonyActions();
  const [form] = Form.useForm<{ extensions: ExtensionRow[] }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (values: { extensions?: ExtensionRow[] }) => {
    setSaving(true);
    setError(null);
    try {
      await actions.saveSettings({
        extensions: (values.extensions ?? []).map((row) => ({
          extension: row.extension.trim(),
          staffId: row.staffId ?? null,
          label: blankToNull(row.label),
        })),
      });
      message.success(t('pbx.settings.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('pbx.settings.extensions')} data-testid="pbx-extensions">
      <Typography.Paragraph type="secondary">{t('pbx.settings.extensionsHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ extensions: settings.extensions }} onFinish={save} disabled={readOnly}>
        <Form.List name="extensions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} data-testid="pbx-extension-row" align="top">
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={[field.name, 'extension']}
                      label={index === 0 ? t('pbx.settings.extension') : undefined}
                      rules={[
                        { required: true, message: t('form.required', { field: t('pbx.settings.extension') }) },
                        { pattern: EXTENSION, message: t('pbx.settings.extensionPattern') },
                      ]}
                    >
                      <Input maxLength={20} data-testid="pbx-extension" aria-label={t('pbx.settings.extension')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'staffId']} label={index === 0 ? t('pbx.settings.staff') : undefined}>
                      <ColleagueSelect testId="pbx-extension-staff" placeholder={t('pbx.settings.staffPlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={8}>
                    <Form.Item name={[field.name, 'label']} label={index === 0 ? t('pbx.settings.label') : undefined}>
                      <Input maxLength={60} data-testid="pbx-extension-label" aria-label={t('pbx.settings.label')} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2} style={{ paddingTop: index === 0 ? 30 : 0 }}>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('pbx.settings.removeExtension')}
                      data-testid="pbx-extension-remove"
                    />
                  </Col>
                </Row>
              ))}
              <Space wrap>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ extension: '', staffId: null, label: '' })}
                  data-testid="pbx-extension-add"
                >
                  {t('pbx.settings.addExtension')}
                </Button>
                <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="pbx-extensions-save">
                  {t('pbx.settings.save')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="pbx-extensions-error" />}
    </Card>
  );
}

/** The webhook's address and signing secret: how the PBX is to call EstateDesk. */
export function WebhookCard({ settings, readOnly }: { settings: PbxSettings; readOnly: boolean }) {
  const { t } = useTranslation();
  const time = useEstateTime();
  const errorText = useErrorText();
  const actions = useTelephonyActions();
  const [secret, setSecret] = useState<PbxSecret | null>(null);
  const [error, setError] = useState<string | null>(null);
  const address = new URL(settings.eventsPath, window.location.origin).toString();

  const makeSecret = async () => {
    setError(null);
    try {
      setSecret(await actions.newSecret());
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Card size="small" title={t('pbx.settings.webhook')} data-testid="pbx-webhook">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>{t('pbx.settings.address')}</Typography.Text>
          <Typography.Paragraph copyable code data-testid="pbx-webhook-address" style={{ marginBottom: 0 }}>
            {address}
          </Typography.Paragraph>
        </div>
        <div>
          <Typography.Text strong>{t('pbx.settings.howToSign')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
            <li>{t('pbx.settings.signMethod')}</li>
            <li>
              <code>X-EstateDesk-Timestamp</code>: {t('pbx.settings.signTimestamp')}
            </li>
            <li>
              <code>X-EstateDesk-Signature</code>: <code>sha256=&lt;hex&gt;</code> · {t('pbx.settings.signSignature')}
            </li>
            <li>{t('pbx.settings.signWindow')}</li>
            <li>
              {t('pbx.settings.signBody')}{' '}
              <code>{'{"event":"ringing","callId":"…","at":"2026-01-05T09:00:00Z","from":"91234567","extension":"201"}'}</code>
            </li>
          </ul>
        </div>
        <Typography.Text data-testid="pbx-secret-status">
          {settings.hasSecret ? t('pbx.settings.secretSetAt', { time: time.format(settings.secretSetAt) }) : t('pbx.settings.noSecret')}
        </Typography.Text>
        {secret && (
          <Alert
            type="warning"
            showIcon
            data-testid="pbx-secret-shown"
            title={t('pbx.settings.secretOnce')}
            description={
              <Typography.Text code copyable style={{ fontSize: 16 }} data-testid="pbx-secret">
                {secret.secret}
              </Typography.Text>
            }
          />
        )}
        {!readOnly && (
          <Popconfirm
            title={t('pbx.settings.newSecretConfirm')}
            description={t('pbx.settings.newSecretWarning')}
            onConfirm={makeSecret}
            okButtonProps={{ 'data-testid': 'pbx-new-secret-confirm' } as Record<`data-${string}`, string>}
          >
            <Button icon={<KeyOutlined />} data-testid="pbx-new-secret">
              {t('pbx.settings.newSecret')}
            </Button>
          </Popconfirm>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Card>
  );
}

const DEFAULT_MAPPING: PbxCsvMapping = {
  callId: 'Call ID',
  from: 'From',
  callerName: null,
  extension: 'To',
  start: 'Start',
  answer: 'Answered',
  end: 'End',
  ringSeconds: null,
  disposition: 'Status',
  timeFormat: 'yyyy-MM-dd HH:mm:ss',
};

/** The generic CSV's columns by their header names (3CX, Yeastar, a carrier's export). */
export function MappingCard({ settings, readOnly }: { settings: PbxSettings; readOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const actions = useTelephonyActions();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (values: Record<string, string | null | undefined>) => {
    setSaving(true);
    setError(null);
    try {
      const mapping = Object.fromEntries(MAPPING_FIELDS.map((f) => [f, blankToNull(values[f])])) as PbxCsvMapping;
      await actions.saveSettings({ extensions: settings.extensions, csvMapping: mapping });
      message.success(t('pbx.settings.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('pbx.settings.mapping')} data-testid="pbx-mapping">
      <Typography.Paragraph type="secondary">{t('pbx.settings.mappingHelp')}</Typography.Paragraph>
      <Form layout="vertical" initialValues={settings.csvMapping ?? DEFAULT_MAPPING} onFinish={save} disabled={readOnly}>
        <Row gutter={12}>
          {MAPPING_FIELDS.map((field) => (
            <Col xs={24} md={12} xl={8} key={field}>
              <Form.Item
                name={field}
                label={t(`pbx.mappingFields.${field}`)}
                rules={
                  REQUIRED_MAPPING_FIELDS.includes(field)
                    ? [{ required: true, whitespace: true, message: t('form.required', { field: t(`pbx.mappingFields.${field}`) }) }]
                    : []
                }
              >
                <Input maxLength={field === 'timeFormat' ? 40 : 100} data-testid={`pbx-mapping-${field}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="pbx-mapping-save">
          {t('pbx.settings.saveMapping')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}
