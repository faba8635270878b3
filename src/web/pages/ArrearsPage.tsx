import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Row, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgeBand, FeeArrears } from '../../contract/fees';
import { useEstate } from '../app/session';
import { FilterSelect, ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { useListParams } from '../components/useListParams';
import { useAllBuildings } from '../features/directory/api';
import { feeFiles, useArrears } from '../features/fees/api';
import { AGE_BANDS, feeUnitText, useMoney } from '../features/fees/money';

const FILTERS = ['buildingId', 'band', 'asOf'] as const;
/** Six figures of money fit a sixth of the page. */
const FIGURE = { content: { fontSize: 20 } };
type ArrearsRow = FeeArrears['items'][number];
const isBand = (v: string | undefined): v is AgeBand => AGE_BANDS.some((b) => b === v);
const isDay = (v: string | undefined): v is string => Boolean(v && /^\d{4}-\d{2}-\d{2}$/.test(v));

/** R-FE-3: units in arrears with what they owe by age band, the totals, XLSX and a reminder letter per unit. */
export default function ArrearsPage() {
  const { t } = useTranslation();
  const estate = useEstate();
  const money = useMoney();
  const list = useListParams('total', FILTERS);
  const { filters } = list.params;
  const asOf = isDay(filters.asOf) ? filters.asOf : undefined;
  const query = {
    page: list.params.page,
    pageSize: list.params.pageSize,
    buildingId: filters.buildingId || undefined,
    band: isBand(filters.band) ? filters.band : undefined,
    asOf,
  };
  const arrears = useArrears(query);
  const buildings = useAllBuildings();
  const data = arrears.data;
  const currency = data?.currency ?? 'HKD';
  const rows = { ...arrears, data: data ? { items: data.items, total: data.unitsInArrears } : undefined };

  return (
    <>
      <PageHeader
        title={t('arrears.title')}
        extra={
          <Button icon={<FileExcelOutlined />} href={feeFiles.arrearsXlsx(estate.id, asOf)} data-testid="arrears-xlsx">
            {t('arrears.xlsx')}
          </Button>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('arrears.total')} value={data ? money(data.total, currency) : '—'} styles={FIGURE} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('arrears.units')} value={data?.unitsInArrears ?? '—'} styles={FIGURE} />
          </Card>
        </Col>
        {AGE_BANDS.map((band) => (
          <Col xs={12} md={8} xl={4} key={band}>
            <Card size="small" data-testid={`arrears-band-${band}`}>
              <Statistic title={t(`arrears.bands.${band}`)} value={data ? money(data.bands[band], currency) : '—'} styles={FIGURE} />
            </Card>
          </Col>
        ))}
      </Row>
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect
          list={list}
          name="buildingId"
          label={t('arrears.building')}
          placeholder={t('arrears.allBuildings')}
          minWidth={180}
          options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
        />
        <FilterSelect
          list={list}
          name="band"
          label={t('arrears.band')}
          placeholder={t('arrears.allBands')}
          minWidth={180}
          options={AGE_BANDS.map((b) => ({ value: b, label: t(`arrears.bands.${b}`) }))}
        />
        <DatePicker
          value={asOf ? dayjs(asOf) : null}
          placeholder={t('arrears.asOf')}
          aria-label={t('arrears.asOf')}
          onChange={(v) => list.update({ filters: { asOf: v ? v.format('YYYY-MM-DD') : undefined } })}
        />
        {data && <Typography.Text type="secondary">{t('arrears.asOfShown', { date: data.asOf })}</Typography.Text>}
      </Space>
      <ListTable<ArrearsRow, (typeof FILTERS)[number]>
        testId="arrears-table"
        list={list}
        query={rows}
        rowKey={(r) => r.unit.id}
        emptyText={t('arrears.empty')}
        scroll={{ x: true }}
        columns={[
          {
            title: t('arrears.unit'),
            key: 'unit',
            render: (_, r) => (
              <Link to="/fees" state={{ unit: r.unit }} data-testid="arrears-unit">
                {feeUnitText(r.unit)}
              </Link>
            ),
          },
          ...AGE_BANDS.map((band) => ({
            title: t(`arrears.bands.${band}`),
            key: band,
            align: 'right' as const,
            render: (_: unknown, r: ArrearsRow) => (r.bands[band] ? money(r.bands[band], currency) : '—'),
          })),
          { title: t('arrears.total'), key: 'total', align: 'right', render: (_, r) => <strong>{money(r.total, currency)}</strong> },
          { title: t('arrears.oldest'), dataIndex: 'oldestChargedOn', key: 'oldest' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, r) => (
              <Button
                size="small"
                icon={<FilePdfOutlined />}
                href={feeFiles.reminderPdf(estate.id, r.unit.id, asOf)}
                target="_blank"
                rel="noopener"
                data-testid="arrears-reminder"
              >
                {t('arrears.reminder')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
