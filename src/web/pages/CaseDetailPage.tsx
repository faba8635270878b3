import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, type DescriptionsProps, Empty, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isRecordId } from '../app/api';
import { useCan, worksOwnCasesOnly } from '../app/session';
import { useEstateTime } from '../app/time';
import { isApiError, useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { useCase } from '../features/cases/api';
import { CaseActions } from '../features/cases/CaseActions';
import { CaseAttachments } from '../features/cases/CaseAttachments';
import { ChannelText, KindTag, StatusTag } from '../features/cases/CaseTags';
import { CaseTimeline } from '../features/cases/CaseTimeline';
import { useNow } from '../features/cases/ObligationBadge';
import { ReplyComposer } from '../features/cases/ReplyComposer';
import type { CaseDetail } from '../features/cases/types';
import { useAllDepartments, useStaffList } from '../features/directory/api';
import { CaseDeadlines, CaseFollowUps } from '../features/followups/CaseFollowUps';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** "R" from anywhere on the page (outside a text field or dialog) goes to the reply composer. */
function useReplyShortcut() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'r' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
      const field = document.querySelector<HTMLTextAreaElement>('#reply-composer textarea');
      if (!field) return;
      event.preventDefault();
      field.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

function Facts({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { format: time } = useEstateTime();
  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: t('cases.fields.kind'), children: <span data-testid="case-kind">{t(`caseKinds.${detail.kind}`)}</span> },
    {
      key: 'channel',
      label: t('cases.fields.channel'),
      children: (
        <span data-testid="case-channel">
          <ChannelText channel={detail.channel} />
        </span>
      ),
    },
    { key: 'status', label: t('cases.fields.status'), children: <StatusTag status={detail.status} /> },
    {
      key: 'unit',
      label: t('cases.fields.unit'),
      children: <span data-testid="case-unit">{detail.unit ? `${detail.unit.buildingName} ${detail.unit.number}` : '—'}</span>,
    },
    {
      key: 'resident',
      label: t('cases.fields.residentName'),
      children: <span data-testid="case-resident">{detail.residentName ?? '—'}</span>,
    },
    {
      key: 'phone',
      label: t('cases.fields.residentPhone'),
      // On a phone a tap dials the resident.
      children: detail.residentPhone ? (
        <a href={`tel:${detail.residentPhone}`} className="ed-tel" data-testid="case-phone">
          {detail.residentPhone}
        </a>
      ) : (
        '—'
      ),
    },
    ...(detail.repairClass
      ? [{ key: 'repairClass', label: t('cases.fields.repairClass'), children: t(`repairClasses.${detail.repairClass}`) }]
      : []),
    {
      key: 'occurredAt',
      label: t('cases.fields.occurredAt'),
      children: <span data-testid="case-occurred-at">{time(detail.occurredAt)}</span>,
    },
    {
      key: 'recordedAt',
      label: t('cases.fields.recordedAt'),
      children: t('cases.recordedBy', { time: time(detail.recordedAt), name: detail.recordedBy.name }),
    },
    { key: 'department', label: t('cases.fields.department'), children: detail.department?.name ?? '—' },
    { key: 'assignee', label: t('cases.fields.assignee'), children: detail.assignee?.name ?? '—' },
    ...(detail.kind === 'repair'
      ? [
          { key: 'maintenance', label: t('cases.fields.maintenanceStaff'), children: detail.maintenanceStaff?.name ?? '—' },
          { key: 'repairStartedAt', label: t('cases.fields.startedAt'), children: time(detail.repairStartedAt) },
          { key: 'repairCompletedAt', label: t('cases.fields.completedAt'), children: time(detail.repairCompletedAt) },
        ]
      : []),
    ...(detail.escalatedTo
      ? [{ key: 'escalatedTo', label: t('cases.fields.escalatedTo'), children: <Tag color="volcano">{detail.escalatedTo.name}</Tag> }]
      : []),
    ...(detail.satisfaction
      ? [
          {
            key: 'satisfaction',
            label: t('cases.fields.satisfaction'),
            children: (
              <Tag color={detail.satisfaction === 'satisfied' ? 'green' : 'red'}>{t(`cases.satisfactions.${detail.satisfaction}`)}</Tag>
            ),
          },
        ]
      : []),
    ...(detail.result
      ? [
          {
            key: 'result',
            label: t('cases.fields.result'),
            span: 'filled' as const,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{detail.result}</span>,
          },
        ]
      : []),
    ...(detail.closeReason
      ? [{ key: 'closeReason', label: t('cases.fields.closeReason'), span: 'filled' as const, children: detail.closeReason }]
      : []),
  ];
  return (
    <div data-testid="case-facts">
      <Typography.Text type="secondary">{t('cases.fields.description')}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 16, margin: '2px 0 12px' }} data-testid="case-description">
        {detail.description}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
    </div>
  );
}

