import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Progress, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_DATASETS, EXPORT_ROWS_HEADER, type ExportDataset, type ExportFormat } from '../../contract/exports';
import { API_BASE } from '../app/api';
import { useEstate } from '../app/session';
import { PageHeader } from '../components/PageHeader';

type Progressing =
  | { state: 'idle' }
  | { state: 'running'; received: number; total: number; bytes: number; format: ExportFormat }
  | { state: 'done'; rows: number; name: string }
  | { state: 'failed'; message: string };

/** Counts the CSV's record ends as chunks arrive: newlines outside quoted cells (a description may hold some). */
function csvLineCounter() {
  let quoted = false;
  let lines = 0;
  return (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (c === 10 && !quoted) lines++;
    }
    return lines;
  };
}

const fileNameOf = (disposition: string | null, fallback: string) => /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Saves what was received under the server's file name. */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A period's records of the estate as CSV or XLSX, downloaded as a stream with its progress. */
export default function ExportsPage() {
  const { t } = useTranslation();
  const estate = useEstate();
  const [dataset, setDataset] = useState<ExportDataset>('cases');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [progress, setProgress] = useState<Progressing>({ state: 'idle' });
  const from = period?.[0]?.format('YYYY-MM-DD');
  const to = period?.[1]?.format('YYYY-MM-DD');

  async function download() {
    if (!from || !to) return;
    setProgress({ state: 'running', received: 0, total: 0, bytes: 0, format });
    try {
      const qs = new URLSearchParams({ from, to, format }).toString();
      const res = await fetch(`${API_BASE}/estates/${estate.id}/exports/${dataset}?${qs}`, { credentials: 'same-origin' });
      if (!res.ok || !res.body) {
        const body = await res.json().catch(() => null);
        throw new Error(body?.error?.message ?? `${res.status}`);
      }
      const total = Number(res.headers.get(EXPORT_ROWS_HEADER) ?? 0);
      const name = fileNameOf(res.headers.get('content-disposition'), `${dataset}-${from}-${to}.${format}`);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const count = csvLineCounter();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        if (format === 'csv') lines = count(decoder.decode(value, { stream: true }));
        // The header line is not a row.
        setProgress({ state: 'running', received: Math.max(0, lines - 1), total, bytes, format });
      }
      save(new Blob(chunks, { type: res.headers.get('content-type') ?? 'application/octet-stream' }), name);
      setProgress({ state: 'done', rows: total, name });
    } catch (err) {
      setProgress({ state: 'failed', message: (err as Error).message });
    }
  }

  const running = progress.state === 'running';
  return (
    <>
      <PageHeader title={t('exports.title')} />
      <Card style={{ maxWidth: 640 }}>
        <Form layout="vertical" onFinish={download}>
          <Form.Item label={t('exports.dataset')}>
            <Select
              value={dataset}
              onChange={setDataset}
              data-testid="export-dataset"
              options={EXPORT_DATASETS.map((d) => ({ value: d, label: t(`exports.datasets.${d}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('exports.period')} extra={t('exports.hint')} required>
            <DatePicker.RangePicker value={period} onChange={(v) => setPeriod(v)} data-testid="export-period" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('exports.format')}>
            <Radio.Group value={format} onChange={(e) => setFormat(e.target.value)} data-testid="export-format">
              <Radio.Button value="csv">CSV</Radio.Button>
              <Radio.Button value="xlsx">XLSX</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Button
              type="primary"
              htmlType="submit"
              icon={<DownloadOutlined />}
              loading={running}
              disabled={!from || !to}
              title={!from || !to ? t('exports.needPeriod') : undefined}
              data-testid="export-download"
            >
              {t('exports.download')}
            </Button>
            {progress.state === 'running' && progress.format === 'csv' && (
              <div data-testid="export-progress">
                <Progress percent={progress.total ? Math.min(100, Math.floor((progress.received / progress.total) * 100)) : 0} />
                <Typography.Text type="secondary">
                  {t('exports.rows', { received: progress.received, total: progress.total })}
                </Typography.Text>
              </div>
            )}
            {progress.state === 'running' && progress.format === 'xlsx' && (
              <div data-testid="export-progress">
                <Progress percent={99} status="active" showInfo={false} />
                <Typography.Text type="secondary">{t('exports.bytes', { size: sizeText(progress.bytes) })}</Typography.Text>
              </div>
            )}
            {progress.state === 'done' && (
              <div data-testid="export-done">
                <Progress percent={100} />
                <Typography.Text>{t('exports.done', { rows: progress.rows, name: progress.name })}</Typography.Text>
              </div>
            )}
            {progress.state === 'failed' && (
              <Alert type="error" showIcon message={t('exports.failed', { message: progress.message })} data-testid="export-failed" />
            )}
          </Space>
        </Form>
      </Card>
    </>
  );
}
