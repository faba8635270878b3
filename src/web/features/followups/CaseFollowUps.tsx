import { Alert, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session';
import { useErrorText } from '../../components/errors';
import { ObligationBadge, useNow } from '../cases/ObligationBadge';
import type { CaseDetail } from '../cases/types';
import { useFollowUps } from './api';
import { FollowUpDue, FollowUpKindTags, ResultTag } from './FollowUpTags';
import { useEstateTime } from './time';

/** The follow-ups of one repair case (R-FU-1, R-FU-2, R-RC-3), each leading to the queue. */
export function CaseFollowUps({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const time = useEstateTime();
  const now = useNow();
  const mayIssue = useCan()('notice.issue');
  const { data, isPending, error } = useFollowUps({ caseId, queue: 'all', page: 1, pageSize: 50 });
  if (isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!data || data.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followUps.caseNone')} />;
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="case-followups">
      {data.items.map((f) => (
        <div key={f.id} data-testid="case-followup" data-kind={f.kind} data-status={f.status}>
          <Space size={4} wrap>
            <FollowUpKindTags followUp={f} />
            {f.result ? <ResultTag result={f.result} /> : <Tag>{t(`followUps.statuses.${f.status}`)}</Tag>}
          </Space>
          <div style={{ marginTop: 4 }}>
            {f.status === 'done' ? (
              <Typography.Text type="secondary">{t('followUps.doneAt', { time: time.format(f.performedAt) })}</Typography.Text>
            ) : (
              <FollowUpDue followUp={f} now={now} />
            )}
          </div>
          {f.rectification?.notices.map((n) => (
            <div key={n.id}>
              <Link to={`/rectification-notices/${n.id}`}>{t('followUps.noticeLink', { code: n.code })}</Link>
            </div>
          ))}
          {f.result === 'problem' && mayIssue && !f.rectification?.notices.some((n) => n.status !== 'void') && (
            <Link to={`/rectification-notices?issueFor=${f.id}`} data-testid="case-followup-issue-notice">
              {t('followUps.actions.issueNotice')}
            </Link>
          )}
        </div>
      ))}
      <Link to={`/followups?queue=all&caseId=${caseId}`} data-testid="case-followups-open">
        {t('followUps.openInQueue')}
      </Link>
    </Space>
  );
}

/**
 * A case's deadlines: its own (R-CP-1, ...) and those of its follow-ups still to do (R-FU-1,
 * R-FU-2), so a repair whose follow-up is due never reads as having no deadline.
 */
export function CaseDeadlines({ detail, now }: { detail: CaseDetail; now: number }) {
  const { t } = useTranslation();
  const mayReadFollowUps = useCan()('followup.read');
  const withFollowUps = detail.kind === 'repair' && mayReadFollowUps;
  const followUps = useFollowUps({ caseId: detail.id, queue: 'all', page: 1, pageSize: 50 }, { enabled: withFollowUps });
  const toDo = withFollowUps ? (followUps.data?.items ?? []).filter((f) => f.status !== 'done') : [];
  if (detail.obligations.length === 0 && toDo.length === 0) {
    if (withFollowUps && followUps.isPending) return <Skeleton active paragraph={false} />;
    return <Typography.Text type="secondary">{t('obligations.none')}</Typography.Text>;
  }
  return (
    <Space orientation="vertical" size={8}>
      {detail.obligations.map((o) => (
        <ObligationBadge key={o.id} obligation={o} now={now} />
      ))}
      {toDo.map((f) => (
        <div key={f.id} data-testid="case-followup-deadline" data-kind={f.kind}>
          <FollowUpDue followUp={f} now={now} />
        </div>
      ))}
    </Space>
  );
}
