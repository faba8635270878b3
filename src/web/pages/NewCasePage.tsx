import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorText } from '../components/errors';
import { applyServerErrors } from '../components/formErrors';
import { PageHeader } from '../components/PageHeader';
import { useCreateCase } from '../features/cases/api';
import { CallerLookup, type CallerPick } from '../features/cases/CallerLookup';
import { KeyChoice } from '../features/cases/KeyChoice';
import { TIME_FORMAT } from '../features/cases/ObligationBadge';
import { type CaseKind, CHANNELS, type Channel, INTAKE_KINDS, type RepairClass } from '../features/cases/types';
import { REPAIR_CLASSES } from '../features/directory/types';

interface IntakeValues {
  kind?: CaseKind;
  channel: Channel;
  repairClass?: RepairClass;
  residentName?: string;
  residentPhone?: string;
  description: string;
  occurredAt?: Dayjs;
}

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** Ctrl+Enter (⌘+Enter on a Mac) saves from any field. */
const isSaveKey = (event: KeyboardEvent) => event.key === 'Enter' && (event.ctrlKey || event.metaKey);

/** Plain Enter in a one-line field would submit the form half-filled; only Ctrl+Enter or the button does. */
function isImplicitSubmit(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && !event.ctrlKey && !event.metaKey && event.target instanceof HTMLInputElement;
}

/**
 * Recording a case as it is told, by keyboard alone: focus starts on the kind; digits or
 * arrow keys choose kind and channel; the caller lookup finds the resident and unit by phone,
 * unit number or name; Ctrl+Enter saves and opens the new case.
 */
export default function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const create = useCreateCase();
  const [form] = Form.useForm<IntakeValues>();
  const kind = Form.useWatch('kind', form);
  const [caller, setCaller] = useState<CallerPick | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const kindRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The first field takes the focus, so the desk can start with a digit for the kind.
    kindRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  }, []);

  const labels = {
    kind: t('cases.fields.kind'),
    channel: t('cases.fields.channel'),
    repairClass: t('cases.fields.repairClass'),
    unitId: t('cases.fields.caller'),
    residentId: t('cases.fields.caller'),
    residentName: t('cases.fields.residentName'),
    residentPhone: t('cases.fields.residentPhone'),
    description: t('cases.fields.description'),
    occurredAt: t('cases.fields.occurredAt'),
  };

  const pickCaller = (pick: CallerPick | null) => {
    setCaller(pick);
    form.setFieldsValue({ residentName: pick?.resident?.name ?? undefined, residentPhone: pick?.resident?.phone ?? undefined });
  };

  const save = async (values: IntakeValues) => {
    if (!values.kind) return;
    setAlert(null);
    try {
      const created = await create.mutateAsync({
        kind: values.kind,
        channel: values.channel,
        unitId: caller?.unit?.id ?? null,
        residentId: caller?.resident?.id ?? null,
        residentName: orNull(values.residentName),
        residentPhone: orNull(values.residentPhone),
        description: values.description.trim(),
        occurredAt: (values.occurredAt ?? dayjs()).toISOString(),
        repairClass: values.kind === 'repair' ? (values.repairClass ?? null) : null,
      });
      message.success(t('cases.intake.saved', { number: created.number }));
      void navigate(`/cases/${created.id}`);
    } catch (error) {
      const { placed, unplaced } = applyServerErrors(form, error, { labels });
      setAlert(placed > 0 ? [t('form.fixFields'), ...unplaced].join(' ') : errorText(error));
    }
  };

  const required = (field: string) => [{ required: true, message: t('form.required', { field }) }];

  return (
    <>
      <PageHeader title={t('cases.intake.title')} />
      <Card>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: Ctrl+Enter from any field of the form */}
        <div
          onKeyDown={(e) => {
            if (isSaveKey(e)) {
              e.preventDefault();
              form.submit();
            } else if (isImplicitSubmit(e)) {
              e.preventDefault();
            }
          }}
          data-testid="new-case"
        >
          <Form<IntakeValues>
            form={form}
            layout="vertical"
            requiredMark="optional"
            initialValues={{ channel: 'phone', occurredAt: dayjs() }}
            onFinish={save}
            scrollToFirstError
          >
            <div ref={kindRef}>
              <Form.Item name="kind" label={labels.kind} rules={required(labels.kind)} extra={t('cases.intake.digitsHelp')}>
                <KeyChoice<CaseKind>
                  testId="case-kind"
                  ariaLabel={labels.kind}
                  options={INTAKE_KINDS.map((k) => ({ value: k, label: t(`caseKinds.${k}`) }))}
                />
              </Form.Item>
            </div>
            <Form.Item name="channel" label={labels.channel} rules={required(labels.channel)}>
              <KeyChoice<Channel>
                testId="case-channel"
                ariaLabel={labels.channel}
                options={CHANNELS.map((c) => ({ value: c, label: t(`cases.channels.${c}`) }))}
              />
            </Form.Item>
            {kind === 'repair' && (
              <Form.Item
                name="repairClass"
                label={labels.repairClass}
                rules={required(labels.repairClass)}
                extra={t('cases.intake.repairClassHelp')}
              >
                <KeyChoice<RepairClass>
                  testId="case-repair-class"
                  ariaLabel={labels.repairClass}
                  options={REPAIR_CLASSES.map((c) => ({ value: c, label: t(`repairClasses.${c}`) }))}
                />
              </Form.Item>
            )}
            <Form.Item label={labels.unitId} extra={t('cases.intake.callerHelp')} htmlFor="case-caller">
              <CallerLookup id="case-caller" value={caller} onChange={pickCaller} />
            </Form.Item>
            {caller?.unit && (
              <Typography.Paragraph data-testid="case-unit">
                {t('cases.intake.unitChosen', { unit: `${caller.unit.buildingName} ${caller.unit.number}` })}
              </Typography.Paragraph>
            )}
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="residentName" label={labels.residentName}>
                  <Input maxLength={100} data-testid="case-resident-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="residentPhone" label={labels.residentPhone}>
                  <Input maxLength={20} inputMode="tel" data-testid="case-resident-phone" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="description"
              label={labels.description}
              rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.description }) }]}
            >
              <Input.TextArea
                rows={5}
                maxLength={5000}
                showCount
                placeholder={t('cases.intake.descriptionPlaceholder')}
                data-testid="case-description"
              />
            </Form.Item>
            <Form.Item name="occurredAt" label={labels.occurredAt} extra={t('cases.intake.occurredAtHelp')}>
              <DatePicker showTime format={TIME_FORMAT} allowClear={false} data-testid="case-occurred-at" />
            </Form.Item>
            {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} data-testid="new-case-error" />}
            <Space>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={create.isPending} data-testid="new-case-submit">
                {t('cases.intake.submit')}
              </Button>
              <Typography.Text type="secondary">
                <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
              </Typography.Text>
            </Space>
          </Form>
        </div>
      </Card>
    </>
  );
}
