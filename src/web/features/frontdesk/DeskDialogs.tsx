import { App, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_FORMAT, useEstateTime } from '../../app/time';
import { FormModal } from '../../components/FormModal';
import { KeyChoice, subjectOptions } from '../cases/KeyChoice';
import { usePresenceBoard } from '../directory/api';
import type { ResidentTitle } from '../directory/types';
import { UnitField, type UnitRef } from '../directory/UnitLookup';
import { SubmitTextArea } from '../followups/FollowUpTags';
import { useUntilText } from '../presence/PresenceCard';
import { useCallbackDue, useFrontDeskActions } from './api';
import { ColleagueSelect } from './ColleagueSelect';
import { type Addressee, PlanWordsBox, usePlanWords, useThanksNotice, WordsLine } from './PlanWords';
import { clockText, reasonOf } from './scripts';
import {
  CALL_OUTCOMES,
  CALL_PURPOSES,
  CALLBACK_REASONS,
  type Call,
  type CallbackReason,
  type CallOutcome,
  type CallPurpose,
  type Message,
} from './types';

const optional = (value: string | null | undefined) => (value?.trim() ? value.trim() : undefined);

/** The call a message or a log entry comes from: when it started and who is on the line. */
export interface CallContext {
  startedAt: number;
  residentId: string | null;
}

/** What the desk already knows when it opens the message form. */
export interface MessageDraft {
  forStaffId?: string | null;
  callerName?: string | null;
  callerPhone?: string | null;
  unit?: UnitRef | null;
  reason?: CallbackReason;
  expectedBackAt?: string | null;
  fromUnansweredTransfer?: boolean;
  /** A message taken on the phone is also a call of the log (R-PH-4), logged with it. */
  call?: CallContext;
  /** How the visitor is addressed, when the desk knows the resident (R-WD-2). */
  callerTitle?: ResidentTitle | null;
}

interface MessageValues {
  callerName: string;
  callerPhone?: string;
  unitId?: string | null;
  text: string;
  forStaffId: string;
  reason: CallbackReason;
  expectedBackAt?: Dayjs | null;
  fromUnansweredTransfer: boolean;
}

/**
 * R-PH-2, R-PH-3: a message for a colleague. The reason and the time they are back come from
 * the presence board and may be changed; saving opens the colleague's call-back deadline.
 */
