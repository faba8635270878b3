import { CheckOutlined, LockOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CashierDay, CashierDayState } from '../../../contract/fees';
import { useCan } from '../../app/session';
import { useEstateTime } from '../../app/time';
import { FormModal } from '../../components/FormModal';
import { useFeeActions } from './api';
import { feeUnitText, PAYMENT_METHODS, useMoney, VoidTag } from './money';

type Receipt = CashierDay['receiptsInOrder'][number];
type VoidBooked = CashierDay['voidsBooked'][number];

export function DayStateTag({ state }: { state: CashierDayState }) {
  const { t } = useTranslation();
  const color = state === 'open' ? 'processing' : state === 'closed' ? 'orange' : 'green';
  return (
    <Tag color={color} data-testid="cashier-day-state" data-state={state}>
      {t(`cashierDays.states.${state}`)}
    </Tag>
  );
}

/** Close (the cashier) or check (the manager) a day, with a note. */
function DayAction({ day, kind }: { day: CashierDay; kind: 'close' | 'check' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useFeeActions();
  const [open, setOpen] = useState(false);
  const label = t(`cashierDays.${kind}Note`);
  return (
    <>
      <Button
        type="primary"
        icon={kind === 'close' ? <LockOutlined /> : <CheckOutlined />}
        onClick={() => setOpen(true)}
        data-testid={`cashier-day-${kind}`}
      >
        {t(`cashierDays.${kind}`)}
      </Button>
      <FormModal<{ note?: string }>
        open={open}
        onClose={() => setOpen(false)}
        title={t(`cashierDays.${kind}Title`, { date: day.date, name: day.cashierName })}
        testId={`cashier-day-${kind}-form`}
        labels={{ note: label }}
        submitText={t(`cashierDays.${kind}`)}
        onSubmit={async (v) => {
          const body = { note: v.note?.trim() ? v.note.trim() : null };
          if (kind === 'close') await actions.closeDay(day.id, body);
          else await actions.checkDay(day.id, body);
          message.success(t(`cashierDays.${kind}Done`, { date: day.date }));
        }}
      >
        <Typography.Paragraph type="secondary">{t(`cashierDays.${kind}Help`)}</Typography.Paragraph>
        <Form.Item name="note" label={label}>
          <Input.TextArea rows={2} maxLength={500} data-testid={`cashier-day-${kind}-note`} />
        </Form.Item>
      </FormModal>
    </>
  );
}

/**
 * R-FE-4: a cashier's day: takings by method, the receipts in number order and the voids booked
 * on it; the cashier closes it, the manager checks it, and a closed day reads only.
 */
export function CashierDayView({ day }: { day: CashierDay }) {
  const { t } = useTranslation();
  const can = useCan();
  const money = useMoney();
  const time = useEstateTime();
  const c = day.currency;
  return (
    <div data-testid="cashier-day" data-day-id={day.id}>
      <Space wrap style={{ marginBottom: 12 }}>
        <DayStateTag state={day.state} />
        {day.state === 'open' && can('fee.day.close') && <DayAction day={day} kind="close" />}
        {day.state === 'closed' && can('fee.day.check') && <DayAction day={day} kind="check" />}
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('cashierDays.date')}>{day.date}</Descriptions.Item>
        <Descriptions.Item label={t('cashierDays.cashier')}>{day.cashierName}</Descriptions.Item>
        <Descriptions.Item label={t('cashierDays.total')}>
          <strong data-testid="cashier-day-total">{money(day.total, c)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('cashierDays.receipts')}>{day.receipts}</Descriptions.Item>
        <Descriptions.Item label={t('cashierDays.voids')}>{day.voids}</Descriptions.Item>
        {day.closedAt && <Descriptions.Item label={t('cashierDays.closedAt')}>{time.format(day.closedAt)}</Descriptions.Item>}
        {day.closeNote && <Descriptions.Item label={t('cashierDays.closeNote')}>{day.closeNote}</Descriptions.Item>}
        {day.checkedAt && (
          <Descriptions.Item label={t('cashierDays.checkedAt')}>
            {time.format(day.checkedAt)} · {day.checkedByName ?? ''}
          </Descriptions.Item>
        )}
        {day.checkNote && <Descriptions.Item label={t('cashierDays.checkNote')}>{day.checkNote}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5}>{t('cashierDays.byMethod')}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} style={{ marginBottom: 16 }} data-testid="cashier-day-methods">
        {PAYMENT_METHODS.map((m) => (
          <Descriptions.Item key={m} label={t(`feeCounter.methods.${m}`)}>
            {money(day.byMethod[m], c)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Title level={5}>{t('cashierDays.receiptsInOrder')}</Typography.Title>
      <Table<Receipt>
        size="small"
        rowKey="paymentId"
        pagination={false}
        scroll={{ x: true }}
        dataSource={day.receiptsInOrder}
        data-testid="cashier-day-receipts"
        locale={{ emptyText: t('cashierDays.noReceipts') }}
        columns={[
          {
            title: t('feeCounter.receipt.number'),
            key: 'number',
            render: (_, r) => (
              <Space size={4}>
                <Link to={`/fees/receipts/${r.paymentId}`}>{r.receiptNumber}</Link>
                <VoidTag voided={r.voided} />
              </Space>
            ),
          },
          { title: t('feeCounter.receipt.unit'), key: 'unit', render: (_, r) => feeUnitText(r.unit) },
          { title: t('feeCounter.pay.payer'), dataIndex: 'payer', key: 'payer' },
          { title: t('feeCounter.pay.method'), key: 'method', render: (_, r) => t(`feeCounter.methods.${r.method}`) },
          { title: t('feeCounter.receipt.receivedAt'), key: 'at', render: (_, r) => time.format(r.receivedAt, 'HH:mm') },
          { title: t('feeCounter.receipt.amount'), key: 'amount', align: 'right', render: (_, r) => money(r.amount, c) },
        ]}
      />
      {day.voidsBooked.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('cashierDays.voidsBooked')}
          </Typography.Title>
          <Table<VoidBooked>
            size="small"
            rowKey="paymentId"
            pagination={false}
            dataSource={day.voidsBooked}
            columns={[
              { title: t('feeCounter.receipt.number'), dataIndex: 'receiptNumber', key: 'number' },
              { title: t('feeCounter.void.reason'), dataIndex: 'reason', key: 'reason' },
              {
                title: t('cashierDays.originalDate'),
                key: 'original',
                render: (_, v) => (v.originalDayId !== day.id ? <Tag color="warning">{v.originalDate}</Tag> : v.originalDate),
              },
              { title: t('feeCounter.receipt.amount'), key: 'amount', align: 'right', render: (_, v) => `−${money(v.amount, c)}` },
            ]}
          />
        </>
      )}
    </div>
  );
}
