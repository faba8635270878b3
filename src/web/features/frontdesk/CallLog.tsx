import { PhoneOutlined } from '@ant-design/icons';
import { Alert, Card, DatePicker, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEstate } from '../../app/session';
import { useEstateTime } from '../../app/time';
import { useErrorText } from '../../components/errors';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { PAGE_SIZES } from '../../components/useListParams';
import { unitLabel } from '../directory/UnitLookup';
import { useCalls } from './api';
import { clockText, todayIn } from './scripts';
import { CALL_PURPOSES, type Call, type CallPurpose } from './types';

/** R-PH-4: the calls of a day (today unless another is picked), newest first, paged and filtered by purpose. */
export function CallLog() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const estate = useEstate();
  const time = useEstateTime();
  const today = todayIn(estate.timeZone);
  const [date, setDate] = useState(today);
  const [purpose, setPurpose] = useState<CallPurpose | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const { data, isPending, error } = useCalls({ date, purpose, page, pageSize });

  const columns: TableColumnsType<Call> = [
    { key: 'startedAt', title: t('frontDesk.call.fields.startedAt'), render: (_, c) => time.format(c.startedAt, 'HH:mm'), width: 80 },
    {
      key: 'caller',
      title: t('frontDesk.call.fields.callerName'),
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <span>{c.callerName ?? '—'}</span>
          {c.callerPhone && <Typography.Text type="secondary">{c.callerPhone}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'unit', title: t('frontDesk.call.fields.unit'), render: (_, c) => unitLabel(c.unit) || '—' },
    { key: 'purpose', title: t('frontDesk.call.fields.purpose'), render: (_, c) => <Tag>{t(`frontDesk.call.purposes.${c.purpose}`)}</Tag> },
    {
      key: 'outcome',
      title: t('frontDesk.call.fields.outcome'),
      render: (_, c) => (
        <Space size={4} wrap>
          <Tag color={c.outcome === 'unanswered_transfer' ? 'orange' : c.outcome === 'case_created' ? 'blue' : 'default'}>
            {t(`frontDesk.call.outcomes.${c.outcome}`)}
          </Tag>
          {c.caseId && <Link to={`/cases/${c.caseId}`}>{t('frontDesk.call.openCase')}</Link>}
          {c.messageId && <Link to="/messages?for=all&status=all">{t('frontDesk.call.openMessage')}</Link>}
        </Space>
      ),
    },
    { key: 'askedFor', title: t('frontDesk.call.fields.askedFor'), render: (_, c) => c.askedFor?.name ?? '—' },
    { key: 'answeredBy', title: t('frontDesk.call.fields.answeredBy'), render: (_, c) => c.answeredBy.name },
    {
      key: 'duration',
      title: t('frontDesk.call.fields.duration'),
      render: (_, c) => (c.durationSeconds === null ? '—' : clockText(c.durationSeconds * 1000)),
      width: 90,
    },
    { key: 'note', title: t('frontDesk.call.fields.note'), render: (_, c) => c.note ?? '', ellipsis: true },
  ];

  return (
    <Card
      data-testid="call-log"
      title={
        <Space>
          <PhoneOutlined />
          {date === today ? t('frontDesk.call.todayTitle') : t('frontDesk.call.dayTitle', { date })}
        </Space>
      }
      extra={
        <Space wrap>
          <DatePicker
            allowClear={false}
            value={dayjs(date)}
            onChange={(value) => {
              setDate(value ? value.format('YYYY-MM-DD') : today);
              setPage(1);
            }}
            aria-label={t('frontDesk.call.date')}
            data-testid="calls-date"
          />
          <Select
            allowClear
            style={{ minWidth: 130 }}
            placeholder={t('frontDesk.call.anyPurpose')}
            aria-label={t('frontDesk.call.fields.purpose')}
            value={purpose}
            onChange={(value?: CallPurpose) => {
              setPurpose(value);
              setPage(1);
            }}
            options={CALL_PURPOSES.map((p) => ({ value: p, label: t(`frontDesk.call.purposes.${p}`) }))}
            data-testid="calls-purpose"
          />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      <ResponsiveTable<Call>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={data?.items}
        loading={isPending}
        locale={{ emptyText: t('frontDesk.call.empty') }}
        onRow={(c) => ({ 'data-testid': 'call-row', 'data-call-id': c.id }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (count) => t('table.total', { count }),
          onChange: (p, size) => {
            if (size !== pageSize) {
              setPageSize(size);
              setPage(1);
            } else setPage(p);
          },
        }}
        scroll={{ x: 900 }}
        data-testid="calls-table"
      />
    </Card>
  );
}
