import { AuditOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type List, ListTable } from '../../components/ListTable';
import { useObligations } from '../cases/api';
import { DeadlineTag, useNow } from '../cases/ObligationBadge';
import type { Obligation } from '../cases/types';
import { useFollowUps } from './api';
import { unitText } from './FollowUpTags';
import { useEstateTime } from './time';

/** The deadline rule of a written notice after a problem is found (R-RC-1). */
export const NOTICE_DUE_RULE = 'R-RC-1';

/**
 * R-RC-1: the problems found that still wait for their written notice, soonest due first, each
 * with the way to issue it: from the follow-up here, from a spot check on its own page.
 */
export function NoticesDueTable<F extends string>({
  list,
  mayIssue,
  onIssue,
}: {
  list: List<F>;
  mayIssue: boolean;
  onIssue: (followUpId: string) => void;
}) {
  const { t } = useTranslation();
  const time = useEstateTime();
  const now = useNow();
  const { params } = list;
  const query = useObligations({ page: params.page, pageSize: params.pageSize, queue: 'open', rule: NOTICE_DUE_RULE });
  // The deadline names only its follow-up: the case, unit and problem come from the follow-ups that found one.
  const problems = useFollowUps({ queue: 'done', result: 'problem', page: 1, pageSize: 100 });
  const found = new Map((problems.data?.items ?? []).map((f) => [f.id, f]));
  const columns: TableColumnsType<Obligation> = [
    {
      title: t('rectification.fields.case'),
      key: 'case',
      render: (_, o) => {
        const f = found.get(o.subjectId);
        if (!f) return <Typography.Text data-testid="notice-due-case">{o.caseNumber ?? '—'}</Typography.Text>;
        return (
          <div data-testid="notice-due-case">
            <Link to={`/cases/${f.caseId}`}>{f.caseNumber}</Link>
            <div>
              <Typography.Text type="secondary">{unitText(f.unit)}</Typography.Text>
            </div>
          </div>
        );
      },
    },
    {
      title: t('rectification.fields.problem'),
      key: 'problem',
      ellipsis: true,
      render: (_, o) => found.get(o.subjectId)?.problem ?? '—',
    },
    { title: t('rectification.due.foundAt'), key: 'openedAt', render: (_, o) => time.format(o.openedAt) },
    {
      title: t('rectification.due.dueAt'),
      key: 'dueAt',
      render: (_, o) => (
        <>
          {time.format(o.dueAt)} <DeadlineTag obligation={o} now={now} />
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, o) =>
        o.subjectType === 'followup' ? (
          mayIssue && (
            <Button size="small" icon={<AuditOutlined />} onClick={() => onIssue(o.subjectId)} data-testid="notice-due-issue">
              {t('rectification.issue.button')}
            </Button>
          )
        ) : (
          <Link to="/spot-checks">{t('rectification.due.fromSpotCheck')}</Link>
        ),
    },
  ];
  return (
    <ListTable
      testId="notices-due-table"
      list={list}
      query={query}
      columns={columns}
      onRow={(o) => ({ 'data-subject': o.subjectId, 'data-case-number': o.caseNumber ?? '' }) as HTMLAttributes<HTMLElement>}
      emptyText={t('rectification.due.empty')}
    />
  );
}
