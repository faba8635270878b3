import { CheckOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Radio, Space, Table, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/errors';
import { MAX_FILE_BYTES, readAsBase64 } from '../../components/files';
import { useTelephonyActions } from './api';
import type { PbxImportResult } from './types';

type Format = 'asterisk' | 'mapped';

/**
 * The PBX's call-detail records from a file (R-PH-5): Asterisk's Master.csv or a CSV read by the
 * saved mapping. The file is checked first (nothing is written) and the row errors listed; only
 * then is it imported, all or nothing. A call imported before is counted as known, not again.
 */
export function PbxImportCard({ hasMapping }: { hasMapping: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const actions = useTelephonyActions();
  const [format, setFormat] = useState<Format>('asterisk');
  const [file, setFile] = useState<UploadFile | null>(null);
  const [checked, setChecked] = useState<PbxImportResult | null>(null);
  const [done, setDone] = useState<PbxImportResult | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    const raw = file?.originFileObj;
    if (!file || !raw) return;
    if (raw.size > MAX_FILE_BYTES) {
      setError(t('import.tooLarge'));
      return;
    }
    setWorking(true);
    setError(null);
    try {
      const content = await readAsBase64(raw);
      const result = await actions.importRecords({ format, fileName: file.name, content, dryRun });
      if (dryRun) {
        setChecked(result);
        setDone(null);
      } else {
        setDone(result);
        setChecked(null);
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setWorking(false);
    }
  };

  const shown = done ?? checked;
  return (
    <Card size="small" title={t('pbx.import.title')} data-testid="pbx-import">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('pbx.import.help')}</Typography.Text>
        <Radio.Group
          value={format}
          onChange={(e) => {
            setFormat(e.target.value as Format);
            setChecked(null);
            setDone(null);
          }}
          data-testid="pbx-import-format"
        >
          <Radio value="asterisk">{t('pbx.import.asterisk')}</Radio>
          <Radio value="mapped" disabled={!hasMapping}>
            {t('pbx.import.mapped')}
          </Radio>
        </Radio.Group>
        <Upload.Dragger
          accept=".csv,text/csv"
          maxCount={1}
          fileList={file ? [file] : []}
          beforeUpload={() => false}
          onChange={({ fileList }) => {
            setFile(fileList.at(-1) ?? null);
            setChecked(null);
            setDone(null);
            setError(null);
          }}
          data-testid="pbx-import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('pbx.import.pick')}</p>
        </Upload.Dragger>
        <Space wrap>
          <Button
            icon={<CheckOutlined />}
            disabled={!file}
            loading={working && !checked}
            onClick={() => run(true)}
            data-testid="pbx-import-check"
          >
            {t('pbx.import.check')}
          </Button>
          <Button
            type="primary"
            icon={<UploadOutlined />}
            disabled={!checked || checked.errors.length > 0}
            loading={working && Boolean(checked)}
            onClick={() => run(false)}
            data-testid="pbx-import-run"
          >
            {t('pbx.import.run')}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} data-testid="pbx-import-error" />}
        {shown && (
          <Alert
            type={shown.errors.length ? 'error' : 'success'}
            showIcon
            data-testid="pbx-import-result"
            data-dry-run={shown.dryRun ? 'yes' : 'no'}
            data-added={shown.added}
            data-known={shown.known}
            title={
              shown.errors.length
                ? t('pbx.import.hasErrors', { count: shown.errors.length })
                : shown.dryRun
                  ? t('pbx.import.checked', { rows: shown.rows, added: shown.added, known: shown.known })
                  : t('pbx.import.imported', { rows: shown.rows, added: shown.added, known: shown.known })
            }
          />
        )}
        {shown && shown.errors.length > 0 && (
          <Table
            size="small"
            rowKey={(e) => `${e.row}-${e.field}`}
            dataSource={shown.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="pbx-import-errors"
            columns={[
              { key: 'row', title: t('import.errors.row'), dataIndex: 'row', width: 72 },
              { key: 'field', title: t('import.errors.column'), dataIndex: 'field', width: 140, render: (f: string) => <code>{f}</code> },
              { key: 'message', title: t('import.errors.reason'), dataIndex: 'message' },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
