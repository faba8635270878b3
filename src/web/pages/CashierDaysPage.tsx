import { Alert, Card, DatePicker, Drawer, Empty, Skeleton, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashierDayState, CashierDaySummary } from '../../contract/fees';
import { useCan } from '../app/session';
import { useErrorText } from '../components/errors';
import { FilterSelect, ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { useListParams } from '../components/useListParams';
import { useEstateRecord } from '../features/directory/api';
import { useCashierDay, useCashierDays, useMyCashierDay } from '../features/fees/api';
import { CashierDayView, DayStateTag } from '../features/fees/CashierDayView';
import { useMoney } from '../features/fees/money';

const STATES: readonly CashierDayState[] = ['open', 'closed', 'checked'];
const FILTERS = ['state', 'date'] as const;
const isState = (v: string | undefined): v is CashierDayState => STATES.some((s) => s === v);
const isDay = (v: string | undefined): v is string => Boolean(v && /^\d{4}-\d{2}-\d{2}$/.test(v));

function MyDay() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const mine = useMyCashierDay({ enabled: true });
  return (
    <Card size="small" title={t('cashierDays.mine')} style={{ marginBottom: 16 }} data-testid="cashier-day-mine">
      {mine.isPending ? (
        <Skeleton active />
      ) : mine.error ? (
        <Alert type="error" showIcon title={errorText(mine.error)} />
      ) : mine.data ? (
        <CashierDayView day={mine.data} />
      ) : (
        <Empty description={t('cashierDays.noneToday')} />
      )}
    </Card>
  );
}

function DayDrawer({ dayId, onClose }: { dayId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const day = useCashierDay(dayId);
  return (
    <Drawer open={dayId !== null} onClose={onClose} size="large" title={t('cashierDays.detail')} destroyOnHidden>
      {day.data ? <CashierDayView day={day.data} /> : <Skeleton active />}
    </Drawer>
  );
}

/** R-FE-4: my day at the counter, and the days of every cashier for those who read the accounts. */
export default function CashierDaysPage() {
  const { t } = useTranslation();
  const can = useCan();
  const money = useMoney();
  const mayList = can('fee.account.read');
  const currency = useEstateRecord().data?.policy.currency ?? 'HKD';
  const list = useListParams('-date', FILTERS);
  const { filters } = list.params;
  const query = {
    page: list.params.page,
    pageSize: list.params.pageSize,
    state: isState(filters.state) ? filters.state : undefined,
    date: isDay(filters.date) ? filters.date : undefined,
  };
  const days = useCashierDays(query, { enabled: mayList });
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={t('cashierDays.title')} />
      {can('fee.collect') && <MyDay />}
      {mayList && (
        <Card size="small" title={t('cashierDays.all')}>
          <Space wrap style={{ marginBottom: 12 }}>
            <FilterSelect
              list={list}
              name="state"
              label={t('cashierDays.state')}
              placeholder={t('cashierDays.allStates')}
              minWidth={160}
              options={STATES.map((s) => ({ value: s, label: t(`cashierDays.states.${s}`) }))}
            />
            <DatePicker
              value={query.date ? dayjs(query.date) : null}
              placeholder={t('cashierDays.date')}
              aria-label={t('cashierDays.date')}
              onChange={(v) => list.update({ filters: { date: v ? v.format('YYYY-MM-DD') : undefined } })}
            />
          </Space>
          <ListTable<CashierDaySummary, (typeof FILTERS)[number]>
            testId="cashier-days-table"
            list={list}
            query={days}
            emptyText={t('cashierDays.empty')}
            onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('cashierDays.date'), dataIndex: 'date', key: 'date' },
              { title: t('cashierDays.cashier'), dataIndex: 'cashierName', key: 'cashier' },
              { title: t('cashierDays.state'), key: 'state', render: (_, r) => <DayStateTag state={r.state} /> },
              { title: t('cashierDays.receipts'), dataIndex: 'receipts', key: 'receipts' },
              { title: t('cashierDays.voids'), dataIndex: 'voids', key: 'voids' },
              { title: t('cashierDays.total'), key: 'total', align: 'right', render: (_, r) => money(r.total, currency) },
            ]}
          />
        </Card>
      )}
      <DayDrawer dayId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
