import { Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REPORTED_RULES } from '../../contract/reports';
import { useEstateTime } from '../app/time';
import { Chart } from '../components/Chart';
import { ErrorAlert } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { useMoney } from '../features/fees/money';
import { type HeadOfficeRow, useHeadOffice } from '../features/reports/api';
import { rateTrendOption } from '../features/reports/charts';
import { useReportFormat } from '../features/reports/format';
import { MonthPicker, useReportMonth } from '../features/reports/MonthPicker';

/** How many estates the trend shows until someone picks others: the best ranked. */
const TREND_DEFAULT = 10;

/** Sorts nulls (nothing fell due) below every rate. */
const byRate = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);

/**
 * The head office's view: the estates the reader may read side by side for a month, ranked by
 * their overall on-time rate, with each rule's rate, and a year of each estate's rate.
 */
export default function HeadOfficePage() {
  const { t } = useTranslation();
  const time = useEstateTime();
  const money = useMoney();
  const { percent, ruleName } = useReportFormat();
  const [month, setMonth] = useReportMonth(time.month(-1));
  const headOffice = useHeadOffice(month);
  const data = headOffice.data?.month === month ? headOffice.data : undefined;
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<string[] | null>(null);

  const rows = useMemo(() => {
    const all = data?.estates ?? [];
    const needle = filter.trim().toLowerCase();
    return needle ? all.filter((r) => r.estate.name.toLowerCase().includes(needle) || r.estate.code.toLowerCase().includes(needle)) : all;
  }, [data, filter]);
  const ranked = useMemo(() => [...(data?.estates ?? [])].sort((a, b) => a.rank - b.rank), [data]);
  const shown = chosen ?? ranked.slice(0, TREND_DEFAULT).map((r) => r.estate.id);
  const trend = useMemo(() => {
    const months = ranked[0]?.trend.map((m) => m.month) ?? [];
    const series = ranked
      .filter((r) => shown.includes(r.estate.id))
      .map((r) => ({ name: r.estate.name, rates: months.map((m) => r.trend.find((x) => x.month === m)?.onTimeRate ?? null) }));
    return rateTrendOption(t('reports.headOffice.trend'), months, series);
  }, [ranked, shown, t]);

  const currency = data?.currency ?? 'HKD';
  const columns: ColumnsType<HeadOfficeRow> = [
    {
      title: t('reports.headOffice.rank'),
      dataIndex: 'rank',
      key: 'rank',
      sorter: (a, b) => a.rank - b.rank,
      defaultSortOrder: 'ascend',
      width: 72,
    },
    {
      title: t('reports.headOffice.estate'),
      key: 'estate',
      sorter: (a, b) => a.estate.name.localeCompare(b.estate.name),
      render: (_, r) => (
        <span data-testid="head-office-estate" style={{ whiteSpace: 'nowrap' }}>
          {r.estate.name}
        </span>
      ),
    },
    {
      title: t('reports.headOffice.onTimeRate'),
      key: 'onTimeRate',
      align: 'right',
      sorter: (a, b) => byRate(a.onTimeRate, b.onTimeRate),
      render: (_, r) => <strong data-testid="head-office-rate">{percent(r.onTimeRate)}</strong>,
    },
    { title: t('reports.headOffice.cases'), dataIndex: 'cases', key: 'cases', align: 'right', sorter: (a, b) => a.cases - b.cases },
    ...REPORTED_RULES.map((rule) => {
      const rate = (r: HeadOfficeRow) => r.rules.find((x) => x.rule === rule)?.onTimeRate ?? null;
      return {
        title: (
          <span title={ruleName(rule)} style={{ whiteSpace: 'nowrap' }}>
            {rule}
          </span>
        ),
        key: rule,
        align: 'right' as const,
        sorter: (a: HeadOfficeRow, b: HeadOfficeRow) => byRate(rate(a), rate(b)),
        render: (_: unknown, r: HeadOfficeRow) => percent(rate(r)),
      };
    }),
    {
      title: t('reports.headOffice.satisfied'),
      dataIndex: 'satisfied',
      key: 'satisfied',
      align: 'right',
      sorter: (a, b) => a.satisfied - b.satisfied,
    },
    {
      title: t('reports.headOffice.notSatisfied'),
      dataIndex: 'notSatisfied',
      key: 'notSatisfied',
      align: 'right',
      sorter: (a, b) => a.notSatisfied - b.notSatisfied,
    },
    {
      title: t('reports.headOffice.collected'),
      key: 'collected',
      align: 'right',
      sorter: (a, b) => a.collected - b.collected,
      render: (_, r) => money(r.collected, currency),
    },
    {
      title: t('reports.headOffice.arrears'),
      key: 'arrears',
      align: 'right',
      sorter: (a, b) => a.arrears - b.arrears,
      render: (_, r) => money(r.arrears, currency),
    },
    {
      title: t('reports.headOffice.status'),
      key: 'frozen',
      render: (_, r) =>
        r.frozenAt ? (
          <Tag color="blue">{t('reports.monthly.frozen', { time: time.format(r.frozenAt, 'YYYY-MM-DD') })}</Tag>
        ) : (
          <Tag color="orange">{t('reports.monthly.open')}</Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('reports.headOffice.title')}
        extra={
          <Space wrap className="ed-no-print">
            <MonthPicker month={month} latest={time.month()} onChange={setMonth} />
            <Link to={`/reports/monthly?month=${month}`}>{t('reports.headOffice.openReport')}</Link>
          </Space>
        }
      />
      <ErrorAlert error={headOffice.error} />
      <Space wrap style={{ marginBottom: 12 }} className="ed-no-print">
        <Input.Search
          allowClear
          placeholder={t('reports.headOffice.filter')}
          aria-label={t('reports.headOffice.filter')}
          onChange={(e) => setFilter(e.target.value)}
          style={{ width: 280 }}
          data-testid="head-office-filter"
        />
      </Space>
      <Table<HeadOfficeRow>
        data-testid="head-office-table"
        rowKey={(r) => r.estate.id}
        size="middle"
        loading={headOffice.isFetching}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('reports.headOffice.empty') }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
      />
      <Card size="small" style={{ marginTop: 16 }} className="ed-report-section">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap className="ed-no-print">
            <Typography.Text>{t('reports.headOffice.trendEstates')}</Typography.Text>
            <Select
              mode="multiple"
              style={{ minWidth: 320 }}
              aria-label={t('reports.headOffice.trendEstates')}
              data-testid="head-office-trend-estates"
              value={shown}
              onChange={setChosen}
              maxTagCount="responsive"
              options={ranked.map((r) => ({ value: r.estate.id, label: r.estate.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Space>
          <Chart option={trend} label={t('reports.headOffice.trend')} testId="chart-head-office-trend" height={360} />
        </Space>
      </Card>
    </>
  );
}
