import { CloudOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, DatePicker, Empty, Pagination, Skeleton, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../app/session';
import { useErrorText } from '../components/errors';
import { FilterSelect } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { PAGE_SIZES, useListParams } from '../components/useListParams';
import { useNow } from '../features/cases/ObligationBadge';
import { useStaffList } from '../features/directory/api';
import { REPAIR_CLASSES } from '../features/directory/types';
import { useFollowUps } from '../features/followups/api';
import { FollowUpCard, type FollowUpCardActions } from '../features/followups/FollowUpCard';
import { AttemptDialog, RecordFollowUpDialog } from '../features/followups/FollowUpDialogs';
import { IssueNoticeDialog, type NoticeSource } from '../features/followups/IssueNoticeDialog';
import { FOLLOW_UP_KINDS, type FollowUp, type FollowUpCounts, type FollowUpQueue, QUEUES, RESULTS } from '../features/followups/types';

const FILTERS = ['queue', 'repairClass', 'kind', 'result', 'assignee', 'caseId', 'month'] as const;
const DEFAULT_QUEUE: FollowUpQueue = 'open';

/** The count shown on each queue's tab; done and all have none. */
const COUNT_OF: Partial<Record<FollowUpQueue, keyof FollowUpCounts>> = {
  due_today: 'dueToday',
  overdue: 'overdue',
  open: 'open',
  awaiting_rain: 'awaitingRain',
  flagged: 'flagged',
};

function isQueue(value: string | undefined): value is FollowUpQueue {
  return QUEUES.includes(value as FollowUpQueue);
}

/**
 * The follow-up queue (R-FU-1, R-FU-2): what is due today, overdue, open, waiting for rain,
 * flagged by a spot check, and what was done. Cards, not a table, so it works on a phone in
 * the corridor; each card records the visit, logs an unanswered call or issues a notice.
 */
export default function FollowUpsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const now = useNow();
  const can = useCan();
  const list = useListParams('dueAt', FILTERS);
  const { params, update } = list;
  const f = params.filters;
  const queue: FollowUpQueue = isQueue(f.queue) ? f.queue : DEFAULT_QUEUE;
  const { data, isPending, isFetching, error, refetch } = useFollowUps({
    page: params.page,
    pageSize: params.pageSize,
    queue,
    repairClass: f.repairClass,
    kind: f.kind,
    result: f.result,
    assignee: f.assignee,
    caseId: f.caseId,
    month: f.month,
  });
  const staff = useStaffList({ page: 1, pageSize: 200 });
  const [recording, setRecording] = useState<FollowUp | null>(null);
  const [attempting, setAttempting] = useState<FollowUp | null>(null);
  const [issuing, setIssuing] = useState<NoticeSource | null>(null);
  const filtered = FILTERS.some((k) => k !== 'queue' && f[k]);

  const actions: FollowUpCardActions = {
    onRecord: setRecording,
    onAttempt: setAttempting,
    onIssueNotice: (followUp) => setIssuing({ kind: 'followUp', followUp }),
  };

  // Buttons that wrap rather than tabs that scroll: on a phone every queue and its count stays in view.
  const queueButton = (q: FollowUpQueue) => {
    const key = COUNT_OF[q];
    const n = key ? data?.counts[key] : undefined;
    const urgent = q === 'overdue' || q === 'flagged';
    const active = q === queue;
    return (
      <Button
        key={q}
        type={active ? 'primary' : 'default'}
        aria-pressed={active}
        onClick={() => update({ filters: { queue: q === DEFAULT_QUEUE ? undefined : q } })}
        data-testid={`queue-${q}`}
        data-count={n}
      >
        {t(`followUps.queues.${q}`)}
        {n !== undefined && (
          <Badge
            count={n}
            showZero
            color={n && urgent ? '#cf1322' : n ? (active ? '#fff' : '#1677ff') : '#bfbfbf'}
            style={active && n && !urgent ? { color: '#1677ff' } : undefined}
          />
        )}
      </Button>
    );
  };

  return (
    <div data-testid="followups-page">
      <PageHeader
        title={t('followUps.title')}
        extra={
          <Space wrap>
            {can('rain.read') && (
              <Button icon={<CloudOutlined />} onClick={() => void navigate('/rain')} data-testid="followups-rain">
                {t('nav.rain')}
              </Button>
            )}
            <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={isFetching} aria-label={t('common.reload')} />
          </Space>
        }
      />
      <nav className="ed-queue-buttons" aria-label={t('followUps.queuesLabel')} data-testid="followup-queues">
        {QUEUES.map(queueButton)}
      </nav>
      <div className="ed-toolbar" data-testid="followup-filters">
        <FilterSelect
          list={list}
          name="repairClass"
          minWidth={130}
          label={t('cases.fields.repairClass')}
          placeholder={t('followUps.filters.anyClass')}
          options={REPAIR_CLASSES.map((c) => ({ value: c, label: t(`repairClasses.${c}`) }))}
          data-testid="filter-repair-class"
        />
        <FilterSelect
          list={list}
          name="kind"
          minWidth={130}
          label={t('followUps.fields.kind')}
          placeholder={t('followUps.filters.anyKind')}
          options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: t(`followUps.kinds.${k}`) }))}
          data-testid="filter-followup-kind"
        />
        <FilterSelect
          list={list}
          name="result"
          minWidth={120}
          label={t('followUps.fields.result')}
          placeholder={t('followUps.filters.anyResult')}
          options={RESULTS.map((r) => ({ value: r, label: t(`followUps.results.${r}`) }))}
          data-testid="filter-result"
        />
        <FilterSelect
          list={list}
          name="assignee"
          minWidth={140}
          label={t('followUps.fields.assignee')}
          placeholder={t('followUps.filters.anyAssignee')}
          options={[
            { value: 'me', label: t('followUps.filters.mine') },
            { value: 'none', label: t('followUps.filters.unassigned') },
            ...(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="filter-assignee"
        />
        <DatePicker
          picker="month"
          allowClear
          placeholder={t('followUps.filters.month')}
          aria-label={t('followUps.filters.month')}
          value={f.month ? dayjs(`${f.month}-01`) : null}
          onChange={(value) => update({ filters: { month: value ? value.format('YYYY-MM') : undefined } })}
          data-testid="filter-month"
        />
        {f.caseId && (
          <Tag closable onClose={() => update({ filters: { caseId: undefined } })} data-testid="filter-case">
            {t('followUps.filters.oneCase', { number: data?.items[0]?.caseNumber ?? '' })}
          </Tag>
        )}
      </div>
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      {isPending ? (
        <Skeleton active />
      ) : data && data.items.length > 0 ? (
        <div className="ed-followup-list" data-testid="followup-list">
          {data.items.map((followUp) => (
            <FollowUpCard key={followUp.id} followUp={followUp} now={now} actions={actions} />
          ))}
        </div>
      ) : (
        <Empty
          data-testid="followup-empty"
          description={filtered ? t('table.noMatch') : t(`followUps.empty.${queue}`)}
          image={Empty.PRESENTED_IMAGE_SIMPLE}
        />
      )}
      {data && data.total > 0 && (
        <Pagination
          style={{ marginTop: 16, justifyContent: 'flex-end' }}
          current={params.page}
          pageSize={params.pageSize}
          total={data.total}
          showSizeChanger
          pageSizeOptions={PAGE_SIZES}
          showTotal={(count) => t('table.total', { count })}
          onChange={(page, pageSize) => update(pageSize !== params.pageSize ? { pageSize } : { page })}
          size="small"
        />
      )}
      <RecordFollowUpDialog followUp={recording} onClose={() => setRecording(null)} />
      <AttemptDialog followUp={attempting} onClose={() => setAttempting(null)} />
      <IssueNoticeDialog
        source={issuing}
        onClose={() => setIssuing(null)}
        onIssued={(notice) => void navigate(`/rectification-notices/${notice.id}`)}
      />
    </div>
  );
}
