import { CheckOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useStaff } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import { useFollowUpActions } from './api';
import { SubmitTextArea } from './FollowUpTags';
import { TIME_FORMAT, useEstateTime } from './time';
import type { RectificationNotice } from './types';

type Action = 'acknowledge' | 'rectified' | 'void';

interface ActionValues {
  occurredAt?: Dayjs;
  note?: string;
  reason?: string;
}

/**
 * Who may act on a notice: its recipient always acknowledges it and reports it rectified; the
 * desk acknowledges on their behalf (a signed paper copy, `notice.acknowledge`) and the office
 * records the rectification (`notice.rectified`); only a manager voids one (`notice.void`).
 */
export function useNoticeAbilities(notice: RectificationNotice) {
  const can = useCan();
  const mine = notice.recipient.id === useStaff().id;
  return {
    acknowledge: mine || can('notice.acknowledge'),
    rectified: mine || can('notice.rectified'),
    void: can('notice.void'),
  };
}

/**
 * What happens to a notice after it is issued: the maintenance staff acknowledge it (R-RC-2),
 * report it rectified (which schedules a new follow-up, R-RC-3), or a mistaken one is voided
 * with a reason and stays on record. Only what the person may do is shown.
 */
export function NoticeActions({ notice, size }: { notice: RectificationNotice; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Action | null>(null);
  const may = useNoticeAbilities(notice);
  const live = notice.status !== 'void' && notice.status !== 'rectified';
  const acknowledge = notice.status === 'issued' && may.acknowledge;
  // R-RC-2: a notice is acknowledged before it is reported rectified.
  const rectified = notice.status === 'acknowledged' && may.rectified;
  if (!live || !(acknowledge || rectified || may.void)) return null;
  return (
    <>
      <Space wrap size={4} data-testid="notice-actions">
        {acknowledge && (
          <Button size={size} icon={<CheckOutlined />} onClick={() => setDialog('acknowledge')} data-testid="notice-acknowledge">
            {t('rectification.actions.acknowledge')}
          </Button>
        )}
        {rectified && (
          <Button size={size} icon={<SafetyCertificateOutlined />} onClick={() => setDialog('rectified')} data-testid="notice-rectified">
            {t('rectification.actions.rectified')}
          </Button>
        )}
        {may.void && (
          <Button size={size} danger icon={<StopOutlined />} onClick={() => setDialog('void')} data-testid="notice-void">
            {t('rectification.actions.void')}
          </Button>
        )}
      </Space>
      <NoticeActionDialog notice={notice} action={dialog} onClose={() => setDialog(null)} />
    </>
  );
}

function NoticeActionDialog({ notice, action, onClose }: { notice: RectificationNotice; action: Action | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const time = useEstateTime();
  const actions = useFollowUpActions();
  const labels = {
    occurredAt: action === 'rectified' ? t('rectification.fields.rectifiedAt') : t('rectification.fields.acknowledgedAt'),
    note: t('rectification.fields.rectifiedNote'),
    reason: t('rectification.fields.voidReason'),
  };
  const at = (v: ActionValues) => (v.occurredAt ? time.fromPicker(v.occurredAt) : undefined);
  return (
    <FormModal<ActionValues>
      open={action !== null}
      onClose={onClose}
      title={action ? t(`rectification.actions.${action}Title`, { code: notice.code }) : ''}
      testId={`notice-${action ?? 'action'}-form`}
      labels={labels}
      initialValues={action === 'void' ? {} : { occurredAt: time.nowPicker() }}
      onSubmit={async (v) => {
        if (action === 'acknowledge') await actions.acknowledge(notice.id, { occurredAt: at(v) });
        if (action === 'rectified')
          await actions.rectified(notice.id, { occurredAt: at(v), note: v.note?.trim() ? v.note.trim() : undefined });
        if (action === 'void') await actions.voidNotice(notice.id, { reason: v.reason?.trim() ?? '' });
        message.success(t('rectification.actions.done', { code: notice.code }));
      }}
    >
      {action && (
        <Typography.Paragraph type="secondary">
          {t(`rectification.actions.${action}Help`, { name: notice.recipient.name })}
        </Typography.Paragraph>
      )}
      {action !== 'void' && (
        <Form.Item name="occurredAt" label={labels.occurredAt}>
          <DatePicker showTime format={TIME_FORMAT} autoFocus />
        </Form.Item>
      )}
      {action === 'rectified' && (
        <Form.Item name="note" label={labels.note}>
          <SubmitTextArea rows={3} maxLength={2000} data-testid="notice-rectified-note" />
        </Form.Item>
      )}
      {action === 'void' && (
        <Form.Item
          name="reason"
          label={labels.reason}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.reason }) }]}
        >
          <Input maxLength={500} autoFocus data-testid="notice-void-reason" />
        </Form.Item>
      )}
    </FormModal>
  );
}