export function TakeMessageDialog({
  draft,
  onClose,
  onTaken,
}: {
  draft: MessageDraft | null;
  onClose: () => void;
  onTaken?: (message: Message) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const time = useEstateTime();
  const actions = useFrontDeskActions();
  const thank = useThanksNotice();
  const words = usePlanWords();
  const untilText = useUntilText();
  // A call is logged once, even when the message itself has to be corrected and sent again.
  const loggedCall = useRef<string | null>(null);
  const labels = {
    callerName: t('frontDesk.message.fields.callerName'),
    callerPhone: t('frontDesk.message.fields.callerPhone'),
    unitId: t('frontDesk.message.fields.unit'),
    text: t('frontDesk.message.fields.text'),
    forStaffId: t('frontDesk.message.fields.for'),
    reason: t('frontDesk.message.fields.reason'),
    expectedBackAt: t('frontDesk.message.fields.expectedBackAt'),
    fromUnansweredTransfer: t('frontDesk.message.fields.unansweredTransfer'),
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t('form.required', { field }) }];

  const submit = async (v: MessageValues) => {
    if (!draft) return;
    let callId = loggedCall.current;
    if (draft.call && !callId) {
      const call = await actions.logCall({
        occurredAt: new Date(draft.call.startedAt).toISOString(),
        durationSeconds: Math.max(0, Math.round((Date.now() - draft.call.startedAt) / 1000)),
        callerName: optional(v.callerName),
        callerPhone: optional(v.callerPhone),
        unitId: v.unitId ?? undefined,
        residentId: draft.call.residentId ?? undefined,
        purpose: 'colleague',
        outcome: v.fromUnansweredTransfer ? 'unanswered_transfer' : 'message_taken',
        askedForId: v.forStaffId,
      });
      callId = call.id;
      loggedCall.current = call.id;
    }
    const taken = await actions.takeMessage({
      callerName: v.callerName.trim(),
      callerPhone: optional(v.callerPhone),
      unitId: v.unitId ?? undefined,
      text: v.text.trim(),
      forStaffId: v.forStaffId,
      reason: v.reason,
      expectedBackAt: v.reason === 'absent' && v.expectedBackAt ? time.fromPicker(v.expectedBackAt) : undefined,
      fromUnansweredTransfer: v.fromUnansweredTransfer,
      callId,
    });
    message.success(t('frontDesk.message.taken', { name: taken.for.name, time: time.format(taken.callbackDueAt, 'HH:mm') }));
    // R-WD-2: a message is a registration the caller or visitor is thanked for; on the phone the
    // desk first promises the call-back, by the time the office has just committed to (R-PH-3).
    const addressee = { name: v.callerName.trim(), title: draft.callerTitle ?? null };
    const callBack = draft.call
      ? words('call_back_later', { addressee, name: taken.for.name, time: untilText(taken.callbackDueAt) ?? '' })
      : null;
    thank(addressee, { callBack });
    onTaken?.(taken);
  };

  const close = () => {
    loggedCall.current = null;
    onClose();
  };

  return (
    <FormModal<MessageValues>
      open={draft !== null}
      onClose={close}
      title={
        <Tooltip title={t('frontDesk.message.titleRule')}>
          <span>{t('frontDesk.message.title')}</span>
        </Tooltip>
      }
      testId="message-form"
      labels={labels}
      width={620}
      submitText={t('frontDesk.message.submit')}
      initialValues={{
        callerName: draft?.callerName ?? '',
        callerPhone: draft?.callerPhone ?? '',
        unitId: draft?.unit?.id ?? null,
        forStaffId: draft?.forStaffId ?? undefined,
        reason: draft?.reason ?? 'promise',
        expectedBackAt: draft?.expectedBackAt ? time.toPicker(draft.expectedBackAt) : null,
        fromUnansweredTransfer: draft?.fromUnansweredTransfer ?? false,
      }}
      onSubmit={submit}
    >
      <ReasonFollowsColleague initial={draft?.forStaffId} />
      {draft?.call && <CallBackWords addressee={{ name: draft.callerName ?? null, title: draft.callerTitle ?? null }} />}
      <Form.Item name="forStaffId" label={labels.forStaffId} rules={required(labels.forStaffId)}>
        <ColleagueSelect testId="message-for" allowClear={false} />
      </Form.Item>
      <Form.Item name="text" label={labels.text} rules={required(labels.text)} extra={t('frontDesk.message.textHelp')}>
        <SubmitTextArea rows={3} maxLength={2000} showCount autoFocus data-testid="message-text" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="callerName" label={labels.callerName} rules={required(labels.callerName)}>
            <Input maxLength={100} data-testid="message-caller-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="callerPhone" label={labels.callerPhone}>
            <Input maxLength={20} inputMode="tel" data-testid="message-caller-phone" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="unitId" label={labels.unitId}>
        <UnitField known={draft?.unit} testId="message-unit" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="reason" label={labels.reason} extra={t('frontDesk.message.reasonHelp')}>
            <Radio.Group
              optionType="button"
              options={CALLBACK_REASONS.map((r) => ({ value: r, label: t(`frontDesk.message.reasons.${r}`) }))}
              data-testid="message-reason"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item noStyle shouldUpdate={(a: MessageValues, b: MessageValues) => a.reason !== b.reason}>
            {({ getFieldValue }) =>
              getFieldValue('reason') === 'absent' ? (
                <Form.Item
                  name="expectedBackAt"
                  label={labels.expectedBackAt}
                  extra={t('frontDesk.message.expectedBackHelp', { zone: time.zoneName })}
                >
                  <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={TIME_FORMAT} data-testid="message-expected-back" />
                </Form.Item>
              ) : null
            }
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="fromUnansweredTransfer" valuePropName="checked">
        <Checkbox data-testid="message-transfer">{labels.fromUnansweredTransfer}</Checkbox>
      </Form.Item>
      <Typography.Text type="secondary">
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {t('frontDesk.shortcuts.save')}
      </Typography.Text>
    </FormModal>
  );
}

/**
 * R-WD-2, R-PH-3: while a message is taken on the phone, the desk promises the call-back by the
 * time the office would commit to if it were saved now (asked of the server as the form changes).
 */
function CallBackWords({ addressee }: { addressee: Addressee }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<MessageValues>();
  const time = useEstateTime();
  const untilText = useUntilText();
  const words = usePlanWords();
  const forStaffId = Form.useWatch('forStaffId', form);
  const reason = Form.useWatch('reason', form);
  const expectedBackAt = Form.useWatch('expectedBackAt', form);
  const board = usePresenceBoard();
  const name = board.data?.items.find((r) => r.staff.id === forStaffId)?.staff.name;
  const due = useCallbackDue({
    forStaffId,
    reason,
    expectedBackAt: reason === 'absent' && expectedBackAt ? time.fromPicker(expectedBackAt) : undefined,
  });
  if (!forStaffId || !name || !due.data) return null;
  return (
    <PlanWordsBox title={t('deskWords.phoneTitle')} testId="call-back-words">
      <WordsLine
        label={t('deskWords.callBack')}
        words={words('call_back_later', { addressee, name, time: untilText(due.data.callbackDueAt) ?? '' })}
        testId="words-call-back"
      />
    </PlanWordsBox>
  );
}

/** Choosing whom the message is for sets the reason and the time back from their presence. */
function ReasonFollowsColleague({ initial }: { initial: string | null | undefined }) {
  const form = Form.useFormInstance<MessageValues>();
  const forStaffId = Form.useWatch('forStaffId', form);
  const board = usePresenceBoard();
  const time = useEstateTime();
  const latest = useRef({ rows: board.data?.items, toPicker: time.toPicker });
  latest.current = { rows: board.data?.items, toPicker: time.toPicker };
  const last = useRef(initial ?? undefined);
  useEffect(() => {
    if (!forStaffId || forStaffId === last.current) return;
    last.current = forStaffId;
    const row = latest.current.rows?.find((r) => r.staff.id === forStaffId);
    if (!row) return;
    form.setFieldsValue({
      reason: reasonOf(row.presence.state),
      expectedBackAt: row.presence.until ? latest.current.toPicker(row.presence.until) : null,
    });
  }, [forStaffId, form]);
  return null;
}

