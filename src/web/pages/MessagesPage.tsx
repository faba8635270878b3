import { CheckOutlined, ReloadOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useStaff } from '../app/session';
import { useEstateTime } from '../app/time';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { useListParams } from '../components/useListParams';
import { useNow } from '../features/cases/ObligationBadge';
import { unitLabel } from '../features/directory/UnitLookup';
import { useMessages } from '../features/frontdesk/api';
import { CallbackDialog, CallbackTag, HandOnDialog } from '../features/frontdesk/MessageDialogs';
import { MESSAGE_STATUSES, MESSAGE_WHOSE, type Message, type MessageStatus, type MessageWhose } from '../features/frontdesk/types';
import { ruleTitle } from '../i18n';

const FILTERS = ['for', 'status'] as const;

const isWhose = (value: string | undefined): value is MessageWhose => MESSAGE_WHOSE.includes(value as MessageWhose);
const isStatus = (value: string | undefined): value is MessageStatus => MESSAGE_STATUSES.includes(value as MessageStatus);

/**
 * Messages and call-backs (R-PH-2, R-PH-3): mine or everyone's, open, overdue or done. A
 * message taken at the desk appears here at once (the live stream), with its call-back due time.
 */
export default function MessagesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const time = useEstateTime();
  const now = useNow(15_000);
  const { params, update, pagination } = useListParams('callbackDueAt', FILTERS);
  const can = useCan();
  const me = useStaff();
  // Everyone's messages are the desk's to see (`message.read`); everyone else sees the ones left for them.
  const mayReadAll = can('message.read');
  const whoseChoices = MESSAGE_WHOSE.filter((w) => w === 'me' || mayReadAll);
  const whose: MessageWhose = isWhose(params.filters.for) && whoseChoices.includes(params.filters.for) ? params.filters.for : 'me';
  /** The person a message is for calls back or hands it on; the desk may do it for anyone. */
  const mayHandle = (m: Message) => m.for.id === me.id || can('message.handle');
  const status: MessageStatus = isStatus(params.filters.status) ? params.filters.status : 'open';
  const { data, isPending, isFetching, error, refetch } = useMessages({
    for: whose === 'me' ? 'me' : undefined,
    status,
    page: params.page,
    pageSize: params.pageSize,
  });
  const [callingBack, setCallingBack] = useState<Message | null>(null);
  const [handingOn, setHandingOn] = useState<Message | null>(null);

  const columns: TableColumnsType<Message> = [
    {
      key: 'due',
      title: t('frontDesk.messages.fields.due'),
      width: 170,
      render: (_, m) => (
        <Space orientation="vertical" size={2}>
          <CallbackTag message={m} now={now} />
          <Typography.Text type="secondary" data-testid="message-due-at">
            {m.calledBackAt
              ? t('frontDesk.messages.calledBackAt', { time: time.format(m.calledBackAt), name: m.calledBackBy?.name ?? '' })
              : time.format(m.callbackDueAt)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'caller',
      title: t('frontDesk.messages.fields.caller'),
      render: (_, m) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong data-testid="message-caller">
            {m.callerName}
          </Typography.Text>
          {m.callerPhone && (
            <a href={`tel:${m.callerPhone}`} data-testid="message-phone">
              {m.callerPhone}
            </a>
          )}
          {m.unit && <Typography.Text type="secondary">{unitLabel(m.unit)}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'text',
      title: t('frontDesk.messages.fields.text'),
      render: (_, m) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text data-testid="message-text-shown">{m.text}</Typography.Text>
          <Space size={4} wrap>
            <Tag>{t(`frontDesk.message.reasons.${m.reason}`)}</Tag>
            {m.fromUnansweredTransfer && <Tag color="orange">{t('frontDesk.messages.unansweredTransfer')}</Tag>}
            {m.handedOnFrom && <Tag color="purple">{t('frontDesk.messages.handedOnFrom', { name: m.handedOnFrom.name })}</Tag>}
            {m.expectedBackAt && (
              <Typography.Text type="secondary">
                {t('frontDesk.messages.expectedBack', { time: time.format(m.expectedBackAt, 'HH:mm') })}
              </Typography.Text>
            )}
          </Space>
          {m.callbackNote && <Typography.Text type="secondary">{m.callbackNote}</Typography.Text>}
        </Space>
      ),
    },
    ...(whose === 'all'
      ? [{ key: 'for', title: t('frontDesk.messages.fields.for'), render: (_: unknown, m: Message) => m.for.name, width: 110 }]
      : []),
    {
      key: 'taken',
      title: t('frontDesk.messages.fields.takenBy'),
      width: 170,
      render: (_, m) => (
        <Space orientation="vertical" size={0}>
          <span data-testid="message-taken-by">{m.takenBy.name}</span>
          <Typography.Text type="secondary">{time.format(m.takenAt)}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_, m) =>
        m.calledBackAt || !mayHandle(m) ? null : (
          <Space orientation="vertical" size={4}>
            <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setCallingBack(m)} data-testid="message-callback">
              {t('frontDesk.messages.callbackDone')}
            </Button>
            <Button size="small" icon={<SwapOutlined />} onClick={() => setHandingOn(m)} data-testid="message-hand-on">
              {t('frontDesk.messages.handOn')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <div data-testid="messages-page">
      <PageHeader
        title={t('frontDesk.messages.title')}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={isFetching} aria-label={t('common.reload')} />}
      />
      <div className="ed-toolbar">
        {whoseChoices.length > 1 && (
          <Segmented<MessageWhose>
            value={whose}
            onChange={(value) => update({ filters: { for: value === 'me' ? undefined : value } })}
            options={whoseChoices.map((w) => ({
              value: w,
              label: <span data-testid={`messages-for-${w}`}>{t(`frontDesk.messages.whose.${w}`)}</span>,
            }))}
            aria-label={t('frontDesk.messages.whoseLabel')}
          />
        )}
        <Segmented<MessageStatus>
          value={status}
          onChange={(value) => update({ filters: { status: value === 'open' ? undefined : value } })}
          options={MESSAGE_STATUSES.map((s) => ({
            value: s,
            label: <span data-testid={`messages-status-${s}`}>{t(`frontDesk.messages.statuses.${s}`)}</span>,
          }))}
          aria-label={t('frontDesk.messages.statusLabel')}
        />
        <Typography.Text type="secondary" title={ruleTitle('frontDesk.messages.rule')}>
          {t('frontDesk.messages.rule')}
        </Typography.Text>
      </div>
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <ResponsiveTable<Message>
        rowKey="id"
        columns={columns}
        dataSource={data?.items}
        loading={isPending}
        locale={{ emptyText: t(`frontDesk.messages.empty.${status}`) }}
        onRow={(m) => ({ 'data-message-id': m.id, 'data-state': m.state }) as HTMLAttributes<HTMLElement>}
        pagination={pagination(data?.total)}
        onChange={(p) => update(p.pageSize !== params.pageSize ? { pageSize: p.pageSize } : { page: p.current })}
        scroll={{ x: 900 }}
        data-testid="messages-table"
      />
      <CallbackDialog message={callingBack} onClose={() => setCallingBack(null)} />
      <HandOnDialog message={handingOn} onClose={() => setHandingOn(null)} />
    </div>
  );
}