/** Department and staff names by id, for timeline events that name them only by id. */
function useNames(): (id: string) => string | undefined {
  const departments = useAllDepartments();
  const staff = useStaffList({ page: 1, pageSize: 200 });
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const d of departments.data?.items ?? []) map.set(d.id, d.name);
    for (const s of staff.data?.items ?? []) map.set(s.id, s.name);
    return map;
  }, [departments.data, staff.data]);
  return useCallback((id: string) => names.get(id), [names]);
}

/** One case: its facts and deadlines, what can be done next, the reply composer and its history. */
export default function CaseDetailPage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  // Maintenance staff come here from their own list of repairs, not the office's case list.
  const ownOnly = worksOwnCasesOnly(can);
  const back = ownOnly ? '/my-work' : '/cases';
  const backText = ownOnly ? t('myWork.back') : t('cases.detail.backToList');
  const mayWrite = can('case.reply') || can('case.note');
  const errorText = useErrorText();
  const { data: detail, error, isPending } = useCase(caseId);
  const now = useNow();
  const nameOf = useNames();
  useReplyShortcut();

  const missing = !isRecordId(caseId) || (isApiError(error) && error.status === 404);
  if (isPending && !missing) return <Skeleton active />;
  if (missing || error || !detail) {
    if (missing) {
      return (
        <Result
          status="404"
          data-testid="case-not-found"
          title={t('cases.detail.notFound')}
          extra={
            <Button type="primary" onClick={() => void navigate(back)}>
              {backText}
            </Button>
          }
        />
      );
    }
    return <Alert type="error" showIcon title={errorText(error)} />;
  }

  return (
    <div data-testid="case-detail" data-case-id={detail.id} data-status={detail.status}>
      <PageHeader
        title={
          <Space size={8}>
            <span data-testid="case-number">{t('cases.detail.title', { number: detail.number })}</span>
            <KindTag kind={detail.kind} />
            <StatusTag status={detail.status} />
            {detail.overdue && <Tag color="error">{t('cases.overdue')}</Tag>}
          </Space>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(back)}>
            {backText}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small">
              <Facts detail={detail} />
            </Card>
            <Card size="small" title={t('obligations.title')} data-testid="case-obligations">
              <CaseDeadlines detail={detail} now={now} />
            </Card>
            <CaseActions detail={detail} title={t('cases.detail.actions')} />
            {/* A closed case takes no more replies or notes: reopening it comes first. */}
            {mayWrite && detail.status !== 'closed' && (
              <Card
                size="small"
                title={can('case.reply') ? t('cases.detail.composer') : t('cases.note.tab')}
                extra={
                  can('case.reply') && (
                    <Typography.Text type="secondary">
                      {t('cases.detail.replyShortcut')} <kbd>R</kbd>
                    </Typography.Text>
                  )
                }
              >
                <ReplyComposer caseId={detail.id} />
              </Card>
            )}
            <Card size="small" title={t('cases.detail.timeline')}>
              <CaseTimeline events={detail.timeline} nameOf={nameOf} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          {detail.kind === 'repair' && can('followup.read') && (
            <Card size="small" title={t('followUps.casePanel')} style={{ marginBottom: 16 }} data-testid="case-followups-panel">
              <CaseFollowUps caseId={detail.id} />
            </Card>
          )}
          <Card size="small" title={t('cases.attachments.title')}>
            {detail.attachments.length === 0 && (detail.status === 'closed' || !can('case.attach')) ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.attachments.empty')} />
            ) : (
              <CaseAttachments caseId={detail.id} attachments={detail.attachments} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
