import { CheckOutlined, FileTextOutlined, PhoneOutlined, RightOutlined, SafetyCertificateOutlined, ToolOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Empty, Input, Skeleton, Space, Tag, Typography } from 'antd';
import { type HTMLAttributes, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan, useEstate, useStaff } from '../app/session';
import { useEstateTime } from '../app/time';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { useCases } from '../features/cases/api';
import { KindTag, StatusTag } from '../features/cases/CaseTags';
import { DeadlineTag, useNow } from '../features/cases/ObligationBadge';
import type { CaseSummary } from '../features/cases/types';
import { useFollowUpActions, useNotices } from '../features/followups/api';
import { NoticeStatusTag, unitText } from '../features/followups/FollowUpTags';
import { useNoticeAbilities } from '../features/followups/NoticeActions';
import type { RectificationNotice } from '../features/followups/types';

const LIST = { page: 1, pageSize: 50 };

/** What the worker does next on a repair: start it, finish it, or wait for the office's follow-up. */
function nextStep(c: CaseSummary): 'start' | 'complete' | 'followUp' | 'handle' {
  if (c.kind !== 'repair') return 'handle';
  if (c.status === 'in_progress') return 'complete';
  if (c.status === 'resolved') return 'followUp';
  return 'start';
}

/** A repair (or a case) the person holds: where, whom to call (a tap dials), its state and what is due. */
function RepairCard({ item, now }: { item: CaseSummary; now: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const time = useEstateTime();
  const step = nextStep(item);
  return (
    <Card
      size="small"
      className="ed-followup-card"
      {...({ 'data-testid': 'my-repair', 'data-case-number': item.number, 'data-status': item.status } as HTMLAttributes<HTMLDivElement>)}
      title={
        <Space size={4} wrap>
          <Link to={`/cases/${item.id}`} data-testid="my-repair-open">
            {item.number}
          </Link>
          {item.kind === 'repair' && item.repairClass ? (
            <Tag color={item.repairClass === 'safety' ? 'red' : item.repairClass === 'leak' ? 'blue' : 'default'}>
              {t(`repairClasses.${item.repairClass}`)}
            </Tag>
          ) : (
            <KindTag kind={item.kind} />
          )}
          <StatusTag status={item.status} />
          {item.overdue && <Tag color="error">{t('cases.overdue')}</Tag>}
        </Space>
      }
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <div className="ed-followup-who">
          <Typography.Text strong data-testid="my-repair-unit">
            {unitText(item.unit)}
          </Typography.Text>
          {item.residentName && <Typography.Text data-testid="my-repair-resident">{item.residentName}</Typography.Text>}
          {item.residentPhone && (
            <a href={`tel:${item.residentPhone}`} className="ed-tel" data-testid="my-repair-phone">
              <PhoneOutlined /> {item.residentPhone}
            </a>
          )}
        </div>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ margin: 0 }} data-testid="my-repair-description">
          {item.description}
        </Typography.Paragraph>
        <Space size={6} wrap data-testid="my-repair-due" data-step={step}>
          <Typography.Text strong>{t(`myWork.steps.${step}`)}</Typography.Text>
          {item.replyDueAt && !item.firstReplyAt && (
            <DeadlineTag obligation={{ state: 'open', dueAt: item.replyDueAt, metOnTime: null, metAt: null }} now={now} />
          )}
        </Space>
        <Typography.Text type="secondary">{t('myWork.recordedAt', { time: time.format(item.recordedAt) })}</Typography.Text>
        <div className="ed-followup-actions">
          <Button
            type={step === 'followUp' ? 'default' : 'primary'}
            icon={<ToolOutlined />}
            onClick={() => void navigate(`/cases/${item.id}`)}
            data-testid="my-repair-go"
          >
            {t(`myWork.open.${step}`)}
          </Button>
        </div>
      </Space>
    </Card>
  );
}

/**
 * A rectification notice addressed to the person: what to fix by when, acknowledged in one tap
 * (R-RC-2), reported rectified with a short optional note (R-RC-3).
 */
