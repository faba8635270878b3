import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, DatePicker, Descriptions, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeeStatement } from '../../../contract/fees';
import { useCan, useEstate } from '../../app/session';
import { useEstateTime } from '../../app/time';
import { ErrorAlert } from '../../components/ListTable';
import { feeFiles, useFeeStatement } from './api';
import { useMoney } from './money';

type Line = FeeStatement['lines'][number];

/** R-FE-3: a unit's statement for months: charges, payments and voids, with the running balance; XLSX and the reminder letter. */
export function StatementPanel({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const estate = useEstate();
  const can = useCan();
  const money = useMoney();
  const time = useEstateTime();
  const [range, setRange] = useState<[string, string]>(() => [time.month(-5), time.month()]);
  const [from, to] = range;
  const statement = useFeeStatement(unitId, from, to, true);
  const data = statement.data;
  const currency = data?.currency ?? 'HKD';
  return (
    <div data-testid="fee-statement">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          picker="month"
          allowClear={false}
          value={[dayjs(`${from}-01`), dayjs(`${to}-01`)]}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0].format('YYYY-MM'), v[1].format('YYYY-MM')]);
          }}
          aria-label={t('feeCounter.statement.months')}
          data-testid="fee-statement-months"
        />
        <Button icon={<FileExcelOutlined />} href={feeFiles.statementXlsx(estate.id, unitId, from, to)} data-testid="fee-statement-xlsx">
          {t('feeCounter.statement.xlsx')}
        </Button>
        {can('fee.arrears.read') && (
          <Button
            icon={<FilePdfOutlined />}
            href={feeFiles.reminderPdf(estate.id, unitId)}
            target="_blank"
            rel="noopener"
            data-testid="fee-reminder-pdf"
          >
            {t('feeCounter.statement.reminder')}
          </Button>
        )}
      </Space>
      <ErrorAlert error={statement.error} />
      {data && (
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('feeCounter.statement.opening')}>{money(data.openingBalance, currency)}</Descriptions.Item>
          <Descriptions.Item label={t('feeCounter.statement.charges')}>{money(data.charges, currency)}</Descriptions.Item>
          <Descriptions.Item label={t('feeCounter.statement.payments')}>{money(data.payments, currency)}</Descriptions.Item>
          <Descriptions.Item label={t('feeCounter.statement.closing')}>
            <strong data-testid="fee-statement-closing">{money(data.closingBalance, currency)}</strong>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Table<Line>
        size="small"
        rowKey={(l, i) => `${l.on}-${l.kind}-${l.receiptNumber ?? ''}-${i ?? 0}`}
        loading={statement.isFetching}
        dataSource={data?.lines ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('feeCounter.statement.empty') }}
        columns={[
          { title: t('feeCounter.statement.on'), dataIndex: 'on', key: 'on' },
          {
            title: t('feeCounter.statement.description'),
            key: 'description',
            render: (_, l) => (
              <Space size={4} wrap>
                {l.kind !== 'charge' && (
                  <Tag color={l.kind === 'void' ? 'error' : 'green'}>{t(`feeCounter.statement.kinds.${l.kind}`)}</Tag>
                )}
                <span>{l.description}</span>
                {l.receiptNumber && <span>{l.receiptNumber}</span>}
              </Space>
            ),
          },
          {
            title: t('feeCounter.statement.debit'),
            key: 'debit',
            align: 'right',
            render: (_, l) => (l.debit ? money(l.debit, currency) : ''),
          },
          {
            title: t('feeCounter.statement.credit'),
            key: 'credit',
            align: 'right',
            render: (_, l) => (l.credit ? money(l.credit, currency) : ''),
          },
          { title: t('feeCounter.statement.balance'), key: 'balance', align: 'right', render: (_, l) => money(l.balance, currency) },
        ]}
      />
    </div>
  );
}
