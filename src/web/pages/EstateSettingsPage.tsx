import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Collapse, Form, Input, InputNumber, Row, Select, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useCan, useCanInCompany, useEstate, useSession } from '../app/session';
import { useErrorText } from '../components/errors';
import { applyServerErrors } from '../components/formErrors';
import { HistoryList } from '../components/HistoryList';
import { PageHeader } from '../components/PageHeader';
import { keys, useEstateRecord } from '../features/directory/api';
import { COUNTER_SEATS, type Estate, type UpdateEstateInput } from '../features/directory/types';
import { CreateEstateButton } from '../features/estate/CreateEstateButton';
import { timeZoneOptions } from '../features/estate/timeZones';

type Unit = 'hours' | 'days' | 'minutes' | 'items' | 'percent' | 'dayOfMonth' | 'attempts' | 'mm';

interface PolicyNumber {
  /** The field under `policy`, dot-separated for nested settings. */
  path: string;
  /** The rule of RULES.md the number belongs to. */
  rule: string;
  unit: Unit;
  min: number;
  max: number;
  /** Takes fractions (rainfall in mm); whole numbers when left out. */
  decimals?: boolean;
}

type PolicyLabelKey =
  | 'complaintReplyHours'
  | 'followUpHours.safety'
  | 'followUpHours.leak'
  | 'followUpHours.other'
  | 'afterRainFollowUpHours'
  | 'rectificationNoticeHours'
  | 'spotCheckMinItems'
  | 'spotCheckPercent'
  | 'spotCheckDueDay'
  | 'unreachableAfterAttempts'
  | 'rainThresholdMm'
  | 'callbackPromiseMinutes'
  | 'callbackAfterReturnMinutes'
  | 'walkInWaitLimitMinutes'
  | 'progressIntervalDays';

interface PolicyGroup {
  key: 'replies' | 'followUps' | 'spotChecks' | 'frontDesk';
  numbers: (PolicyNumber & { path: PolicyLabelKey })[];
}

// The limits repeat the contract's EstatePolicy so the form refuses what the server would.
const POLICY_GROUPS: PolicyGroup[] = [
  {
    key: 'replies',
    numbers: [
      { path: 'complaintReplyHours', rule: 'R-CP-1', unit: 'hours', min: 1, max: 720 },
      { path: 'followUpHours.safety', rule: 'R-FU-1', unit: 'hours', min: 1, max: 2160 },
      { path: 'followUpHours.leak', rule: 'R-FU-1', unit: 'hours', min: 1, max: 2160 },
      { path: 'followUpHours.other', rule: 'R-FU-1', unit: 'hours', min: 1, max: 2160 },
      { path: 'afterRainFollowUpHours', rule: 'R-FU-2', unit: 'hours', min: 1, max: 720 },
      { path: 'rectificationNoticeHours', rule: 'R-RC-1', unit: 'hours', min: 1, max: 720 },
      { path: 'progressIntervalDays', rule: 'R-CP-5', unit: 'days', min: 1, max: 90 },
    ],
  },
  {
    key: 'followUps',
    numbers: [
      { path: 'unreachableAfterAttempts', rule: 'R-FU-4', unit: 'attempts', min: 1, max: 10 },
      { path: 'rainThresholdMm', rule: 'R-FU-3', unit: 'mm', min: 0, max: 100, decimals: true },
    ],
  },
  {
    key: 'spotChecks',
    numbers: [
      { path: 'spotCheckMinItems', rule: 'R-FU-5', unit: 'items', min: 1, max: 100 },
      { path: 'spotCheckPercent', rule: 'R-FU-5', unit: 'percent', min: 1, max: 100 },
      { path: 'spotCheckDueDay', rule: 'R-FU-5', unit: 'dayOfMonth', min: 1, max: 28 },
    ],
  },
  {
    key: 'frontDesk',
    numbers: [
      { path: 'callbackPromiseMinutes', rule: 'R-PH-3', unit: 'minutes', min: 1, max: 1440 },
      { path: 'callbackAfterReturnMinutes', rule: 'R-PH-3', unit: 'minutes', min: 0, max: 1440 },
      { path: 'walkInWaitLimitMinutes', rule: 'R-WK-4', unit: 'minutes', min: 1, max: 120 },
    ],
  },
];

const namePath = (path: string) => ['policy', ...path.split('.')];

