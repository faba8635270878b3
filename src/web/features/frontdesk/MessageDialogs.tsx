import { App, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { DeadlineTag } from '../cases/ObligationBadge';
import { unitLabel } from '../directory/UnitLookup';
import { FormPhraseTextArea, phraseWarningCount } from '../phrases/PhraseCheckedTextArea';
import { useFrontDeskActions } from './api';
import { ColleagueSelect } from './ColleagueSelect';
import type { Message } from './types';

/** A call-back counts as "due soon" in its last hour, as the server judges it (R-PH-3). */
const DUE_SOON_HOURS = 1;

/** Open, due soon, overdue, done on time or late: counted again on screen so an open page stays right. */
export function CallbackTag({ message, now }: { message: Message; now: number }) {
  const metOnTime = message.calledBackAt ? Date.parse(message.calledBackAt) <= Date.parse(message.callbackDueAt) : null;
  return (
    <DeadlineTag
      obligation={{ state: message.state, dueAt: message.callbackDueAt, metOnTime, metAt: message.calledBackAt }}
      now={now}
      dueSoonHours={DUE_SOON_HOURS}
      testId="callback-state"
    />
  );
}

function Subject({ message }: { message: Message }) {
  return (
    <Typography.Paragraph type="secondary" data-testid="message-form-subject">
      {[message.callerName, message.callerPhone, unitLabel(message.unit)].filter(Boolean).join(' · ')}
      <br />
      {message.text}
    </Typography.Paragraph>
  );
}

/** R-PH-3: the call-back is made; a note says what was agreed. */
export function CallbackDialog({ message, onClose }: { message: Message | null; onClose: () => void }) {
  const { t } = useTranslation();
  const app = App.useApp();
  const actions = useFrontDeskActions();
  const labels = { note: t('frontDesk.messages.fields.callbackNote') };
  return (
    <FormModal<{ note?: string }>
      open={message !== null}
      onClose={onClose}
      title={t('frontDesk.messages.callbackTitle')}
      testId="callback-form"
      labels={labels}
      submitText={t('frontDesk.messages.callbackDone')}
      onSubmit={async (v) => {
        if (!message) return;
        const answer = await actions.callback(message.id, { note: v.note?.trim() ? v.note.trim() : undefined });
        app.message.success(t('frontDesk.messages.calledBack', { name: message.callerName }));
        const left = phraseWarningCount(answer);
        if (left > 0) app.message.warning(t('phrases.check.sentWithWarnings', { count: left }));
      }}
    >
      {message && <Subject message={message} />}
      <Form.Item name="note" label={labels.note} extra={<kbd>Ctrl+Enter</kbd>}>
        <FormPhraseTextArea rows={3} maxLength={2000} autoFocus data-testid="callback-note" />
      </Form.Item>
    </FormModal>
  );
}

/** Hands the call-back on to a colleague; its deadline goes with it. */
export function HandOnDialog({ message, onClose }: { message: Message | null; onClose: () => void }) {
  const { t } = useTranslation();
  const app = App.useApp();
  const actions = useFrontDeskActions();
  const labels = { toStaffId: t('frontDesk.messages.fields.handOnTo'), note: t('frontDesk.messages.fields.handOnNote') };
  return (
    <FormModal<{ toStaffId: string; note?: string }>
      open={message !== null}
      onClose={onClose}
      title={t('frontDesk.messages.handOnTitle')}
      testId="hand-on-form"
      labels={labels}
      submitText={t('frontDesk.messages.handOn')}
      onSubmit={async (v) => {
        if (!message) return;
        const saved = await actions.handOn(message.id, { toStaffId: v.toStaffId, note: v.note?.trim() ? v.note.trim() : undefined });
        app.message.success(t('frontDesk.messages.handedOn', { name: saved.for.name }));
      }}
    >
      {message && <Subject message={message} />}
      <Form.Item
        name="toStaffId"
        label={labels.toStaffId}
        rules={[{ required: true, message: t('form.required', { field: labels.toStaffId }) }]}
      >
        <ColleagueSelect testId="hand-on-to" allowClear={false} autoFocus exclude={message ? [message.for.id] : []} />
      </Form.Item>
      <Form.Item name="note" label={labels.note}>
        <Input maxLength={500} data-testid="hand-on-note" />
      </Form.Item>
    </FormModal>
  );
}