/** What the desk knows of the call when it opens the log form. */
export interface CallDraft {
  startedAt: number;
  callerName?: string | null;
  callerPhone?: string | null;
  unit?: UnitRef | null;
  residentId?: string | null;
  askedForId?: string | null;
  purpose?: CallPurpose;
  outcome?: CallOutcome;
  /** The length the phone system measured, once the call has ended (R-PH-5); otherwise it runs until saved. */
  durationSeconds?: number | null;
}

interface CallValues {
  purpose: CallPurpose;
  outcome: CallOutcome;
  callerName?: string;
  callerPhone?: string;
  unitId?: string | null;
  askedForId?: string | null;
  note?: string;
}

/** R-PH-4: every call is logged with caller, unit, purpose and outcome; its length runs from when the desk picked up. */
export function LogCallDialog({
  draft,
  onClose,
  onLogged,
}: {
  draft: CallDraft | null;
  onClose: () => void;
  onLogged?: (call: Call) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useFrontDeskActions();
  const labels = {
    purpose: t('frontDesk.call.fields.purpose'),
    outcome: t('frontDesk.call.fields.outcome'),
    callerName: t('frontDesk.call.fields.callerName'),
    callerPhone: t('frontDesk.call.fields.callerPhone'),
    unitId: t('frontDesk.call.fields.unit'),
    askedForId: t('frontDesk.call.fields.askedFor'),
    note: t('frontDesk.call.fields.note'),
    durationSeconds: t('frontDesk.call.fields.duration'),
  };
  const required = (field: string) => [{ required: true, message: t('form.required', { field }) }];
  const measured = draft?.durationSeconds ?? null;
  const elapsed = measured !== null ? measured * 1000 : draft ? Date.now() - draft.startedAt : 0;

  return (
    <FormModal<CallValues>
      open={draft !== null}
      onClose={onClose}
      title={t('frontDesk.call.title')}
      testId="call-form"
      labels={labels}
      width={680}
      submitText={t('frontDesk.call.submit')}
      initialValues={{
        purpose: draft?.purpose ?? (draft?.askedForId ? 'colleague' : 'inquiry'),
        outcome: draft?.outcome ?? 'answered',
        callerName: draft?.callerName ?? '',
        callerPhone: draft?.callerPhone ?? '',
        unitId: draft?.unit?.id ?? null,
        askedForId: draft?.askedForId ?? null,
      }}
      onSubmit={async (v) => {
        if (!draft) return;
        const call = await actions.logCall({
          occurredAt: new Date(draft.startedAt).toISOString(),
          durationSeconds: draft.durationSeconds ?? Math.max(0, Math.round((Date.now() - draft.startedAt) / 1000)),
          callerName: optional(v.callerName),
          callerPhone: optional(v.callerPhone),
          unitId: v.unitId ?? undefined,
          residentId: draft.residentId && v.unitId === (draft.unit?.id ?? null) ? draft.residentId : undefined,
          purpose: v.purpose,
          outcome: v.outcome,
          askedForId: v.askedForId ?? undefined,
          note: optional(v.note),
        });
        message.success(t('frontDesk.call.logged'));
        onLogged?.(call);
      }}
    >
      <Typography.Paragraph type="secondary" data-testid="call-form-duration">
        {t('frontDesk.call.durationSoFar', { duration: clockText(elapsed) })}
      </Typography.Paragraph>
      <Form.Item name="purpose" label={labels.purpose} rules={required(labels.purpose)}>
        <KeyChoice<CallPurpose>
          testId="call-purpose"
          ariaLabel={labels.purpose}
          options={subjectOptions(CALL_PURPOSES, (p) => t(`frontDesk.call.purposes.${p}`))}
        />
      </Form.Item>
      <Form.Item name="outcome" label={labels.outcome} rules={required(labels.outcome)}>
        <KeyChoice<CallOutcome>
          testId="call-outcome"
          ariaLabel={labels.outcome}
          options={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`frontDesk.call.outcomes.${o}`) }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="callerName" label={labels.callerName}>
            <Input maxLength={100} data-testid="call-caller-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="callerPhone" label={labels.callerPhone}>
            <Input maxLength={20} inputMode="tel" data-testid="call-caller-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="unitId" label={labels.unitId}>
            <UnitField known={draft?.unit} testId="call-unit" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="askedForId" label={labels.askedForId}>
            <ColleagueSelect testId="call-asked-for" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={labels.note}>
        <SubmitTextArea rows={2} maxLength={5000} autoFocus data-testid="call-note" />
      </Form.Item>
      <Typography.Text type="secondary">
        {t('frontDesk.shortcuts.digits')} · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {t('frontDesk.shortcuts.save')}
      </Typography.Text>
    </FormModal>
  );
}
