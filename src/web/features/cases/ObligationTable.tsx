import { type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEstateTime } from '../../app/time';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { DeadlineTag, ruleLabel, useNow } from './ObligationBadge';
import type { Obligation } from './types';

/** Deadlines of the front desk lead to its screens: a call-back to the messages, a wait to the desk. */
type SubjectLabel =
  | 'obligations.subjects.message'
  | 'obligations.subjects.visit'
  | 'obligations.subjects.followup'
  | 'obligations.subjects.rectification_notice'
  | 'obligations.subjects.spot_check'
  | 'obligations.subjects.spot_check_item';

/** Where a deadline that is not a case's is seen to, named in words (never its subject type, "followup"). */
const DESK_SUBJECTS: Record<string, { to: string; label: SubjectLabel }> = {
  message: { to: '/messages?for=all', label: 'obligations.subjects.message' },
  visit: { to: '/frontdesk', label: 'obligations.subjects.visit' },
  followup: { to: '/followups?queue=all', label: 'obligations.subjects.followup' },
  rectification_notice: { to: '/rectification-notices', label: 'obligations.subjects.rectification_notice' },
  spot_check: { to: '/spot-checks', label: 'obligations.subjects.spot_check' },
  spot_check_item: { to: '/spot-checks', label: 'obligations.subjects.spot_check_item' },
};

/** A queue of deadlines: what each is for, which case, when it is due and how it stands. */
export function ObligationTable({
  items,
  loading,
  testId,
  pagination = false,
  emptyText,
  showEscalated = false,
}: {
  items: Obligation[] | undefined;
  loading: boolean;
  testId: string;
  pagination?: false | TablePaginationConfig;
  emptyText: string;
  /** The manager's queue names who each one went to; the dashboard has no room for it. */
  showEscalated?: boolean;
}) {
  const { t } = useTranslation();
  const { format } = useEstateTime();
  const now = useNow();
  const columns: TableColumnsType<Obligation> = [
    { title: t('obligations.rule'), key: 'rule', render: (_, o) => <span title={o.rule}>{ruleLabel(o.rule)}</span> },
    {
      title: t('obligations.subject'),
      key: 'subject',
      width: 110,
      render: (_, o) => {
        const desk = DESK_SUBJECTS[o.subjectType];
        if (o.subjectType === 'case')
          return (
            <Link to={`/cases/${o.subjectId}`} data-testid="obligation-case">
              {o.caseNumber ?? t('obligations.case')}
            </Link>
          );
        // R-RC-1: a problem found waits for its written notice; the notices list shows those due.
        if (o.rule === 'R-RC-1')
          return (
            <Link to="/rectification-notices?due=1" data-testid="obligation-notice-due">
              {o.caseNumber ?? t('obligations.subjects.noticeDue')}
            </Link>
          );
        if (desk) return <Link to={desk.to}>{t(desk.label)}</Link>;
        return <Typography.Text>{o.caseNumber ?? t('obligations.case')}</Typography.Text>;
      },
    },
    { title: t('obligations.due'), key: 'dueAt', width: 140, render: (_, o) => format(o.dueAt) },
    { title: t('obligations.state'), key: 'state', render: (_, o) => <DeadlineTag obligation={o} now={now} /> },
  ];
  if (showEscalated) columns.push({ title: t('obligations.escalated'), key: 'escalatedTo', render: (_, o) => o.escalatedTo?.name ?? '—' });
  return (
    <ResponsiveTable<Obligation>
      data-testid={testId}
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      locale={{ emptyText }}
      onRow={(o) => ({ 'data-rule': o.rule }) as HTMLAttributes<HTMLElement>}
    />
  );
}
