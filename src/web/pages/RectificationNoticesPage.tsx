import { AuditOutlined } from '@ant-design/icons';
import { Button, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../app/session';
import { FilterSelect, ListTable, YearFilter, yearOf } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { useListParams } from '../components/useListParams';
import { useNow } from '../features/cases/ObligationBadge';
import { useStaffList } from '../features/directory/api';
import { useFollowUp, useNotices } from '../features/followups/api';
import { NoticeStatusTag, unitText } from '../features/followups/FollowUpTags';
import { IssueNoticeDialog, type NoticeSource } from '../features/followups/IssueNoticeDialog';
import { NoticeActions } from '../features/followups/NoticeActions';
import { NoticesDueTable } from '../features/followups/NoticesDue';
import { useEstateTime } from '../features/followups/time';
import { NOTICE_STATUSES, type RectificationNotice } from '../features/followups/types';

const FILTERS = ['status', 'recipient', 'year', 'caseId', 'issueFor', 'due'] as const;

/**
 * Written rectification notices (R-RC-1..3): who must fix what by when, whether they have
 * acknowledged it, and what came of it. `issueFor=<follow-up id>` opens the notice form for
 * the follow-up that found the problem; `due=1` lists the problems still waiting for theirs.
 */
export default function RectificationNoticesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const time = useEstateTime();
  const list = useListParams('-issuedAt', FILTERS);
  const { params, update } = list;
  const f = params.filters;
  const year = yearOf(f.year);
  const due = Boolean(f.due);
  const query = useNotices(
    {
      page: params.page,
      pageSize: params.pageSize,
      status: f.status,
      recipient: f.recipient,
      year,
      caseId: f.caseId,
    },
    { enabled: !due },
  );
  const can = useCan();
  // Maintenance staff see only the notices addressed to them: no one else to filter by.
  const mayReadAll = can('notice.read');
  const mayIssue = can('notice.issue');
  const staff = useStaffList({ page: 1, pageSize: 200 });
  const launchedFrom = useFollowUp(f.issueFor ?? null);
  const [picking, setPicking] = useState(false);
  const filtered = FILTERS.some((k) => k !== 'issueFor' && k !== 'due' && f[k]);
  const now = useNow();

  const source: NoticeSource | null = picking
    ? { kind: 'pick' }
    : f.issueFor && launchedFrom.data
      ? { kind: 'followUp', followUp: launchedFrom.data }
      : null;
  const closeIssue = () => {
    setPicking(false);
    if (f.issueFor) update({ filters: { issueFor: undefined } });
  };

  const columns: TableColumnsType<RectificationNotice> = [
    {
      title: t('rectification.fields.code'),
      key: 'code',
      width: 110,
      render: (_, n) => (
        <Link to={`/rectification-notices/${n.id}`} data-testid="notice-open">
          {n.code}
        </Link>
      ),
    },
    { title: t('rectification.fields.status'), key: 'status', width: 100, render: (_, n) => <NoticeStatusTag status={n.status} /> },
    {
      title: t('rectification.fields.case'),
      key: 'case',
      width: 140,
      render: (_, n) => (
        <div>
          <Link to={`/cases/${n.caseId}`}>{n.caseNumber}</Link>
          <div>
            <Typography.Text type="secondary">{unitText(n.unit)}</Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('rectification.fields.problem'),
      key: 'problem',
      ellipsis: { showTitle: false },
      onCell: () => ({ style: { minWidth: 180 } }),
      render: (_, n) => (
        <Tooltip title={n.problem} placement="topLeft">
          <span>{n.problem}</span>
        </Tooltip>
      ),
    },
    {
      title: t('rectification.fields.deadlineAt'),
      key: 'deadlineAt',
      width: 150,
      render: (_, n) => {
        const late = (n.status === 'issued' || n.status === 'acknowledged') && Date.parse(n.deadlineAt) < now;
        return (
          <Space orientation="vertical" size={0}>
            {time.format(n.deadlineAt)}
            {late && <Tag color="error">{t('rectification.pastDeadline')}</Tag>}
          </Space>
        );
      },
    },
    {
      title: t('rectification.fields.recipient'),
      key: 'recipient',
      width: 150,
      render: (_, n) => (
        <div>
          {n.recipient.name}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {n.acknowledgedAt
                ? t('rectification.acknowledgedOn', { time: time.format(n.acknowledgedAt) })
                : t('rectification.notAcknowledged')}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('rectification.fields.issued'),
      key: 'issued',
      width: 170,
      render: (_, n) => (
        <div>
          {time.format(n.issuedAt)}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {n.issuedBy.name}
            </Typography.Text>{' '}
            <Tag color={n.issuedOnTime ? 'success' : 'warning'}>{n.issuedOnTime ? t('rectification.onTime') : t('rectification.late')}</Tag>
          </div>
        </div>
      ),
    },
    { title: t('common.actions'), key: 'actions', width: 260, render: (_, n) => <NoticeActions notice={n} size="small" /> },
  ];

  return (
    <>
      <PageHeader
        title={t('rectification.title')}
        extra={
          mayIssue && (
            <Button type="primary" icon={<AuditOutlined />} onClick={() => setPicking(true)} data-testid="notice-issue">
              {t('rectification.issue.button')}
            </Button>
          )
        }
      />
      {due ? (
        <>
          <div className="ed-toolbar" data-testid="notice-filters">
            <Tag closable onClose={() => update({ filters: { due: undefined }, page: 1 })} data-testid="filter-notices-due">
              {t('rectification.due.filter')}
            </Tag>
          </div>
          <NoticesDueTable list={list} mayIssue={mayIssue} onIssue={(id) => update({ filters: { issueFor: id }, page: params.page })} />
        </>
      ) : (
        <>
          <div className="ed-toolbar" data-testid="notice-filters">
            <FilterSelect
              list={list}
              name="status"
              minWidth={140}
              label={t('rectification.fields.status')}
              placeholder={t('rectification.filters.anyStatus')}
              options={[
                { value: 'unacknowledged', label: t('rectification.filters.unacknowledged') },
                ...NOTICE_STATUSES.map((s) => ({ value: s, label: t(`rectification.statuses.${s}`) })),
              ]}
              data-testid="filter-notice-status"
            />
            {mayReadAll && (
              <FilterSelect
                list={list}
                name="recipient"
                minWidth={150}
                label={t('rectification.fields.recipient')}
                placeholder={t('rectification.filters.anyRecipient')}
                options={[
                  { value: 'me', label: t('rectification.filters.mine') },
                  ...(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
                ]}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="filter-notice-recipient"
              />
            )}
            <YearFilter list={list} label={t('rectification.filters.year')} testId="filter-notice-year" />
            {f.caseId && (
              <Tag closable onClose={() => update({ filters: { caseId: undefined } })}>
                {t('rectification.filters.oneCase', { number: query.data?.items[0]?.caseNumber ?? '' })}
              </Tag>
            )}
          </div>
          <ListTable
            testId="notices-table"
            list={list}
            query={query}
            otherError={launchedFrom.error}
            columns={columns}
            scroll={{ x: 1300 }}
            onRow={(n) => ({ 'data-notice-code': n.code, 'data-status': n.status }) as HTMLAttributes<HTMLElement>}
            emptyText={filtered ? t('table.noMatch') : t('rectification.empty')}
          />
        </>
      )}
      {mayIssue && (
        <IssueNoticeDialog
          source={source}
          onClose={closeIssue}
          onIssued={(notice) => void navigate(`/rectification-notices/${notice.id}`)}
        />
      )}
    </>
  );
}
