import { ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SweepResult } from '../../../contract/reports';
import { useCan } from '../../app/session';
import { useEstateTime } from '../../app/time';
import { useErrorText } from '../../components/errors';
import { translateOr } from '../../i18n';
import { useRunSweep } from './api';

type Breach = SweepResult['breaches'][number];

/**
 * Runs the deadline sweep now (for those who hold `sweep.run`) and shows what it found overdue
 * and whom it escalated to; the report is read again afterwards.
 */
export function SweepButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const time = useEstateTime();
  const sweep = useRunSweep();
  const [result, setResult] = useState<SweepResult | null>(null);
  const mayRun = useCan()('sweep.run');
  if (!mayRun) return null;
  return (
    <>
      <Button
        icon={<ThunderboltOutlined />}
        loading={sweep.isPending}
        data-testid="report-sweep"
        onClick={() =>
          sweep.mutate(undefined, {
            onSuccess: setResult,
            onError: (error) => void message.error(errorText(error)),
          })
        }
      >
        {t('reports.sweep.run')}
      </Button>
      <Modal
        open={result !== null}
        title={t('reports.sweep.title')}
        onCancel={() => setResult(null)}
        footer={
          <Button type="primary" onClick={() => setResult(null)}>
            {t('common.close')}
          </Button>
        }
        width={760}
        data-testid="sweep-result"
      >
        {result && (
          <>
            <Typography.Paragraph type="secondary">{t('reports.sweep.ranAt', { time: time.format(result.ranAt) })}</Typography.Paragraph>
            <Typography.Paragraph strong data-testid="sweep-breached">
              {result.breached ? t('reports.sweep.breached', { count: result.breached }) : t('reports.sweep.none')}
            </Typography.Paragraph>
            {result.breaches.length > 0 && (
              <Table<Breach>
                size="small"
                rowKey={(b) => `${b.rule}-${b.subjectId}`}
                dataSource={result.breaches}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: t('reports.sweep.rule'), dataIndex: 'rule', key: 'rule' },
                  {
                    title: t('reports.sweep.subject'),
                    key: 'subject',
                    render: (_, b) => translateOr(`obligations.subjects.${b.subjectType}`, b.subjectType),
                  },
                  { title: t('reports.sweep.dueAt'), key: 'dueAt', render: (_, b) => time.format(b.dueAt) },
                  {
                    title: t('reports.sweep.escalatedTo'),
                    key: 'escalatedTo',
                    render: (_, b) => b.escalatedToName ?? t('reports.sweep.nobody'),
                  },
                ]}
              />
            )}
          </>
        )}
      </Modal>
    </>
  );
}
