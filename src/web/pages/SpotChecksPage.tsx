import { ExperimentOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Row,
  Skeleton,
  Space,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../app/session';
import { useErrorText } from '../components/errors';
import { applyServerErrors } from '../components/formErrors';
import { YearFilter, yearOf } from '../components/ListTable';
import { enterKeys, NumberedConfirm } from '../components/NumberedAction';
import { PageHeader } from '../components/PageHeader';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { useListParams } from '../components/useListParams';
import { DeadlineTag, useNow } from '../features/cases/ObligationBadge';
import { useEstateRecord } from '../features/directory/api';
import { useFollowUpActions, useSpotCheck, useSpotCheckDrawPreview, useSpotChecks } from '../features/followups/api';
import { IssueNoticeDialog, type NoticeSource } from '../features/followups/IssueNoticeDialog';
import { SpotCheckItemCard } from '../features/followups/SpotCheckItemCard';
import { DrawnLateTag, daysLate, spotCheckObligation } from '../features/followups/SpotCheckLate';
import { useEstateTime } from '../features/followups/time';
import type { SpotCheck } from '../features/followups/types';
import { ruleTitle } from '../i18n';

const FILTERS = ['year', 'id'] as const;

interface DrawValues {
  month?: Dayjs;
  seed?: string;
}

/**
 * R-FU-5: what the draw will take, asked before it is taken: the month in words in the estate's
 * zone, how many of its completed follow-ups will be sampled, and whether the draw is late.
 */
function DrawConfirmation({ month }: { month: string }) {
  const { t } = useTranslation();
  const time = useEstateTime();
  const errorText = useErrorText();
  const preview = useSpotCheckDrawPreview(month);
  const words = dayjs(`${month}-01`).format(t('spotChecks.monthFormat'));
  if (preview.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (preview.error || !preview.data) return <Alert type="error" showIcon title={errorText(preview.error)} />;
  const p = preview.data;
  const late = daysLate(p.dueAt, new Date().toISOString());
  return (
    <div data-testid="spot-confirm-text" data-month={p.month} data-sample={p.sampleSize} data-population={p.population}>
      {!p.monthOver ? (
        <Alert type="warning" showIcon title={t('spotChecks.confirm.notOver', { month: words })} />
      ) : p.alreadyDrawn ? (
        <Typography.Paragraph>{t('spotChecks.confirm.alreadyDrawn', { month: words })}</Typography.Paragraph>
      ) : (
        <Typography.Paragraph>
          {t('spotChecks.confirm.body', { month: words, zone: time.zoneName, population: p.population, sample: p.sampleSize })}
        </Typography.Paragraph>
      )}
      {p.monthOver && !p.alreadyDrawn && late > 0 && (
        <Typography.Paragraph type="danger" data-testid="spot-confirm-late">
          {t('spotChecks.confirm.late', { due: time.format(p.dueAt), count: late })}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/** The month named in the confirmation's title and button, in words. */
function MonthWords({ month, text }: { month: string; text: 'spotChecks.confirm.title' | 'spotChecks.confirm.ok' }) {
  const { t } = useTranslation();
  return <>{t(text, { month: dayjs(`${month}-01`).format(t('spotChecks.monthFormat')) })}</>;
}

/**
 * The manager's draw: a month, confirmed before it is drawn (a month is drawn once, and its
 * sample is never redrawn), and behind "advanced" the seed to redo a draw elsewhere (R-FU-5).
 * Enter in the month picker picks the month only; the button or Ctrl+Enter asks to confirm.
 */
function DrawForm({ onDrawn }: { onDrawn: (check: SpotCheck) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const time = useEstateTime();
  const actions = useFollowUpActions();
  const [form] = Form.useForm<DrawValues>();
  const [drawing, setDrawing] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [pending, setPending] = useState<{ month: string; seed?: string } | null>(null);
  const policy = useEstateRecord().data?.policy;
  const labels = { month: t('spotChecks.fields.month'), seed: t('spotChecks.fields.seed') };

  const draw = async (v: { month: string; seed?: string }) => {
    setDrawing(true);
    setAlert(null);
    try {
      const check = await actions.drawSpotCheck(v);
      message.success(
        check.alreadyDrawn ? t('spotChecks.alreadyDrawn', { month: check.month }) : t('spotChecks.drawn', { month: check.month }),
      );
      onDrawn(check);
    } catch (error) {
      const { placed } = applyServerErrors(form, error, { labels });
      setAlert(placed > 0 ? t('form.fixFields') : errorText(error));
    } finally {
      setDrawing(false);
      setPending(null);
    }
  };

  return (
    <Card size="small" title={t('spotChecks.draw.title')} style={{ marginBottom: 16 }}>
      {policy && <Typography.Paragraph type="secondary">{t('spotChecks.draw.help', { day: policy.spotCheckDueDay })}</Typography.Paragraph>}
      <Form<DrawValues>
        form={form}
        layout="inline"
        onFinish={(v) => {
          if (!v.month) return;
          setAlert(null);
          setPending({ month: v.month.format('YYYY-MM'), seed: v.seed?.trim() ? v.seed.trim() : undefined });
        }}
        onKeyDown={enterKeys({ numbered: true, submit: () => form.submit() })}
        initialValues={{ month: dayjs(`${time.month(-1)}-01`) }}
      >
        <Form.Item name="month" label={labels.month} rules={[{ required: true, message: t('form.required', { field: labels.month }) }]}>
          <DatePicker picker="month" allowClear={false} data-testid="spot-month" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<ExperimentOutlined />} loading={drawing} data-testid="spot-draw">
            {t('spotChecks.draw.submit')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Typography.Text type="secondary">{t('numbered.keys')}</Typography.Text>
        </Form.Item>
        <Collapse
          ghost
          size="small"
          style={{ width: '100%', marginTop: 8 }}
          data-testid="spot-advanced"
          items={[
            {
              key: 'advanced',
              label: t('spotChecks.draw.advanced'),
              forceRender: true,
              children: (
                <Form.Item name="seed" label={labels.seed} extra={t('spotChecks.draw.seedHelp')}>
                  <Input maxLength={64} style={{ width: 220 }} data-testid="spot-seed" />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
      {alert && <Alert type="error" showIcon title={alert} style={{ marginTop: 12 }} data-testid="spot-draw-error" />}
      <NumberedConfirm
        testId="spot-confirm"
        confirmation={
          pending
            ? {
                title: <MonthWords month={pending.month} text="spotChecks.confirm.title" />,
                content: <DrawConfirmation month={pending.month} />,
                okText: <MonthWords month={pending.month} text="spotChecks.confirm.ok" />,
              }
            : null
        }
        loading={drawing}
        onCancel={() => setPending(null)}
        onOk={() => {
          if (pending) void draw(pending);
        }}
      />
    </Card>
  );
}

function SpotCheckDetail({ spotCheckId, canJudge }: { spotCheckId: string; canJudge: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const time = useEstateTime();
  const now = useNow();
  const { data: check, error, isPending } = useSpotCheck(spotCheckId);
  const [issuing, setIssuing] = useState<NoticeSource | null>(null);
  const policy = useEstateRecord().data?.policy;
  if (isPending) return <Skeleton active />;
  if (error || !check) return <Alert type="error" showIcon title={errorText(error)} />;
  const judged = check.items.filter((i) => i.verdict !== null).length;
  return (
    <Card
      size="small"
      title={t('spotChecks.detailTitle', { month: check.month })}
      data-testid="spot-check"
      extra={
        <Space size={4}>
          <DrawnLateTag check={check} />
          <DeadlineTag obligation={spotCheckObligation(check)} now={now} />
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'status',
            label: t('spotChecks.fields.status'),
            children: <span data-testid="spot-status">{t(`spotChecks.statuses.${check.status}`)}</span>,
          },
          {
            key: 'seed',
            label: t('spotChecks.fields.seed'),
            children: (
              <Typography.Text code copyable={Boolean(check.seed)} data-testid="spot-seed-shown">
                {check.seed ?? '—'}
              </Typography.Text>
            ),
          },
          {
            key: 'population',
            label: t('spotChecks.fields.population'),
            children: <span data-testid="spot-population">{check.population}</span>,
          },
          {
            key: 'sample',
            label: t('spotChecks.fields.sampleSize'),
            children: <span data-testid="spot-sample-size">{check.sampleSize}</span>,
          },
          { key: 'judged', label: t('spotChecks.fields.judged'), children: `${judged} / ${check.items.length}` },
          { key: 'due', label: t('spotChecks.fields.dueAt'), children: time.format(check.dueAt) },
          {
            key: 'drawn',
            label: t('spotChecks.fields.drawnAt'),
            children: check.drawnAt ? (
              <Space size={4} wrap>
                {`${time.format(check.drawnAt)} · ${check.drawnBy?.name ?? ''}`}
                <DrawnLateTag check={check} />
              </Space>
            ) : (
              '—'
            ),
          },
          { key: 'completed', label: t('spotChecks.fields.completedAt'), children: time.format(check.completedAt) },
        ]}
      />
      {policy && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} title={ruleTitle('spotChecks.sampleRule')}>
          {t('spotChecks.sampleRule', { min: policy.spotCheckMinItems, percent: policy.spotCheckPercent })}
        </Typography.Paragraph>
      )}
      {check.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('spotChecks.noItems')} />
      ) : (
        <div className="ed-followup-list" data-testid="spot-items">
          {check.items.map((item) => (
            <SpotCheckItemCard
              key={item.id}
              item={item}
              canJudge={canJudge}
              onIssueNotice={(i) => setIssuing({ kind: 'spotCheckItem', itemId: i.id, followUp: i.followUp, note: i.note })}
            />
          ))}
        </div>
      )}
      <IssueNoticeDialog
        source={issuing}
        onClose={() => setIssuing(null)}
        onIssued={(notice) => void navigate(`/rectification-notices/${notice.id}`)}
      />
    </Card>
  );
}

/** The monthly random spot check of completed follow-ups (R-FU-5): draw, then a verdict per item. */
export default function SpotChecksPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const time = useEstateTime();
  const now = useNow();
  const can = useCan();
  const list = useListParams('-month', FILTERS);
  const { params, update, onTableChange, pagination } = list;
  const f = params.filters;
  const year = yearOf(f.year);
  const { data, isFetching, error } = useSpotChecks({ page: params.page, pageSize: params.pageSize, year });
  const selected = f.id ?? null;
  const select = (id: string) => update({ filters: { id }, page: params.page });

  const columns: TableColumnsType<SpotCheck> = [
    {
      title: t('spotChecks.fields.month'),
      key: 'month',
      width: 100,
      render: (_, c) => <Typography.Link onClick={() => select(c.id)}>{c.month}</Typography.Link>,
    },
    { title: t('spotChecks.fields.status'), key: 'status', width: 100, render: (_, c) => t(`spotChecks.statuses.${c.status}`) },
    { title: t('spotChecks.fields.population'), key: 'population', width: 90, render: (_, c) => c.population },
    { title: t('spotChecks.fields.sampleSize'), key: 'sampleSize', width: 90, render: (_, c) => c.sampleSize },
    {
      title: t('spotChecks.fields.dueAt'),
      key: 'dueAt',
      width: 170,
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          {time.format(c.dueAt)}
          <DeadlineTag obligation={spotCheckObligation(c)} now={now} />
          <DrawnLateTag check={c} />
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('spotChecks.title')} />
      {can('spotcheck.draw') ? (
        <DrawForm onDrawn={(check) => select(check.id)} />
      ) : (
        <Alert type="info" showIcon title={t('spotChecks.managersOnly')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('spotChecks.history')}>
            <div className="ed-toolbar">
              <YearFilter list={list} label={t('spotChecks.filters.year')} />
            </div>
            {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
            <ResponsiveTable<SpotCheck>
              data-testid="spot-checks-table"
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={data?.items}
              loading={isFetching}
              pagination={pagination(data?.total)}
              onChange={onTableChange}
              scroll={{ x: 560 }}
              rowClassName={(c) => (c.id === selected ? 'ant-table-row-selected' : '')}
              onRow={(c) => ({ 'data-month': c.month, onClick: () => select(c.id) }) as HTMLAttributes<HTMLElement>}
              locale={{ emptyText: t('spotChecks.empty') }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          {selected ? (
            <SpotCheckDetail spotCheckId={selected} canJudge={can('spotcheck.verdict')} />
          ) : (
            <Card size="small">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('spotChecks.pick')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
