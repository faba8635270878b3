import { Alert, Card, Col, DatePicker, Row, Skeleton, Statistic, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type HTMLAttributes, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan, useEstate } from '../app/session';
import { useEstateTime } from '../app/time';
import { Chart } from '../components/Chart';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { todayIn } from '../features/frontdesk/scripts';
import { rateTrendOption } from '../features/reports/charts';
import { useReportFormat } from '../features/reports/format';
import { useAnswerTimes, usePbxCalls } from '../features/telephony/api';
import type { AnswerGroup, AnswerTimes, PbxCall } from '../features/telephony/types';
import { ruleTitle } from '../i18n';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const seconds = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);

/** One table of answer figures: by day, by extension or by person. */
function GroupTable({
  rows,
  title,
  testId,
  labelOf = (g) => g.label,
}: {
  rows: AnswerGroup[];
  title: string;
  testId: string;
  labelOf?: (group: AnswerGroup) => string;
}) {
  const { t } = useTranslation();
  const { percent } = useReportFormat();
  const columns: TableColumnsType<AnswerGroup> = [
    { key: 'label', title, render: (_, g) => labelOf(g) },
    { key: 'calls', title: t('pbx.answerTimes.calls'), dataIndex: 'calls', align: 'right' },
    { key: 'answered', title: t('pbx.answerTimes.answered'), dataIndex: 'answered', align: 'right' },
    { key: 'inTime', title: t('pbx.answerTimes.answeredInTime'), dataIndex: 'answeredInTime', align: 'right' },
    { key: 'missed', title: t('pbx.answerTimes.missed'), dataIndex: 'missed', align: 'right' },
    {
      key: 'rate',
      title: t('pbx.answerTimes.share'),
      align: 'right',
      render: (_, g) => <span data-testid={`${testId}-share`}>{percent(g.inTimeRate)}</span>,
    },
    {
      key: 'longest',
      title: t('pbx.answerTimes.longestRing'),
      align: 'right',
      render: (_, g) => (g.longestRingSeconds === null ? '—' : t('pbx.calls.seconds', { seconds: seconds(g.longestRingSeconds) })),
    },
  ];
  return (
    <Card size="small" title={title}>
      <ResponsiveTable<AnswerGroup>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 31, hideOnSinglePage: true }}
        onRow={(g) => ({ 'data-testid': `${testId}-row`, 'data-key': g.key }) as HTMLAttributes<HTMLElement>}
        data-testid={testId}
      />
    </Card>
  );
}

/** Calls listed with how long they rang: the longest waits, or every call answered late. */
function CallsTable({ calls, testId, loading }: { calls: PbxCall[] | undefined; testId: string; loading?: boolean }) {
  const { t } = useTranslation();
  const time = useEstateTime();
  const columns: TableColumnsType<PbxCall> = [
    { key: 'at', title: t('pbx.calls.ringingAt'), render: (_, c) => time.format(c.ringingAt, 'YYYY-MM-DD HH:mm:ss') },
    { key: 'from', title: t('pbx.calls.from'), render: (_, c) => [c.from, c.callerName].filter(Boolean).join(' · ') },
    { key: 'extension', title: t('pbx.calls.extension'), render: (_, c) => [c.extension, c.staff?.name].filter(Boolean).join(' · ') },
    {
      key: 'ring',
      title: t('pbx.calls.ringSeconds'),
      render: (_, c) =>
        c.ringSeconds === null ? (
          <Tag color="error">{t('pbx.states.missed')}</Tag>
        ) : (
          <Tag color={c.answeredInTime ? 'success' : 'error'}>{t('pbx.calls.seconds', { seconds: seconds(c.ringSeconds) })}</Tag>
        ),
    },
  ];
  return (
    <ResponsiveTable<PbxCall>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={calls}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: t('pbx.answerTimes.noCalls') }}
      onRow={(c) => ({ 'data-testid': `${testId}-row`, 'data-pbx-call-id': c.id }) as HTMLAttributes<HTMLElement>}
      data-testid={testId}
    />
  );
}

