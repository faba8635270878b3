import { PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Descriptions, Popconfirm, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeeChargeRun, FeeChargeRunPreview } from '../../contract/fees';
import { useEstateTime } from '../app/time';
import { useErrorText } from '../components/errors';
import { ErrorAlert } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { useChargeRun, useChargeRunPreview, useChargeRuns, useFeeActions } from '../features/fees/api';
import { feeUnitText, useMoney } from '../features/fees/money';

type PreviewLine = FeeChargeRunPreview['lines'][number];

/** How far a run has gone, polled until it is done. */
function RunProgress({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const run = useChargeRun(runId);
  const data = run.data;
  if (!data) return null;
  const percent = data.totalUnits ? Math.round((data.processedUnits / data.totalUnits) * 100) : 100;
  return (
    <div data-testid="charge-run-progress" data-state={data.state}>
      <Progress percent={data.state === 'done' ? 100 : percent} status={data.state === 'done' ? 'success' : 'active'} />
      <Typography.Text>
        {t('chargeRuns.progress', {
          processed: data.processedUnits,
          total: data.totalUnits,
          created: data.chargesCreated,
          amount: money(data.amountCreated, data.currency),
        })}
      </Typography.Text>
    </div>
  );
}

/**
 * R-FE-3: the month's charges from the fee items in force: choose the month, see what a run
 * would create (and what the month has already), run it and watch its progress; the runs so far.
 */
export default function ChargeRunsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const time = useEstateTime();
  const money = useMoney();
  const errorText = useErrorText();
  const actions = useFeeActions();
  const [period, setPeriod] = useState(() => time.month());
  const [runId, setRunId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const preview = useChargeRunPreview(period);
  const runs = useChargeRuns({ page, pageSize: 10 });
  const p = preview.data;

  const start = async () => {
    try {
      const run = await actions.startRun(period);
      setRunId(run.id);
      message.success(t('chargeRuns.started', { period }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <>
      <PageHeader title={t('chargeRuns.title')} />
      <Typography.Paragraph type="secondary">{t('chargeRuns.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={
              <Space wrap>
                <span>{t('chargeRuns.month')}</span>
                <DatePicker
                  picker="month"
                  allowClear={false}
                  value={dayjs(`${period}-01`)}
                  onChange={(v) => {
                    if (v) {
                      setPeriod(v.format('YYYY-MM'));
                      setRunId(null);
                    }
                  }}
                  data-testid="charge-run-month"
                />
              </Space>
            }
            extra={
              <Popconfirm
                title={t('chargeRuns.confirm', { period, count: p?.toCreate ?? 0 })}
                okText={t('chargeRuns.run')}
                cancelText={t('common.cancel')}
                onConfirm={() => void start()}
                disabled={!p || p.toCreate === 0}
              >
                <Button type="primary" icon={<PlayCircleOutlined />} disabled={!p || p.toCreate === 0} data-testid="charge-run-start">
                  {t('chargeRuns.run')}
                </Button>
              </Popconfirm>
            }
            data-testid="charge-run-preview"
          >
            <ErrorAlert error={preview.error} />
            {p && (
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('chargeRuns.units')}>{p.units}</Descriptions.Item>
                <Descriptions.Item label={t('chargeRuns.toCreate')}>
                  <span data-testid="charge-run-to-create">
                    {p.toCreate} · {money(p.toCreateAmount, p.currency)}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('chargeRuns.already')}>
                  {p.alreadyCharged} · {money(p.alreadyChargedAmount, p.currency)}
                </Descriptions.Item>
                <Descriptions.Item label={t('chargeRuns.skipped')}>{p.skipped}</Descriptions.Item>
              </Descriptions>
            )}
            {runId && <RunProgress runId={runId} />}
            <Table<PreviewLine>
              size="small"
              rowKey={(l) => `${l.unit.id}-${l.feeItemId}`}
              loading={preview.isFetching}
              dataSource={p?.lines ?? []}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              scroll={{ x: true }}
              columns={[
                { title: t('chargeRuns.unit'), key: 'unit', render: (_, l) => feeUnitText(l.unit) },
                { title: t('feeCounter.charge.description'), dataIndex: 'description', key: 'description' },
                {
                  title: t('feeCounter.charge.amount'),
                  key: 'amount',
                  align: 'right',
                  render: (_, l) => money(l.amount, p?.currency ?? 'HKD'),
                },
                {
                  title: t('chargeRuns.lineState'),
                  key: 'state',
                  render: (_, l) =>
                    l.alreadyCharged ? (
                      <Tag>{t('chargeRuns.alreadyTag')}</Tag>
                    ) : l.note ? (
                      <Tag color="warning">{l.note}</Tag>
                    ) : (
                      <Tag color="blue">{t('chargeRuns.newTag')}</Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('chargeRuns.list')}>
            <ErrorAlert error={runs.error} />
            <ResponsiveTable<FeeChargeRun>
              size="small"
              rowKey="id"
              data-testid="charge-runs-table"
              loading={runs.isFetching}
              dataSource={runs.data?.items ?? []}
              locale={{ emptyText: t('chargeRuns.empty') }}
              pagination={{ current: page, pageSize: 10, total: runs.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
              columns={[
                { title: t('chargeRuns.month'), dataIndex: 'period', key: 'period' },
                {
                  title: t('chargeRuns.state'),
                  key: 'state',
                  render: (_, r) => <Tag color={r.state === 'done' ? 'green' : 'processing'}>{t(`chargeRuns.states.${r.state}`)}</Tag>,
                },
                {
                  title: t('chargeRuns.created'),
                  key: 'created',
                  render: (_, r) => `${r.chargesCreated} · ${money(r.amountCreated, r.currency)}`,
                },
                { title: t('chargeRuns.startedAt'), key: 'startedAt', render: (_, r) => time.format(r.startedAt) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
