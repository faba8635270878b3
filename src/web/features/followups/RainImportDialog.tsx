import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/errors';
import { formatOf, MAX_FILE_BYTES, readAsBase64 } from '../../components/files';
import { translateOr } from '../../i18n';
import type { ImportRowErrorItem } from '../directory/types';
import { useFollowUpActions } from './api';
import { useEstateTime } from './time';
import type { ImportRainResult } from './types';

type Format = 'hko-json' | 'csv';
type Step =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'preview'; result: ImportRainResult }
  | { kind: 'done'; result: ImportRainResult };

/** The CSV's header row; file column names, not UI text. */
export const RAIN_CSV_COLUMNS = 'time,rainfall_mm[,end]';

const FORMATS: Record<string, Format> = { '.json': 'hko-json', '.csv': 'csv' };

type PreviewRow = ImportRainResult['events'][number];

/**
 * Rain from a weather feed (R-FU-3): the Observatory's rainfall JSON or a CSV. The file is read
 * first without writing (a preview of the rain it holds, rain already on record marked), and
 * imported only when the desk confirms. Rain on record twice opens no second follow-up.
 */
export function RainImportDialog({ open, defaultPlace, onClose }: { open: boolean; defaultPlace: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const time = useEstateTime();
  const actions = useFollowUpActions();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [format, setFormat] = useState<Format>('hko-json');
  const [place, setPlace] = useState<string>('');
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFile(null);
    setStep({ kind: 'idle' });
    setFailure(null);
    setPlace('');
    onClose();
  };

  const run = async (dryRun: boolean) => {
    const raw = file?.originFileObj;
    if (!file || !raw) return;
    if (raw.size > MAX_FILE_BYTES) {
      setFailure(t('import.tooLarge'));
      return;
    }
    setFailure(null);
    setStep({ kind: 'working' });
    try {
      const contentBase64 = await readAsBase64(raw);
      const result = await actions.importRain({
        format,
        fileName: file.name,
        contentBase64,
        place: format === 'hko-json' && place.trim() ? place.trim() : undefined,
        dryRun,
      });
      setStep(dryRun ? { kind: 'preview', result } : { kind: 'done', result });
    } catch (error) {
      setStep({ kind: 'idle' });
      setFailure(errorText(error));
    }
  };

  const eventColumns: TableColumnsType<PreviewRow> = [
    { title: t('rain.fields.startedAt'), key: 'start', render: (_, e) => time.format(e.startedAt) },
    { title: t('rain.fields.endedAt'), key: 'end', render: (_, e) => time.format(e.endedAt) },
    { title: t('rain.fields.amountMm'), key: 'mm', width: 100, render: (_, e) => (e.amountMm === null ? '—' : e.amountMm) },
    {
      title: '',
      key: 'dup',
      width: 120,
      render: (_, e) => (e.duplicate ? <Tag>{t('rain.import.duplicate')}</Tag> : <Tag color="blue">{t('rain.import.new')}</Tag>),
    },
  ];
  const errorColumns: TableColumnsType<ImportRowErrorItem> = [
    { title: t('import.errors.row'), dataIndex: 'row', key: 'row', width: 72 },
    { title: t('import.errors.column'), dataIndex: 'column', key: 'column', width: 180, render: (c: string) => <code>{c}</code> },
    { title: t('import.errors.reason'), key: 'reason', render: (_, r) => translateOr(`rain.import.reasons.${r.reason}`, r.message) },
  ];

  const result = step.kind === 'preview' || step.kind === 'done' ? step.result : null;
  const working = step.kind === 'working';
  const toCreate = result ? result.events.filter((e) => !e.duplicate).length : 0;

  return (
    <Modal
      open={open}
      title={t('rain.import.title')}
      onCancel={close}
      width={760}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close} data-testid="rain-import-close">
            {step.kind === 'done' ? t('common.close') : t('common.cancel')}
          </Button>
          <Button
            onClick={() => void run(true)}
            loading={working}
            disabled={!file || step.kind === 'done'}
            data-testid="rain-import-preview"
          >
            {t('rain.import.preview')}
          </Button>
          <Button
            type="primary"
            onClick={() => void run(false)}
            loading={working}
            disabled={step.kind !== 'preview' || toCreate === 0}
            data-testid="rain-import-submit"
          >
            {t('rain.import.submit', { count: toCreate })}
          </Button>
        </Space>
      }
    >
      <div data-testid="rain-import-dialog">
        <Typography.Paragraph>{t('rain.import.intro')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {t('rain.import.csvColumns')} <Typography.Text code>{RAIN_CSV_COLUMNS}</Typography.Text>
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('rain.import.format')}>
            <Radio.Group
              value={format}
              onChange={(e) => {
                setFormat(e.target.value as Format);
                setStep({ kind: 'idle' });
              }}
              options={[
                { value: 'hko-json', label: t('rain.import.formats.hko-json') },
                { value: 'csv', label: t('rain.import.formats.csv') },
              ]}
              data-testid="rain-import-format"
            />
          </Form.Item>
          {format === 'hko-json' && (
            <Form.Item
              label={t('rain.import.place')}
              extra={t('rain.import.placeHelp', { place: defaultPlace ?? t('rain.import.anyPlace') })}
            >
              <Input
                value={place}
                placeholder={defaultPlace ?? ''}
                maxLength={100}
                onChange={(e) => {
                  setPlace(e.target.value);
                  setStep({ kind: 'idle' });
                }}
                data-testid="rain-import-place"
              />
            </Form.Item>
          )}
        </Form>
        <Upload.Dragger
          accept=".json,.csv,application/json,text/csv"
          maxCount={1}
          fileList={file ? [file] : []}
          beforeUpload={(picked) => {
            const guessed = formatOf(picked.name, FORMATS);
            if (guessed) setFormat(guessed);
            setFile({ uid: picked.uid, name: picked.name, status: 'done', originFileObj: picked });
            setStep({ kind: 'idle' });
            setFailure(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setStep({ kind: 'idle' });
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('import.pick')}</p>
          <p className="ant-upload-hint">{t('rain.import.pickHint')}</p>
        </Upload.Dragger>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} data-testid="rain-import-failed" />}
        {result && (
          <div style={{ marginTop: 16 }} data-testid={step.kind === 'done' ? 'rain-import-result' : 'rain-import-preview-result'}>
            {step.kind === 'done' ? (
              <Alert
                type="success"
                showIcon
                title={t('rain.import.done', { created: result.created, duplicates: result.duplicates, opened: result.followUpsOpened })}
              />
            ) : (
              <Alert
                type={result.events.length ? 'info' : 'warning'}
                showIcon
                title={t('rain.import.previewSummary', {
                  count: result.events.length,
                  fresh: toCreate,
                  duplicates: result.events.length - toCreate,
                })}
              />
            )}
            {result.events.length > 0 && (
              <Table<PreviewRow>
                style={{ marginTop: 12 }}
                size="small"
                rowKey={(e) => `${e.startedAt}-${e.endedAt}`}
                columns={eventColumns}
                dataSource={result.events}
                pagination={result.events.length > 10 ? { pageSize: 10 } : false}
                data-testid="rain-import-events"
              />
            )}
            {result.errors.length > 0 && (
              <>
                <Typography.Paragraph type="warning" style={{ marginTop: 12 }}>
                  {t('rain.import.skippedRows', { count: result.errors.length })}
                </Typography.Paragraph>
                <Table<ImportRowErrorItem>
                  size="small"
                  rowKey={(r) => `${r.row}-${r.column}`}
                  columns={errorColumns}
                  dataSource={result.errors}
                  pagination={result.errors.length > 10 ? { pageSize: 10 } : false}
                  data-testid="rain-import-errors"
                />
              </>
            )}
          </div>
        )}
      </div>
    </Modal>
  );
}
