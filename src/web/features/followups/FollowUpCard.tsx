import { AuditOutlined, CheckCircleOutlined, PhoneOutlined, UserAddOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, useStaff } from '../../app/session';
import { useErrorText } from '../../components/errors';
import { DeadlineTag } from '../cases/ObligationBadge';
import { useFollowUpActions } from './api';
import { FollowUpDue, FollowUpKindTags, NoticeStatusTag, ResultTag, satisfactionText, unitText } from './FollowUpTags';
import { useEstateTime } from './time';
import { type FollowUp, isNoticeStatus } from './types';

export interface FollowUpCardActions {
  onRecord: (followUp: FollowUp) => void;
  onAttempt: (followUp: FollowUp) => void;
  onIssueNotice: (followUp: FollowUp) => void;
}

/**
 * One follow-up as a card, readable on a phone: whom to call (a tap dials), when it is due,
 * what was repaired, and the next step. A done visit shows what the resident said.
 */
export function FollowUpCard({ followUp, now, actions }: { followUp: FollowUp; now: number; actions: FollowUpCardActions }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const time = useEstateTime();
  const me = useStaff();
  const can = useCan();
  const api = useFollowUpActions();
  const open = followUp.status === 'open';
  const done = followUp.status === 'done';
  const rectification = followUp.rectification;
  const liveNotices = rectification?.notices.filter((n) => n.status !== 'void') ?? [];

  const assign = async (assigneeId: string | null) => {
    try {
      await api.assign(followUp.id, { assigneeId });
      message.success(assigneeId ? t('followUps.assignedToMe') : t('followUps.unassigned'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Card
      size="small"
      className="ed-followup-card"
      {...({
        'data-testid': 'followup-card',
        'data-followup-id': followUp.id,
        'data-case-number': followUp.caseNumber,
        'data-kind': followUp.kind,
        'data-status': followUp.status,
        'data-result': followUp.result ?? '',
      } as HTMLAttributes<HTMLDivElement>)}
      title={
        <Space size={4} wrap>
          <Link to={`/cases/${followUp.caseId}`} data-testid="followup-case">
            {followUp.caseNumber}
          </Link>
          <FollowUpKindTags followUp={followUp} />
          {followUp.result && <ResultTag result={followUp.result} />}
          {followUp.flag && (
            <Tag color="volcano" data-testid="followup-flag">
              {t('followUps.flagged')}
            </Tag>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <div className="ed-followup-who">
          <Typography.Text strong data-testid="followup-unit">
            {unitText(followUp.unit)}
          </Typography.Text>
          {followUp.residentName && <Typography.Text>{followUp.residentName}</Typography.Text>}
          {followUp.residentPhone && (
            <a href={`tel:${followUp.residentPhone}`} className="ed-tel" data-testid="followup-phone">
              <PhoneOutlined /> {followUp.residentPhone}
            </a>
          )}
        </div>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }} data-testid="followup-description">
          {followUp.caseDescription}
        </Typography.Paragraph>
        {!done && <FollowUpDue followUp={followUp} now={now} />}
        {followUp.rainEvent && (
          <Typography.Text type="secondary" data-testid="followup-rain">
            {t('followUps.rainWas', { start: time.format(followUp.rainEvent.startedAt), end: time.format(followUp.rainEvent.endedAt) })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {t('followUps.repairCompletedAt', { time: time.format(followUp.repairCompletedAt) })}
          {' · '}
          {followUp.assignee ? t('followUps.assignee', { name: followUp.assignee.name }) : t('followUps.noAssignee')}
        </Typography.Text>
        {followUp.attempts.length > 0 && (
          <Typography.Text type="secondary" data-testid="followup-attempts">
            {t('followUps.attemptsSoFar', {
              count: followUp.attempts.length,
              last: time.format(followUp.attempts[followUp.attempts.length - 1]?.at),
            })}
          </Typography.Text>
        )}
        {done && (
          <div data-testid="followup-outcome">
            <Typography.Text>
              {t('followUps.performed', {
                time: time.format(followUp.performedAt),
                name: followUp.performedBy?.name ?? '—',
                method: followUp.method ? t(`followUps.methods.${followUp.method}`) : '—',
              })}
            </Typography.Text>
            {followUp.dueAt && followUp.metOnTime !== null && (
              <Tag color={followUp.metOnTime ? 'success' : 'warning'} style={{ marginInlineStart: 6 }}>
                {followUp.metOnTime ? t('obligations.tones.met') : t('obligations.tones.late')}
              </Tag>
            )}
            {followUp.residentWords && (
              <blockquote className="ed-words" data-testid="followup-words-shown">
                {followUp.residentWords}
              </blockquote>
            )}
            {followUp.satisfaction !== null && (
              <div>{t('followUps.satisfactionShown', { score: followUp.satisfaction, text: satisfactionText(followUp.satisfaction) })}</div>
            )}
            {followUp.problem && (
              <Typography.Paragraph
                type="danger"
                style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}
                data-testid="followup-problem-shown"
              >
                {t('followUps.problemShown', { problem: followUp.problem })}
              </Typography.Paragraph>
            )}
          </div>
        )}
        {rectification && (
          <Space size={4} wrap data-testid="followup-rectification">
            <Typography.Text title="R-RC-1" data-testid="followup-rectification-rule">
              {t('obligations.rules.R-RC-1')}
            </Typography.Text>
            <DeadlineTag obligation={{ state: rectification.state, dueAt: rectification.dueAt, metOnTime: null, metAt: null }} now={now} />
            {rectification.notices.map((n) => (
              <Link key={n.id} to={`/rectification-notices/${n.id}`} data-testid="followup-notice-link">
                <Space size={2}>
                  {n.code}
                  {isNoticeStatus(n.status) && <NoticeStatusTag status={n.status} />}
                </Space>
              </Link>
            ))}
          </Space>
        )}
        {followUp.flag && (
          <Typography.Text type="warning">
            {t('followUps.flagNote', { name: followUp.flag.by.name, time: time.format(followUp.flag.at), note: followUp.flag.note ?? '' })}
          </Typography.Text>
        )}
        <div className="ed-followup-actions">
          {open && can('followup.record') && (
            <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => actions.onRecord(followUp)} data-testid="followup-record">
              {t('followUps.actions.record')}
            </Button>
          )}
          {open && can('followup.record') && (
            <Button icon={<PhoneOutlined />} onClick={() => actions.onAttempt(followUp)} data-testid="followup-attempt">
              {t('followUps.actions.attempt')}
            </Button>
          )}
          {followUp.result === 'problem' && can('notice.issue') && (
            <Button
              danger={liveNotices.length === 0}
              icon={<AuditOutlined />}
              onClick={() => actions.onIssueNotice(followUp)}
              data-testid="followup-issue-notice"
            >
              {t('followUps.actions.issueNotice')}
            </Button>
          )}
          {!done && followUp.assignee?.id !== me.id && can('followup.assign') && (
            <Button icon={<UserAddOutlined />} onClick={() => void assign(me.id)} data-testid="followup-assign-me">
              {t('followUps.actions.assignMe')}
            </Button>
          )}
          {!done && followUp.assignee && can('followup.assign') && (
            <Button icon={<UserDeleteOutlined />} onClick={() => void assign(null)} data-testid="followup-unassign">
              {t('followUps.actions.unassign')}
            </Button>
          )}
        </div>
      </Space>
    </Card>
  );
}
