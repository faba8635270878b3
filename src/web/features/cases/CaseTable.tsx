import { type TableColumnsType, type TableProps, Tooltip, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEstateTime } from '../../app/time';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { ruleTitle } from '../../i18n';
import { ChannelText, KindTag, StatusTag } from './CaseTags';
import { DeadlineTag, useNow } from './ObligationBadge';
import type { CaseSummary } from './types';

/** The cases of a list or a queue; the number opens the case. */
export function CaseTable({
  testId,
  sortOrderOf,
  ...props
}: Omit<TableProps<CaseSummary>, 'columns' | 'rowKey'> & { testId: string; sortOrderOf?: (key: string) => SortOrder }) {
  const { t } = useTranslation();
  const { format } = useEstateTime();
  const now = useNow();
  const sortable = (key: string, directions: SortOrder[] = ['descend', 'ascend']) =>
    sortOrderOf ? { sorter: true, sortOrder: sortOrderOf(key), sortDirections: directions } : {};
  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.fields.number'),
      key: 'number',
      width: 110,
      render: (_, c) => (
        <Link to={`/cases/${c.id}`} data-testid="case-open">
          {c.number}
        </Link>
      ),
    },
    {
      title: t('cases.fields.kind'),
      key: 'kind',
      width: 130,
      render: (_, c) => (
        <div>
          <KindTag kind={c.kind} />
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <ChannelText channel={c.channel} />
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('cases.fields.status'), key: 'status', width: 96, render: (_, c) => <StatusTag status={c.status} /> },
    {
      title: t('cases.fields.caller'),
      key: 'caller',
      width: 140,
      render: (_, c) => (
        <div>
          <div>{c.unit ? `${c.unit.buildingName} ${c.unit.number}` : '—'}</div>
          {c.residentName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.residentName}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('cases.fields.description'),
      key: 'description',
      ellipsis: { showTitle: false },
      onCell: () => ({ style: { minWidth: 200 } }),
      render: (_, c) => (
        <Tooltip title={c.description} placement="topLeft">
          <span data-testid="case-description-cell">{c.description}</span>
        </Tooltip>
      ),
    },
    {
      title: t('cases.fields.handler'),
      key: 'handler',
      width: 110,
      render: (_, c) =>
        c.assignee?.name ?? c.department?.name ?? <Typography.Text type="secondary">{t('cases.unassigned')}</Typography.Text>,
    },
    {
      title: <span title={ruleTitle('cases.fields.replyDue')}>{t('cases.fields.replyDue')}</span>,
      key: 'replyDueAt',
      width: 140,
      // The soonest deadline first is the only order that helps; the server sorts no other way.
      ...sortable('replyDueAt', ['ascend']),
      render: (_, c) =>
        c.replyDueAt && !c.firstReplyAt ? (
          <DeadlineTag obligation={{ state: 'open', dueAt: c.replyDueAt, metOnTime: null, metAt: null }} now={now} />
        ) : c.firstReplyAt ? (
          <Typography.Text type="secondary">{t('cases.replied')}</Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('cases.fields.recordedAt'),
      key: 'recordedAt',
      width: 140,
      ...sortable('recordedAt'),
      render: (_, c) => format(c.recordedAt),
    },
  ];
  return (
    <ResponsiveTable<CaseSummary>
      data-testid={testId}
      rowKey="id"
      size="middle"
      columns={columns}
      scroll={{ x: 1100 }}
      rowClassName={(c) => (c.overdue ? 'ed-case-overdue' : '')}
      onRow={(c) => ({ 'data-case-number': c.number, 'data-overdue': String(c.overdue) }) as HTMLAttributes<HTMLElement>}
      {...props}
    />
  );
}
