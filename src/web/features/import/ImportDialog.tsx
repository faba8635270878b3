import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, type TableColumnsType, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { RESIDENT_IMPORT_COLUMNS, UNIT_IMPORT_COLUMNS } from '../../../contract/directory';
import { ApiError, api } from '../../app/api';
import { useEstate } from '../../app/session';
import { useErrorText } from '../../components/errors';
import { formatOf, MAX_FILE_BYTES, readAsBase64 } from '../../components/files';
import { translateOr } from '../../i18n';
import type { ImportOutcome, ImportRowErrorItem } from '../directory/types';

export type ImportTarget = 'units' | 'residents';

/** The header row each import reads (the server's own list); file column names, not UI text. */
export const IMPORT_COLUMNS: Record<ImportTarget, readonly string[]> = {
  units: UNIT_IMPORT_COLUMNS,
  residents: RESIDENT_IMPORT_COLUMNS,
};

/** An empty CSV with the import's header row, to fill in; the byte-order mark makes Excel read it as UTF-8. */
function templateUrl(target: ImportTarget): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${IMPORT_COLUMNS[target].join(',')}\r\n`)}`;
}

type Format = 'csv' | 'xlsx';

type Status =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'invalid'; rows: ImportRowErrorItem[] }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; result: ImportOutcome };

const FORMATS: Record<string, Format> = { '.csv': 'csv', '.xlsx': 'xlsx' };

/** The problem in words: a column-specific sentence, else the reason's, else the server's message. */
function reasonText(error: ImportRowErrorItem): string {
  return translateOr(`import.columnReasons.${error.column}.${error.reason}`, translateOr(`import.reasons.${error.reason}`, error.message));
}

function rowErrorsOf(error: unknown): ImportRowErrorItem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'import.invalid_rows') return null;
  const rows = error.details.rows;
  return Array.isArray(rows) ? (rows as ImportRowErrorItem[]) : [];
}

interface ImportDialogProps {
  target: ImportTarget;
  open: boolean;
  onClose: () => void;
  onImported: (result: ImportOutcome) => void;
}

/**
 * Import of a CSV or XLSX file. The file is checked first (a dry run); a file with any bad row
 * imports nothing, and the dialog lists every bad row so the user can fix the file and retry.
 */
export function ImportDialog({ target, open, onClose, onImported }: ImportDialogProps) {
  const { t } = useTranslation();
  const estate = useEstate();
  const errorText = useErrorText();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const close = () => {
    setFile(null);
    setStatus({ kind: 'idle' });
    onClose();
  };

  const run = async () => {
    const raw = file?.originFileObj;
    if (!file || !raw) return;
    const format = formatOf(file.name, FORMATS);
    if (!format) {
      setStatus({ kind: 'failed', message: t('import.wrongType') });
      return;
    }
    if (raw.size > MAX_FILE_BYTES) {
      setStatus({ kind: 'failed', message: t('import.tooLarge') });
      return;
    }
    setStatus({ kind: 'working' });
    try {
      const contentBase64 = await readAsBase64(raw);
      const path = `/estates/${estate.id}/${target}/import`;
      const body = { format, fileName: file.name, contentBase64 };
      // Check the whole file first; only a clean file is then imported.
      await api.post<ImportOutcome>(path, { ...body, dryRun: true });
      const result = await api.post<ImportOutcome>(path, { ...body, dryRun: false });
      setStatus({ kind: 'done', result });
      onImported(result);
    } catch (error) {
      const rows = rowErrorsOf(error);
      setStatus(rows ? { kind: 'invalid', rows } : { kind: 'failed', message: errorText(error) });
    }
  };

  const columns: TableColumnsType<ImportRowErrorItem> = [
    { title: t('import.errors.row'), dataIndex: 'row', key: 'row', width: 72 },
    { title: t('import.errors.column'), dataIndex: 'column', key: 'column', width: 120, render: (c: string) => <code>{c}</code> },
    {
      title: t('import.errors.value'),
      dataIndex: 'value',
      key: 'value',
      width: 160,
      // The cell as the file has it, so the person sees what to fix without opening the file.
      render: (value?: string) =>
        value ? (
          <Typography.Text code data-testid="import-error-value">
            {value}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('import.errors.empty')}</Typography.Text>
        ),
    },
    { title: t('import.errors.reason'), key: 'reason', render: (_, r) => reasonText(r) },
  ];

  const working = status.kind === 'working';

  return (
    <Modal
      open={open}
      title={t(`import.title.${target}`)}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close} data-testid="import-close">
            {status.kind === 'done' ? t('common.close') : t('common.cancel')}
          </Button>
          <Button type="primary" onClick={run} loading={working} disabled={!file || status.kind === 'done'} data-testid="import-submit">
            {t('import.submit')}
          </Button>
        </Space>
      }
    >
      <div data-testid="import-dialog">
        <Typography.Paragraph>
          {t('import.intro')} <Typography.Text code>{IMPORT_COLUMNS[target].join(',')}</Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph>
          <Button icon={<DownloadOutlined />} href={templateUrl(target)} download={`${target}-template.csv`} data-testid="import-template">
            {t('import.template')}
          </Button>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('import.allOrNothing')}</Typography.Paragraph>

        <Upload.Dragger
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          fileList={file ? [file] : []}
          beforeUpload={(picked) => {
            // Keep the file in the browser; it is sent as JSON when the user confirms.
            setFile({ uid: picked.uid, name: picked.name, size: picked.size, originFileObj: picked });
            setStatus({ kind: 'idle' });
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setStatus({ kind: 'idle' });
          }}
          disabled={working}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.pick')}</p>
          <p className="ant-upload-hint">{t('import.pickHint')}</p>
        </Upload.Dragger>

        <div style={{ marginTop: 16 }}>
          {status.kind === 'invalid' && (
            <>
              <Alert
                type="error"
                showIcon
                data-testid="import-nothing-imported"
                title={t('import.nothingImported', { count: status.rows.length })}
                description={t('import.fixAndRetry')}
                style={{ marginBottom: 12 }}
              />
              <Table<ImportRowErrorItem>
                data-testid="import-errors"
                size="small"
                columns={columns}
                dataSource={status.rows}
                rowKey={(r) => `${r.row}:${r.column}:${r.reason}`}
                pagination={status.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
              />
            </>
          )}
          {status.kind === 'failed' && <Alert type="error" showIcon data-testid="import-failed" title={status.message} />}
          {status.kind === 'done' && (
            <Alert
              type="success"
              showIcon
              data-testid="import-result"
              title={
                <Trans
                  i18nKey="import.done.summary"
                  values={{ created: status.result.created, updated: status.result.updated }}
                  components={{
                    created: <strong data-testid="import-created" />,
                    updated: <strong data-testid="import-updated" />,
                  }}
                />
              }
              description={t('import.done.total', { count: status.result.total })}
            />
          )}
        </div>
      </div>
    </Modal>
  );
}
