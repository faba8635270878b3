import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Card, Col, DatePicker, Form, Input, Row, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useEstate } from '../app/session';
import { useEstateTime } from '../app/time';
import { useErrorText } from '../components/errors';
import { applyServerErrors } from '../components/formErrors';
import { PageHeader } from '../components/PageHeader';
import { useCreateCase } from '../features/cases/api';
import { KeyChoice, subjectOptions } from '../features/cases/KeyChoice';
import { TIME_FORMAT } from '../features/cases/ObligationBadge';
import { type CaseKind, CHANNELS, type Channel, INTAKE_KINDS, type RepairClass } from '../features/cases/types';
import { useUnitDetail } from '../features/directory/api';
import { REPAIR_CLASSES } from '../features/directory/types';
import { type LookupPick, pickKey, UnitLookup, unitLabel } from '../features/directory/UnitLookup';
import { useFrontDeskActions } from '../features/frontdesk/api';
import { type DeskCall, useDeskCall } from '../features/frontdesk/deskCall';
import { PlanWordsBox, usePlanWords, useResidentAddressee, useThanksNotice, WordsLine } from '../features/frontdesk/PlanWords';

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

/** What the front desk hands over when a call or a visit becomes a case: kind, channel and caller. */
interface Prefill {
  kind?: CaseKind;
  channel?: Channel;
  unitId?: string;
  residentId?: string;
  residentName?: string;
  residentPhone?: string;
  /** The call this case comes from; it is logged with the case once saved (R-PH-4). */
  callStartedAt?: string;
  askedForId?: string;
}

function prefillOf(search: URLSearchParams): Prefill {
  const text = (key: string) => search.get(key)?.trim() || undefined;
  const kind = search.get('kind') as CaseKind | null;
  const channel = search.get('channel') as Channel | null;
  const startedAt = text('callStartedAt');
  return {
    kind: kind && INTAKE_KINDS.includes(kind) ? kind : undefined,
    channel: channel && CHANNELS.includes(channel) ? channel : undefined,
    unitId: text('unitId'),
    residentId: text('residentId'),
    residentName: text('residentName'),
    residentPhone: text('residentPhone'),
    callStartedAt: startedAt && !Number.isNaN(Date.parse(startedAt)) ? startedAt : undefined,
    askedForId: text('askedForId'),
  };
}

/**
 * A case opened while a call is on the desk's line (Alt+N rather than Alt+1..4) is that call's
 * unless the desk says otherwise: the caller's unit, resident and phone, by phone, logged with
 * the call. Only when nothing was handed over by the address (a walk-in hands over its own).
 */
function prefillFromCall(call: DeskCall | null): Prefill | null {
  if (!call) return null;
  const resident = call.caller?.resident ?? null;
  return {
    channel: 'phone',
    unitId: call.caller?.unit?.id,
    residentId: resident?.id,
    residentName: resident?.name,
    residentPhone: resident?.phone ?? call.number ?? undefined,
    callStartedAt: new Date(call.startedAt).toISOString(),
    askedForId: call.askedForId ?? undefined,
  };
}

/** The unit (and resident) handed over by the front desk, as the caller lookup shows a pick. */
function usePrefilledCaller(prefill: Prefill, apply: (pick: LookupPick) => void) {
  const unit = useUnitDetail(prefill.unitId ?? null);
  const applied = useRef(false);
  const latest = useRef(apply);
  latest.current = apply;
  useEffect(() => {
    if (applied.current || !unit.data) return;
    applied.current = true;
    const u = unit.data;
    const resident = u.residents.find((r) => r.id === prefill.residentId);
    latest.current({
      key: pickKey(u.id, resident?.id),
      unit: { id: u.id, buildingName: u.buildingName, number: u.number },
      resident: resident ? { id: resident.id, name: resident.name, phone: resident.phone } : null,
    });
  }, [unit.data, prefill.residentId]);
}