function Figures({ data }: { data: AnswerTimes }) {
  const { t } = useTranslation();
  const { percent } = useReportFormat();
  const option = useMemo(
    () =>
      rateTrendOption(
        t('pbx.answerTimes.chartTitle', { seconds: data.limitSeconds }),
        data.byDay.map((d) => d.label),
        [{ name: t('pbx.answerTimes.share'), rates: data.byDay.map((d) => d.inTimeRate) }],
      ),
    [data, t],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('pbx.answerTimes.shareWithin', { seconds: data.limitSeconds })}
            value={percent(data.total.inTimeRate)}
            data-testid="answer-times-share"
          />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('pbx.answerTimes.calls')} value={data.total.calls} data-testid="answer-times-calls" />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('pbx.answerTimes.missed')}
            value={data.total.missed}
            styles={data.total.missed ? { content: { color: '#cf1322' } } : undefined}
            data-testid="answer-times-missed"
          />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('pbx.answerTimes.longestRing')}
            value={
              data.total.longestRingSeconds === null ? '—' : t('pbx.calls.seconds', { seconds: seconds(data.total.longestRingSeconds) })
            }
            data-testid="answer-times-longest"
          />
        </Card>
      </Col>
      {data.notLogged > 0 && (
        <Col span={24}>
          <Alert type="warning" showIcon title={t('pbx.answerTimes.notLogged', { count: data.notLogged })} />
        </Col>
      )}
      <Col span={24}>
        <Card size="small">
          <Chart option={option} label={t('pbx.answerTimes.chartTitle', { seconds: data.limitSeconds })} testId="answer-times-chart" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <GroupTable rows={data.byDay} title={t('pbx.answerTimes.byDay')} testId="answer-times-by-day" />
      </Col>
      <Col xs={24} xl={12}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <GroupTable
              rows={data.byExtension}
              title={t('pbx.answerTimes.byExtension')}
              testId="answer-times-by-extension"
              labelOf={(g) => (g.label === g.key ? g.key : `${g.key} · ${g.label}`)}
            />
          </Col>
          <Col span={24}>
            <GroupTable
              rows={data.byPerson}
              title={t('pbx.answerTimes.byPerson')}
              testId="answer-times-by-person"
              labelOf={(g) => (g.key === '-' ? t('pbx.answerTimes.nobody') : g.label)}
            />
          </Col>
        </Row>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('pbx.answerTimes.longestWaits')}>
          <CallsTable calls={data.longestWaits} testId="answer-times-longest-waits" />
        </Card>
      </Col>
    </Row>
  );
}

/** The period's calls answered after the limit, newest first, for the manager to follow up. */
function LateCalls({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const late = usePbxCalls({ only: 'late', from, to, page: 1, pageSize: 100 });
  return (
    <Card size="small" title={t('pbx.answerTimes.late')} style={{ marginTop: 16 }} data-testid="answer-times-late">
      <CallsTable calls={late.data?.items} loading={late.isPending} testId="answer-times-late" />
    </Card>
  );
}

/**
 * R-PH-5, three rings: the share of calls answered within the estate's limit, the missed calls
 * and the longest waits over a period, by day, extension and person, from the PBX's own times.
 */
export default function AnswerTimesPage() {
  const { t } = useTranslation();
  const estate = useEstate();
  const errorText = useErrorText();
  const can = useCan();
  const today = todayIn(estate.timeZone);
  // The period is in the address (?from=&to=), so a manager can send it on; this month so far by default.
  const [params, setParams] = useSearchParams();
  const from = DAY.test(params.get('from') ?? '') ? (params.get('from') as string) : dayjs(today).startOf('month').format('YYYY-MM-DD');
  const to = DAY.test(params.get('to') ?? '') ? (params.get('to') as string) : today;
  const range: [Dayjs, Dayjs] = [dayjs(from), dayjs(to)];
  const setRange = ([start, end]: [Dayjs, Dayjs]) =>
    setParams({ from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') }, { replace: true });
  const answers = useAnswerTimes({ from, to });
  return (
    <div data-testid="answer-times-page">
      <PageHeader
        title={<span title={ruleTitle('pbx.answerTimes.title')}>{t('pbx.answerTimes.title')}</span>}
        extra={
          <DatePicker.RangePicker
            allowClear={false}
            value={range}
            onChange={(value) => {
              if (value?.[0] && value[1]) setRange([value[0], value[1]]);
            }}
            data-testid="answer-times-range"
          />
        }
      />
      <Typography.Paragraph type="secondary">{t('pbx.answerTimes.help')}</Typography.Paragraph>
      {answers.error ? (
        <Alert type="error" showIcon title={errorText(answers.error)} />
      ) : answers.data ? (
        <Figures data={answers.data} />
      ) : (
        <Skeleton active />
      )}
      {can('pbx.manage') && <LateCalls from={from} to={to} />}
    </div>
  );
}
