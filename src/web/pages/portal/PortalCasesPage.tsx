import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Pagination, Segmented, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DATE_FORMAT } from '../../app/time';
import { usePortalCases } from '../../features/portal/api';
import { CaseStatusTag } from '../../features/portal/CaseStatusTag';
import { usePortalErrorText, usePortalTime } from '../../features/portal/text';

type Filter = 'open' | 'closed' | 'all';
const PAGE_SIZE = 10;

/** The resident's own cases, newest first: open or closed, a card each, tap to open. */
export default function PortalCasesPage() {
  const { t } = useTranslation();
  const time = usePortalTime();
  const errorText = usePortalErrorText();
  const [search, setSearch] = useSearchParams();
  const filter = (['open', 'closed'].includes(search.get('status') ?? '') ? search.get('status') : 'all') as Filter;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const query = usePortalCases({ status: filter === 'all' ? undefined : filter, page, pageSize: PAGE_SIZE });

  const setFilter = (value: Filter) => setSearch(value === 'all' ? {} : { status: value }, { replace: true });

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          {t('portal.cases.title')}
        </Typography.Title>
        <Link to="/portal/report">
          <Button type="primary" size="large" icon={<PlusOutlined />} data-testid="portal-report-new">
            {t('portal.cases.report')}
          </Button>
        </Link>
      </div>
      <Segmented<Filter>
        block
        size="large"
        value={filter}
        onChange={setFilter}
        data-testid="portal-cases-filter"
        options={(['open', 'closed', 'all'] as const).map((f) => ({
          value: f,
          label: <span data-testid={`portal-cases-filter-${f}`}>{t(`portal.cases.filters.${f}`)}</span>,
        }))}
      />
      {query.isError && <Typography.Text type="danger">{errorText(query.error)}</Typography.Text>}
      {query.isPending ? (
        <Spin style={{ display: 'block', margin: '32px auto' }} />
      ) : !query.data?.items.length ? (
        <Empty description={t('portal.cases.empty')} data-testid="portal-cases-empty" />
      ) : (
        <div data-testid="portal-cases">
          {query.data.items.map((c) => (
            <Link
              key={c.id}
              to={`/portal/cases/${c.id}`}
              className="ed-portal-case-card"
              data-testid="portal-case"
              data-case-number={c.number}
            >
              <Card hoverable>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <Typography.Text strong>{`${t(`caseKinds.${c.kind}`)} · ${c.number}`}</Typography.Text>
                  <CaseStatusTag summary={c} />
                </div>
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0' }}>
                  {c.description}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {[c.unit?.label, time(c.recordedAt, DATE_FORMAT)].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Card>
            </Link>
          ))}
          <Pagination
            simple
            align="center"
            current={page}
            pageSize={PAGE_SIZE}
            total={query.data.total}
            hideOnSinglePage
            onChange={(p) => setSearch({ ...(filter === 'all' ? {} : { status: filter }), page: String(p) })}
          />
        </div>
      )}
    </Space>
  );
}