function EstateForm({ estate, readOnly }: { estate: Estate; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { reload } = useSession();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [form] = Form.useForm<UpdateEstateInput>();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string[]>([]);

  const ruleLabel = (label: string, rule: string) => t('settings.ruleLabel', { label, rule });
  const labels: Record<string, string> = {
    name: t('estate.name'),
    address: t('estate.address'),
    timeZone: t('estate.timeZone'),
    officeName: t('estate.officeName'),
    'policy.callbackNextMorning': ruleLabel(t('settings.policy.callbackNextMorning'), 'R-PH-3'),
    'policy.counterSeatOrder': ruleLabel(t('settings.policy.counterSeatOrder'), 'R-WK-2'),
    'policy.rainfallPlace': ruleLabel(t('settings.policy.rainfallPlace'), 'R-FU-3'),
    'policy.currency': ruleLabel(t('settings.policy.currency'), 'R-FE-1'),
  };
  for (const group of POLICY_GROUPS) {
    for (const n of group.numbers) labels[`policy.${n.path}`] = ruleLabel(t(`settings.policy.${n.path}`), n.rule);
  }
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });

  const save = async (values: UpdateEstateInput) => {
    setSaving(true);
    setAlert([]);
    try {
      // An empty place means "no place": the import then reads every station's readings.
      const place = values.policy?.rainfallPlace?.trim();
      const body = values.policy ? { ...values, policy: { ...values.policy, rainfallPlace: place ? place : null } } : values;
      const saved = await api.patch<Estate>(`/estates/${estate.id}`, body);
      queryClient.setQueryData([...keys.estate(estate.id), 'record'], saved);
      await reload();
      form.resetFields();
      message.success(t('settings.saved'));
    } catch (error) {
      const { placed, unplaced } = applyServerErrors(form, error, { labels });
      setAlert(placed > 0 ? [t('form.fixFields'), ...unplaced] : [errorText(error)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<UpdateEstateInput>
      form={form}
      // Its fields' ids (estate-settings_name) differ from the add-estate dialog's over it.
      name="estate-settings"
      layout="vertical"
      disabled={readOnly}
      onFinish={save}
      initialValues={{
        name: estate.name,
        address: estate.address,
        timeZone: estate.timeZone,
        officeName: estate.officeName,
        policy: estate.policy,
      }}
      data-testid="estate-settings-form"
    >
      <Card title={t('settings.office')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={labels.name} rules={[required(labels.name ?? '')]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="officeName"
              label={labels.officeName}
              extra={t('estate.officeNameHelp')}
              rules={[required(labels.officeName ?? '')]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="address" label={labels.address} rules={[required(labels.address ?? '')]}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="timeZone" label={labels.timeZone} extra={t('estate.timeZoneHelp')}>
              <Select showSearch={{ optionFilterProp: 'search' }} options={timeZoneOptions(i18n.language)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['policy', 'currency']}
              label={<span title="R-FE-1">{labels['policy.currency']}</span>}
              extra={t('settings.currencyHelp')}
              rules={[{ required: true, pattern: /^[A-Z]{3}$/, message: t('settings.currencyFormat') }]}
            >
              <Input maxLength={3} style={{ width: 120 }} data-testid="policy-currency" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      {POLICY_GROUPS.map((group) => (
        <Card key={group.key} title={t(`settings.groups.${group.key}`)} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {group.numbers.map((n) => (
              <Col xs={24} md={12} xl={8} key={n.path}>
                <Form.Item
                  name={namePath(n.path)}
                  label={<span title={n.rule}>{labels[`policy.${n.path}`]}</span>}
                  rules={[{ required: true, message: t('form.required', { field: labels[`policy.${n.path}`] }) }]}
                >
                  <InputNumber
                    min={n.min}
                    max={n.max}
                    precision={n.decimals ? undefined : 0}
                    step={n.decimals ? 0.1 : 1}
                    style={{ width: '100%' }}
                    suffix={t(`settings.units.${n.unit}`)}
                    data-testid={`policy-${n.path}`}
                  />
                </Form.Item>
              </Col>
            ))}
            {group.key === 'followUps' && (
              <Col xs={24} md={12} xl={8}>
                <Form.Item
                  name={['policy', 'rainfallPlace']}
                  label={labels['policy.rainfallPlace']}
                  extra={t('settings.rainfallPlaceHelp')}
                >
                  <Input maxLength={100} allowClear data-testid="policy-rainfallPlace" />
                </Form.Item>
              </Col>
            )}
            {group.key === 'frontDesk' && (
              <>
                <Col xs={24} md={12} xl={8}>
                  <Form.Item
                    name={['policy', 'callbackNextMorning']}
                    label={labels['policy.callbackNextMorning']}
                    rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('settings.timeFormat') }]}
                  >
                    <Input placeholder="09:00" maxLength={5} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} xl={16}>
                  <Form.Item
                    name={['policy', 'counterSeatOrder']}
                    label={labels['policy.counterSeatOrder']}
                    extra={t('settings.counterSeatOrderHelp')}
                    rules={[
                      { required: true, type: 'array', min: 1, message: t('form.required', { field: labels['policy.counterSeatOrder'] }) },
                    ]}
                  >
                    <Select mode="multiple" options={COUNTER_SEATS.map((s) => ({ value: s, label: t(`seats.${s}`) }))} />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
        </Card>
      ))}

      {alert.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={alert[0]}
          description={alert.length > 1 ? alert.slice(1).map((a) => <div key={a}>{a}</div>) : undefined}
          data-testid="estate-settings-error"
        />
      )}
      {!readOnly && (
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="estate-settings-save">
            {t('common.save')}
          </Button>
          <Button htmlType="button" onClick={() => form.resetFields()}>
            {t('common.reset')}
          </Button>
        </Space>
      )}
    </Form>
  );
}

/** The selected estate's details and the policy numbers its rules read. */
export default function EstateSettingsPage() {
  const { t } = useTranslation();
  const estate = useEstate();
  const can = useCan();
  const canInCompany = useCanInCompany();
  const mayConfigure = can('estate.configure');
  const errorText = useErrorText();
  const { data, isPending, error } = useEstateRecord();

  return (
    <>
      <PageHeader title={t('settings.title', { estate: estate.name })} extra={canInCompany('estate.create') && <CreateEstateButton />} />
      {!mayConfigure && <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={errorText(error)} />}
      {isPending && <Skeleton active />}
      {data && <EstateForm key={data.updatedAt} estate={data} readOnly={!mayConfigure} />}
      {data && can('history.read') && (
        <Collapse
          style={{ marginTop: 24 }}
          items={[
            {
              key: 'history',
              label: t('history.title'),
              children: <HistoryList entityType="estate" entityId={data.id} />,
            },
          ]}
        />
      )}
    </>
  );
}
