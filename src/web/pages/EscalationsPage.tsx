import { Alert, Badge, Card, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { useCases, useObligations } from '../features/cases/api';
import { CaseTable } from '../features/cases/CaseTable';
import { ObligationTable } from '../features/cases/ObligationTable';

const PAGE = { page: 1, pageSize: 50 };

/**
 * The manager's queue: complaints escalated to them (R-CP-2, R-CP-3 not satisfied) and
 * deadlines that were missed (R-CP-4), oldest first.
 */
export default function EscalationsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const cases = useCases({ ...PAGE, escalated: 'true', status: 'open', sort: 'recordedAt' });
  const escalated = useObligations({ ...PAGE, queue: 'escalated' });
  const overdue = useObligations({ ...PAGE, queue: 'overdue' });
  const error = cases.error ?? escalated.error ?? overdue.error;

  const count = (n: number | undefined) => (
    <Badge count={n ?? 0} showZero color={n ? '#cf1322' : '#bfbfbf'} style={{ marginInlineStart: 6 }} />
  );

  return (
    <>
      <PageHeader title={t('cases.escalations.title')} />
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          size="small"
          title={
            <span>
              {t('cases.escalations.cases')}
              {count(cases.data?.total)}
            </span>
          }
        >
          <CaseTable
            testId="escalated-cases"
            dataSource={cases.data?.items}
            loading={cases.isPending}
            pagination={false}
            locale={{ emptyText: t('cases.escalations.noCases') }}
          />
        </Card>
        <Card size="small" title={t('cases.escalations.deadlines')}>
          <Tabs
            items={[
              {
                key: 'overdue',
                label: (
                  <span data-testid="tab-overdue">
                    {t('obligations.queues.overdue')}
                    {count(overdue.data?.total)}
                  </span>
                ),
                children: (
                  <ObligationTable
                    testId="overdue-obligations"
                    showEscalated
                    items={overdue.data?.items}
                    loading={overdue.isPending}
                    emptyText={t('obligations.emptyOverdue')}
                  />
                ),
              },
              {
                key: 'escalated',
                label: (
                  <span data-testid="tab-escalated">
                    {t('obligations.queues.escalated')}
                    {count(escalated.data?.total)}
                  </span>
                ),
                children: (
                  <ObligationTable
                    testId="escalated-obligations"
                    showEscalated
                    items={escalated.data?.items}
                    loading={escalated.isPending}
                    emptyText={t('obligations.emptyEscalated')}
                  />
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