function NoticeCard({ notice, now }: { notice: RectificationNotice; now: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const time = useEstateTime();
  const actions = useFollowUpActions();
  const may = useNoticeAbilities(notice);
  const [busy, setBusy] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [note, setNote] = useState('');
  const late = Date.parse(notice.deadlineAt) < now;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      setReporting(false);
      setNote('');
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      className="ed-followup-card"
      {...({ 'data-testid': 'my-notice', 'data-notice-code': notice.code, 'data-status': notice.status } as HTMLAttributes<HTMLDivElement>)}
      title={
        <Space size={4} wrap>
          <Link to={`/rectification-notices/${notice.id}`} data-testid="my-notice-open">
            <FileTextOutlined /> {notice.code}
          </Link>
          <NoticeStatusTag status={notice.status} />
          {late && <Tag color="error">{t('rectification.pastDeadline')}</Tag>}
        </Space>
      }
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space size={8} wrap>
          <Typography.Text strong data-testid="my-notice-unit">
            {unitText(notice.unit)}
          </Typography.Text>
          <Link to={`/cases/${notice.caseId}`}>{notice.caseNumber}</Link>
          <Tag>{t(`repairClasses.${notice.repairClass}`)}</Tag>
        </Space>
        <div>
          <Typography.Text type="secondary">{t('rectification.fields.problem')}</Typography.Text>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{notice.problem}</Typography.Paragraph>
        </div>
        <div>
          <Typography.Text type="secondary">{t('rectification.fields.requiredAction')}</Typography.Text>
          <Typography.Paragraph strong style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="my-notice-action">
            {notice.requiredAction}
          </Typography.Paragraph>
        </div>
        <Typography.Text data-testid="my-notice-deadline" type={late ? 'danger' : undefined}>
          {t('myWork.rectifyBy', { time: time.format(notice.deadlineAt) })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('myWork.issuedBy', { name: notice.issuedBy.name, time: time.format(notice.issuedAt) })}
          {notice.acknowledgedAt ? ` · ${t('rectification.acknowledgedOn', { time: time.format(notice.acknowledgedAt) })}` : ''}
        </Typography.Text>
        {reporting && (
          <Input.TextArea
            autoFocus
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('myWork.rectifiedNotePlaceholder')}
            aria-label={t('rectification.fields.rectifiedNote')}
            data-testid="my-notice-rectified-note"
          />
        )}
        <div className="ed-followup-actions">
          {notice.status === 'issued' && may.acknowledge && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={busy}
              onClick={() => void run(() => actions.acknowledge(notice.id, {}), t('myWork.acknowledged', { code: notice.code }))}
              data-testid="my-notice-acknowledge"
            >
              {t('rectification.actions.acknowledge')}
            </Button>
          )}
          {notice.status === 'acknowledged' && may.rectified && !reporting && (
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              onClick={() => setReporting(true)}
              data-testid="my-notice-rectified"
            >
              {t('rectification.actions.rectified')}
            </Button>
          )}
          {reporting && (
            <>
              <Button
                type="primary"
                icon={<SafetyCertificateOutlined />}
                loading={busy}
                onClick={() =>
                  void run(
                    () => actions.rectified(notice.id, { note: note.trim() ? note.trim() : undefined }),
                    t('myWork.rectified', { code: notice.code }),
                  )
                }
                data-testid="my-notice-rectified-confirm"
              >
                {t('myWork.rectifiedConfirm')}
              </Button>
              <Button onClick={() => setReporting(false)} disabled={busy}>
                {t('common.cancel')}
              </Button>
            </>
          )}
        </div>
      </Space>
    </Card>
  );
}

function Section({ title, count, testId, children }: { title: string; count: number | undefined; testId: string; children: ReactNode }) {
  return (
    <section data-testid={testId} style={{ marginBottom: 24 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        <Space>
          {title}
          <Badge count={count ?? 0} showZero color={count ? '#1677ff' : '#bfbfbf'} data-testid={`${testId}-count`} />
        </Space>
      </Typography.Title>
      {children}
    </section>
  );
}

/**
 * "My repairs and my notices": the first screen of maintenance staff, made for a phone. The
 * server lists only the repairs they hold and the notices addressed to them (`case.read.own`,
 * `notice.read.own`); an office colleague who opens it sees the cases assigned to them.
 */
export default function MyWorkPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const estate = useEstate();
  const me = useStaff();
  const can = useCan();
  const now = useNow();
  const cases = useCases({ ...LIST, status: 'open', sort: 'recordedAt', ...(can('case.read') && { assigneeId: me.id }) });
  const issued = useNotices({ ...LIST, status: 'issued', recipient: 'me' });
  const acknowledged = useNotices({ ...LIST, status: 'acknowledged', recipient: 'me' });
  const notices = [...(issued.data?.items ?? []), ...(acknowledged.data?.items ?? [])];
  const noticeError = issued.error ?? acknowledged.error;

  return (
    <div data-testid="my-work-page">
      <PageHeader title={t('myWork.title')} />
      <Typography.Paragraph type="secondary" data-testid="my-work-who">
        {t('myWork.who', { name: me.name, role: t(`roles.${estate.role}`), estate: estate.name })}
      </Typography.Paragraph>
      <Section title={t('myWork.repairs')} count={cases.data?.total} testId="my-repairs">
        {cases.error && <Alert type="error" showIcon title={errorText(cases.error)} style={{ marginBottom: 12 }} />}
        {cases.isPending ? (
          <Skeleton active />
        ) : (cases.data?.items.length ?? 0) === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myWork.noRepairs')} data-testid="my-repairs-empty" />
        ) : (
          <div className="ed-followup-list">
            {cases.data?.items.map((c) => (
              <RepairCard key={c.id} item={c} now={now} />
            ))}
          </div>
        )}
      </Section>
      <Section title={t('myWork.notices')} count={issued.isPending ? undefined : notices.length} testId="my-notices">
        {noticeError && <Alert type="error" showIcon title={errorText(noticeError)} style={{ marginBottom: 12 }} />}
        {issued.isPending || acknowledged.isPending ? (
          <Skeleton active />
        ) : notices.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myWork.noNotices')} data-testid="my-notices-empty" />
        ) : (
          <div className="ed-followup-list">
            {notices.map((n) => (
              <NoticeCard key={n.id} notice={n} now={now} />
            ))}
          </div>
        )}
        <Link to="/rectification-notices" style={{ display: 'inline-block', marginTop: 12 }} data-testid="my-notices-all">
          {t('myWork.allNotices')} <RightOutlined />
        </Link>
      </Section>
    </div>
  );
}
