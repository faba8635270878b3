import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, type TableColumnsType, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/session';
import { FormModal } from '../components/FormModal';
import { FilterSelect, ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { useListParams } from '../components/useListParams';
import { useEstateRecord } from '../features/directory/api';
import { useFollowUpActions, useRainEvents } from '../features/followups/api';
import { RainImportDialog } from '../features/followups/RainImportDialog';
import { TIME_FORMAT, useEstateTime } from '../features/followups/time';
import { RAIN_SOURCES, type RainEvent } from '../features/followups/types';
import { ruleTitle } from '../i18n';

const FILTERS = ['from', 'to', 'source'] as const;
const HOUR = 3_600_000;

interface RainValues {
  startedAt?: Dayjs;
  endedAt?: Dayjs;
  amountMm?: number | null;
  note?: string;
}

/** Rain recorded by hand: when it started and stopped, how much if known (R-FU-3). */
function RecordRainDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const time = useEstateTime();
  const actions = useFollowUpActions();
  const labels = {
    startedAt: t('rain.fields.startedAt'),
    endedAt: t('rain.fields.endedAt'),
    amountMm: t('rain.fields.amountMm'),
    note: t('rain.fields.note'),
  };
  const now = time.nowPicker().second(0);
  const required = (field: string) => [{ required: true, message: t('form.required', { field }) }];
  return (
    <FormModal<RainValues>
      open={open}
      onClose={onClose}
      title={t('rain.record.title')}
      testId="rain-form"
      labels={labels}
      initialValues={{ startedAt: now.subtract(2, 'hour'), endedAt: now }}
      onSubmit={async (v) => {
        if (!v.startedAt || !v.endedAt) return;
        const rain = await actions.recordRain({
          startedAt: time.fromPicker(v.startedAt),
          endedAt: time.fromPicker(v.endedAt),
          amountMm: v.amountMm ?? undefined,
          note: v.note?.trim() ? v.note.trim() : undefined,
        });
        message.success(t('rain.record.saved', { count: rain.followUpsOpened }));
      }}
    >
      <Typography.Paragraph type="secondary">{t('rain.record.help')}</Typography.Paragraph>
      <Form.Item name="startedAt" label={labels.startedAt} rules={required(labels.startedAt)}>
        <DatePicker showTime format={TIME_FORMAT} autoFocus data-testid="rain-started-at" />
      </Form.Item>
      <Form.Item
        name="endedAt"
        label={labels.endedAt}
        dependencies={['startedAt']}
        rules={[
          ...required(labels.endedAt),
          ({ getFieldValue }) => ({
            validator: (_, value?: Dayjs) => {
              const start = getFieldValue('startedAt') as Dayjs | undefined;
              return !value || !start || value.isAfter(start)
                ? Promise.resolve()
                : Promise.reject(new Error(t('rain.record.endAfterStart')));
            },
          }),
        ]}
      >
        <DatePicker showTime format={TIME_FORMAT} data-testid="rain-ended-at" />
      </Form.Item>
      <Form.Item name="amountMm" label={labels.amountMm}>
        <InputNumber min={0} max={2000} step={0.5} precision={1} style={{ width: 160 }} suffix="mm" data-testid="rain-amount" />
      </Form.Item>
      <Form.Item name="note" label={labels.note}>
        <Input maxLength={500} data-testid="rain-note" />
      </Form.Item>
    </FormModal>
  );
}

/** The estate's rain log: each rain may open the after-rain follow-ups of leak repairs (R-FU-2). */
export default function RainPage() {
  const { t } = useTranslation();
  const time = useEstateTime();
  const estate = useEstateRecord();
  const list = useListParams('-startedAt', FILTERS);
  const { params, update } = list;
  const f = params.filters;
  const query = useRainEvents({
    page: params.page,
    pageSize: params.pageSize,
    from: f.from,
    to: f.to,
    source: f.source,
  });
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState(false);
  // Everyone may see when it rained; the office records it.
  const mayRecord = useCan()('rain.record');
  const filtered = FILTERS.some((k) => f[k]);

  const columns: TableColumnsType<RainEvent> = [
    { title: t('rain.fields.startedAt'), key: 'startedAt', width: 150, render: (_, r) => time.format(r.startedAt) },
    { title: t('rain.fields.endedAt'), key: 'endedAt', width: 150, render: (_, r) => time.format(r.endedAt) },
    {
      title: t('rain.fields.duration'),
      key: 'duration',
      width: 100,
      render: (_, r) => t('rain.hours', { hours: Math.round(((Date.parse(r.endedAt) - Date.parse(r.startedAt)) / HOUR) * 10) / 10 }),
    },
    { title: t('rain.fields.amountMm'), key: 'amountMm', width: 100, render: (_, r) => (r.amountMm === null ? '—' : `${r.amountMm} mm`) },
    { title: t('rain.fields.source'), key: 'source', width: 120, render: (_, r) => t(`rain.sources.${r.source}`) },
    {
      title: t('rain.fields.followUpsOpened'),
      key: 'followUpsOpened',
      width: 120,
      render: (_, r) => <span data-testid="rain-followups-opened">{r.followUpsOpened}</span>,
    },
    { title: t('rain.fields.note'), key: 'note', ellipsis: true, render: (_, r) => r.note ?? '' },
    {
      title: t('rain.fields.recordedBy'),
      key: 'recordedBy',
      width: 160,
      render: (_, r) => `${r.recordedBy.name} · ${time.format(r.recordedAt)}`,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('rain.title')}
        extra={
          mayRecord && (
            <>
              <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)} data-testid="rain-import">
                {t('rain.import.button')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="rain-record">
                {t('rain.record.button')}
              </Button>
            </>
          )
        }
      />
      <Typography.Paragraph type="secondary" title={ruleTitle('rain.intro')}>
        {t('rain.intro')}
      </Typography.Paragraph>
      <div className="ed-toolbar" data-testid="rain-filters">
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          aria-label={t('rain.filters.period')}
          value={[f.from ? time.toPicker(f.from) : null, f.to ? time.toPicker(f.to) : null]}
          onChange={(range) =>
            update({
              filters: {
                from: range?.[0] ? time.fromPicker(range[0].startOf('day')) : undefined,
                to: range?.[1] ? time.fromPicker(range[1].endOf('day')) : undefined,
              },
            })
          }
          data-testid="rain-filter-period"
        />
        <FilterSelect
          list={list}
          name="source"
          minWidth={140}
          label={t('rain.fields.source')}
          placeholder={t('rain.filters.anySource')}
          options={RAIN_SOURCES.map((s) => ({ value: s, label: t(`rain.sources.${s}`) }))}
          data-testid="rain-filter-source"
        />
      </div>
      <ListTable
        testId="rain-table"
        list={list}
        query={query}
        columns={columns}
        scroll={{ x: 1000 }}
        emptyText={filtered ? t('table.noMatch') : t('rain.empty')}
      />
      {mayRecord && (
        <>
          <RecordRainDialog open={recording} onClose={() => setRecording(false)} />
          <RainImportDialog open={importing} defaultPlace={estate.data?.policy.rainfallPlace ?? null} onClose={() => setImporting(false)} />
        </>
      )}
    </>
  );
}
