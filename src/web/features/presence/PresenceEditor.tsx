import { DatePicker, Form, Input, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useEstateTime } from '../../app/time';
import { FormModal } from '../../components/FormModal';
import { PRESENCE_STATES, type PresenceRow, type PresenceState, type UpdatePresenceInput } from '../directory/types';

interface PresenceValues {
  state: PresenceState;
  until: Dayjs | null;
  note: string | null;
  onTask: boolean;
}

/** Sets one staff member's presence; who may set whose is the server's decision. */
export function PresenceEditor({ row, onClose, onSaved }: { row: PresenceRow | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  // The return time is the estate's wall clock, whatever zone the browser is in.
  const time = useEstateTime();
  const labels = {
    state: t('presence.state'),
    until: t('presence.until'),
    note: t('presence.note'),
    onTask: t('presence.onTask'),
  };

  return (
    <FormModal<PresenceValues>
      open={row !== null}
      onClose={onClose}
      title={row ? t('presence.editTitle', { name: row.staff.name }) : ''}
      testId="presence-form"
      labels={labels}
      initialValues={
        row
          ? {
              state: row.presence.state,
              until: row.presence.until ? time.toPicker(row.presence.until) : null,
              note: row.presence.note,
              onTask: row.presence.onTask,
            }
          : undefined
      }
      onSubmit={async (values) => {
        if (!row) return;
        const body: UpdatePresenceInput = {
          state: values.state,
          until: values.until ? time.fromPicker(values.until) : null,
          note: values.note?.trim() ? values.note.trim() : null,
          onTask: values.onTask,
        };
        await api.put(`/staff/${row.staff.id}/presence`, body);
        onSaved();
      }}
    >
      <Form.Item name="state" label={labels.state} rules={[{ required: true }]}>
        <Select options={PRESENCE_STATES.map((s) => ({ value: s, label: t(`presence.states.${s}`) }))} autoFocus />
      </Form.Item>
      <Form.Item name="until" label={labels.until} extra={t('presence.untilHelp')}>
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          data-testid="presence-until"
        />
      </Form.Item>
      <Form.Item name="note" label={labels.note}>
        <Input maxLength={200} showCount />
      </Form.Item>
      <Form.Item name="onTask" label={labels.onTask} valuePropName="checked" extra={t('presence.onTaskHelp')}>
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
