import { Form, Input, Space, Tag, Typography } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import { useTranslation } from 'react-i18next';
import { ruleTitle, translateOr } from '../../i18n';
import { DeadlineTag } from '../cases/ObligationBadge';
import { useEstateRecord } from '../directory/api';
import { useEstateTime } from './time';
import {
  type FollowUp,
  type FollowUpResult,
  NOTICE_STATUS_COLORS,
  type NoticeStatus,
  RESULT_COLORS,
  type SpotVerdict,
  VERDICT_COLORS,
} from './types';

export function ResultTag({ result }: { result: FollowUpResult }) {
  const { t } = useTranslation();
  return (
    <Tag color={RESULT_COLORS[result]} data-testid="followup-result-tag" data-result={result}>
      {t(`followUps.results.${result}`)}
    </Tag>
  );
}

export function NoticeStatusTag({ status }: { status: NoticeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={NOTICE_STATUS_COLORS[status]} data-testid="notice-status" data-status={status}>
      {t(`rectification.statuses.${status}`)}
    </Tag>
  );
}

export function VerdictTag({ verdict }: { verdict: SpotVerdict }) {
  const { t } = useTranslation();
  return (
    <Tag color={VERDICT_COLORS[verdict]} data-testid="verdict-tag" data-verdict={verdict}>
      {t(`spotChecks.verdicts.${verdict}`)}
    </Tag>
  );
}

/** The follow-up's kind and repair class: which rule made it and what was repaired. */
export function FollowUpKindTags({ followUp }: { followUp: Pick<FollowUp, 'kind' | 'repairClass'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={followUp.kind === 'after_rain' ? 'geekblue' : followUp.kind === 'after_rectification' ? 'purple' : 'orange'}>
        {t(`followUps.kinds.${followUp.kind}`)}
      </Tag>
      <Tag color={followUp.repairClass === 'safety' ? 'red' : followUp.repairClass === 'leak' ? 'blue' : 'default'}>
        {t(`repairClasses.${followUp.repairClass}`)}
      </Tag>
    </>
  );
}

/** When the visit is due (estate time), how that stands now, or that it waits for rain (R-FU-2). */
export function FollowUpDue({ followUp, now }: { followUp: FollowUp; now: number }) {
  const { t } = useTranslation();
  const time = useEstateTime();
  const policy = useEstateRecord().data?.policy;
  if (followUp.status === 'awaiting_rain' || !followUp.dueAt) {
    return (
      <Space size={4} wrap data-testid="followup-due" data-state="awaiting_rain">
        <Tag color="geekblue" title={ruleTitle('followUps.awaitingRain')}>
          {t('followUps.awaitingRain')}
        </Tag>
        {policy && (
          <Typography.Text type="secondary">{t('followUps.awaitingRainHelp', { hours: policy.afterRainFollowUpHours })}</Typography.Text>
        )}
      </Space>
    );
  }
  return (
    <Space size={4} wrap data-testid="followup-due" data-state={followUp.state ?? ''}>
      <Typography.Text strong data-testid="followup-due-at">
        {t('followUps.dueAt', { time: time.format(followUp.dueAt) })}
      </Typography.Text>
      <DeadlineTag
        obligation={{ state: followUp.state ?? 'open', dueAt: followUp.dueAt, metOnTime: followUp.metOnTime, metAt: followUp.performedAt }}
        now={now}
      />
      <Typography.Text type="secondary" title={followUp.rule} data-testid="followup-rule">
        {t(`obligations.rules.${followUp.rule}`)}
      </Typography.Text>
    </Space>
  );
}

/** A text area that also submits its form with Ctrl+Enter (Enter alone starts a new line). */
export function SubmitTextArea(props: TextAreaProps) {
  const form = Form.useFormInstance();
  return (
    <Input.TextArea
      {...props}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          form.submit();
        }
        props.onKeyDown?.(event);
      }}
    />
  );
}

/** A unit as the office writes it: building, then number. */
export function unitText(unit: { buildingName: string; number: string } | null | undefined): string {
  return unit ? `${unit.buildingName} ${unit.number}` : '—';
}

/** A satisfaction score in words, e.g. 4 → "satisfied". */
export function satisfactionText(score: number): string {
  return translateOr(`followUps.satisfaction.${score}`, String(score));
}