/**
 * Recording a case as it is told, by keyboard alone: focus starts on the kind; digits or
 * arrow keys choose kind and channel; the caller lookup finds the resident and unit by phone,
 * unit number or name; Ctrl+Enter saves and opens the new case.
 */
export default function NewCasePage() {
  const { t } = useTranslation();
  const time = useEstateTime();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const create = useCreateCase();
  const desk = useFrontDeskActions();
  const [search] = useSearchParams();
  const { call } = useDeskCall(useEstate().id);
  const [prefill, setPrefill] = useState(() => (search.size > 0 ? prefillOf(search) : (prefillFromCall(call) ?? {})));
  const [fromCall, setFromCall] = useState(() => search.size === 0 && call !== null);
  const [form] = Form.useForm<IntakeValues>();
  const kind = Form.useWatch('kind', form);
  const residentName = Form.useWatch('residentName', form);
  const [caller, setCaller] = useState<LookupPick | null>(null);
  const words = usePlanWords();
  const thank = useThanksNotice();
  // R-WD-2: the resident by surname and title once the caller lookup has found them.
  const addressee = useResidentAddressee(caller?.resident?.id, residentName);
  const [alert, setAlert] = useState<string | null>(null);
  const kindRef = useRef<HTMLDivElement>(null);
  const descriptionRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The first field takes the focus, so the desk can start with a digit for the kind; when the
    // desk has already chosen the kind, the description does.
    if (prefill.kind) descriptionRef.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    else kindRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  }, [prefill.kind]);

  usePrefilledCaller(prefill, (pick) => {
    setCaller(pick);
    form.setFieldsValue({
      residentName: form.getFieldValue('residentName') || pick.resident?.name || undefined,
      residentPhone: form.getFieldValue('residentPhone') || pick.resident?.phone || undefined,
    });
  });

  /** R-PH-4: the call the case came from is logged with it; the case stands even if the log fails. */
  const logCall = async (values: IntakeValues, caseId: string) => {
    if (!prefill.callStartedAt || !values.kind) return;
    const purpose =
      values.kind === 'inquiry' || values.kind === 'repair' || values.kind === 'fee' || values.kind === 'complaint' ? values.kind : 'other';
    try {
      await desk.logCall({
        occurredAt: prefill.callStartedAt,
        durationSeconds: Math.max(0, Math.round((Date.now() - Date.parse(prefill.callStartedAt)) / 1000)),
        callerName: orNull(values.residentName) ?? undefined,
        callerPhone: orNull(values.residentPhone) ?? undefined,
        unitId: caller?.unit?.id,
        residentId: caller?.resident?.id,
        purpose,
        outcome: 'case_created',
        askedForId: prefill.askedForId,
        caseId,
      });
    } catch (error) {
      message.warning(t('frontDesk.call.logFailed', { reason: errorText(error) }));
    }
  };

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

  /** The case is not the call's after all: the caller and the call's log entry are left out. */
  const notFromCall = () => {
    setFromCall(false);
    setPrefill((p) => ({ ...p, unitId: undefined, residentId: undefined, callStartedAt: undefined, askedForId: undefined }));
    pickCaller(null);
    form.setFieldsValue({ occurredAt: time.nowPicker() });
  };

  const pickCaller = (pick: LookupPick | null) => {
    setCaller(pick);
    form.setFieldsValue({ residentName: pick?.resident?.name ?? undefined, residentPhone: pick?.resident?.phone ?? undefined });
  };

  /** A repair without a unit sends nobody anywhere and has nowhere to follow up: the desk confirms it means it. */
  const confirmNoUnit = () =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('cases.intake.noUnitTitle'),
        content: <span data-testid="no-unit-confirm">{t('cases.intake.noUnitText')}</span>,
        okText: t('cases.intake.noUnitSave'),
        cancelText: t('cases.intake.noUnitBack'),
        autoFocusButton: 'cancel',
        okButtonProps: { 'data-testid': 'no-unit-save' } as ButtonProps,
        cancelButtonProps: { 'data-testid': 'no-unit-back' } as ButtonProps,
        onOk: () => resolve(true),
        // Answered once the dialog has gone and given the focus back, so that going back can move it to the unit.
        afterClose: () => resolve(false),
      });
    });

  // One save at a time: a second Ctrl+Enter while the question is open or the case is being sent
  // neither asks again nor records the case twice.
  const saving = useRef(false);
  const save = async (values: IntakeValues) => {
    if (!values.kind || saving.current) return;
    saving.current = true;
    try {
      await saveOnce(values);
    } finally {
      saving.current = false;
    }
  };

  const saveOnce = async (values: IntakeValues) => {
    if (!values.kind) return;
    setAlert(null);
    if (values.kind === 'repair' && !caller?.unit && !(await confirmNoUnit())) {
      document.getElementById('case-caller')?.focus();
      return;
    }
    try {
      const created = await create.mutateAsync({
        kind: values.kind,
        channel: values.channel,
        unitId: caller?.unit?.id ?? null,
        residentId: caller?.resident?.id ?? null,
        residentName: orNull(values.residentName),
        residentPhone: orNull(values.residentPhone),
        description: values.description.trim(),
        occurredAt: values.occurredAt ? time.fromPicker(values.occurredAt) : new Date().toISOString(),
        repairClass: values.kind === 'repair' ? (values.repairClass ?? null) : null,
      });
      await logCall(values, created.id);
      message.success(t('cases.intake.saved', { number: created.number }));
      // R-WD-2: the resident at the counter or on the line is thanked once the case is recorded.
      if (values.channel === 'counter' || prefill.callStartedAt)
        thank({ ...addressee, name: orNull(values.residentName) ?? addressee.name });
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
            initialValues={{
              kind: prefill.kind,
              channel: prefill.channel ?? 'phone',
              residentName: prefill.residentName,
              residentPhone: prefill.residentPhone,
              occurredAt: prefill.callStartedAt ? time.toPicker(prefill.callStartedAt) : time.nowPicker(),
            }}
            onFinish={save}
            scrollToFirstError
          >
            <div ref={kindRef}>
              <Form.Item name="kind" label={labels.kind} rules={required(labels.kind)} extra={t('cases.intake.digitsHelp')}>
                <KeyChoice<CaseKind>
                  testId="case-kind"
                  ariaLabel={labels.kind}
                  options={subjectOptions(INTAKE_KINDS, (k) => t(`caseKinds.${k}`))}
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
            {fromCall && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="case-from-call"
                title={t('cases.intake.fromCall', {
                  caller: [caller ? (caller.resident?.name ?? unitLabel(caller.unit)) : null, prefill.residentPhone]
                    .filter(Boolean)
                    .join(' · '),
                })}
                action={
                  <Button size="small" onClick={notFromCall} data-testid="case-not-from-call">
                    {t('cases.intake.notFromCall')}
                  </Button>
                }
              />
            )}
            <Form.Item label={labels.unitId} extra={t('cases.intake.callerHelp')} htmlFor="case-caller">
              <UnitLookup id="case-caller" testId="caller-lookup" value={caller} onChange={pickCaller} />
            </Form.Item>
            {caller?.unit && (
              <Typography.Paragraph data-testid="case-unit">
                {t('cases.intake.unitChosen', { unit: unitLabel(caller.unit) })}
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
            {kind === 'complaint' && (
              <PlanWordsBox title={t('deskWords.complaintTitle')} testId="complaint-words">
                <WordsLine
                  label={t('deskWords.complaintApology')}
                  words={words('complaint_apology', { addressee })}
                  testId="words-complaint-apology"
                />
                <WordsLine
                  label={t('deskWords.complaintForward')}
                  words={words('complaint_forward', { addressee, department: t('deskWords.theDepartment') })}
                  testId="words-complaint-forward"
                />
                <WordsLine
                  label={t('deskWords.complaintEscalate')}
                  words={words('complaint_escalate', { addressee })}
                  testId="words-complaint-escalate"
                />
              </PlanWordsBox>
            )}
            <div ref={descriptionRef}>
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
            </div>
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
