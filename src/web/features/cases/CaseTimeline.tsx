import { Empty, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEstateTime } from '../../app/time';
import { translateOr } from '../../i18n';
import { ruleLabel } from './ObligationBadge';
import type { CaseEvent, CaseEventType } from './types';

const EVENT_COLORS: Partial<Record<CaseEventType, string>> = {
  reply: 'green',
  escalated: 'red',
  forwarded: 'orange',
  satisfaction: 'purple',
  resolved: 'green',
  closed: 'gray',
  reopened: 'orange',
  note: 'gray',
  progress_message: 'cyan',
};

const PROGRESS_COLORS: Record<string, string> = { pending: 'gold', sent: 'green', failed: 'red' };

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

/** Names of the departments and staff an event refers to by id. */
export type NameLookup = (id: string) => string | undefined;

/** The facts of an event that its text does not say: how a reply was given, to whom it went. */
function useDetails(nameOf: NameLookup): (event: CaseEvent) => ReactNode[] {
  const { t } = useTranslation();
  const { format } = useEstateTime();
  return (event) => {
    const d = event.data;
    const out: ReactNode[] = [];
    const named = (value: unknown) => {
      const id = str(value);
      return id ? (nameOf(id) ?? null) : null;
    };
    const method = str(d.method);
    // A reply's method (call, visit, letter) or a follow-up's (phone, visit).
    if (method)
      out.push(<Tag key="method">{translateOr(`cases.replyMethods.${method}`, translateOr(`followUps.methods.${method}`, method))}</Tag>);
    const satisfaction = str(d.satisfaction);
    if (satisfaction) {
      out.push(
        <Tag key="satisfaction" color={satisfaction === 'satisfied' ? 'green' : 'red'}>
          {translateOr(`cases.satisfactions.${satisfaction}`, satisfaction)}
        </Tag>,
      );
    }
    if (event.type === 'forwarded') {
      const to = str(d.toName) ?? named(d.to);
      if (to) out.push(<Tag key="to">{t('caseEvents.toDepartment', { name: to })}</Tag>);
    }
    if (event.type === 'assigned') {
      const department = named(d.departmentId);
      if (department) out.push(<Tag key="department">{t('caseEvents.toDepartment', { name: department })}</Tag>);
      const assignee = named(d.assigneeId);
      if (assignee) out.push(<Tag key="assignee">{t('caseEvents.toPerson', { name: assignee })}</Tag>);
    }
    if (event.type === 'escalated') {
      const rule = str(d.rule);
      if (rule)
        out.push(
          <Tag key="rule" title={rule}>
            {ruleLabel(rule)}
          </Tag>,
        );
      const to = named(d.to);
      if (to) out.push(<Tag key="to">{t('caseEvents.toPerson', { name: to })}</Tag>);
    }
    if (event.type === 'progress_message') {
      // R-CP-5: what the resident was told, by which channel, to whom (masked) and whether it went out.
      const channel = str(d.channel);
      if (channel) out.push(<Tag key="channel">{translateOr(`progress.channels.${channel}`, channel)}</Tag>);
      const recipient = str(d.recipient);
      if (recipient) out.push(<Tag key="recipient">{recipient}</Tag>);
      const status = str(d.status) ?? 'pending';
      const sentAt = str(d.sentAt);
      out.push(
        <Tag key="status" color={PROGRESS_COLORS[status]} data-testid="progress-status">
          {translateOr(`progress.statuses.${status}`, status)}
          {sentAt ? ` · ${format(sentAt)}` : ''}
        </Tag>,
      );
    }
    const appointmentAt = str(d.appointmentAt);
    if (appointmentAt) out.push(<Tag key="appointment">{t('progress.appointment', { time: format(appointmentAt) })}</Tag>);
    const maintenance = named(d.maintenanceId);
    if (maintenance) out.push(<Tag key="maintenance">{t('caseEvents.maintenance', { name: maintenance })}</Tag>);
    const materials = str(d.materials);
    if (materials) out.push(<Tag key="materials">{t('caseEvents.materials', { materials })}</Tag>);
    if (d.withoutSatisfaction === true) out.push(<Tag key="without">{t('caseEvents.withoutSatisfaction')}</Tag>);
    return out;
  };
}

/** Everything that happened to a case, oldest first, as the office's record of it (R-RD-1). */
export function CaseTimeline({ events, nameOf }: { events: CaseEvent[]; nameOf: NameLookup }) {
  const { t } = useTranslation();
  const { format } = useEstateTime();
  const details = useDetails(nameOf);
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseEvents.empty')} />;
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <div data-testid="case-timeline">
      <Timeline
        items={ordered.map((event) => ({
          key: event.id,
          color: EVENT_COLORS[event.type] ?? 'blue',
          title: format(event.at),
          content: (
            <div data-testid="timeline-event" data-type={event.type}>
              <Typography.Text strong>{t(`caseEvents.types.${event.type}`)}</Typography.Text>
              <Typography.Text type="secondary"> · {event.actor?.name ?? t('caseEvents.system')}</Typography.Text>
              <div>{details(event)}</div>
              {event.text && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }} data-testid="timeline-text">
                  {event.text}
                </Typography.Paragraph>
              )}
            </div>
          ),
        }))}
      />
    </div>
  );
}
