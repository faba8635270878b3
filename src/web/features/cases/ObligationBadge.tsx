import { Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEstateTime } from '../../app/time';
import { translateOr } from '../../i18n';
import { deadlineOf, spanParts, TONE_COLORS } from './deadlines';
import type { Obligation } from './types';

export const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** The current time, moved on every `intervalMs`, so countdowns on screen stay right. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A span in the largest two units that matter: days and hours, hours and minutes, or minutes. */
export function useSpanText(): (ms: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (ms: number) => {
      const parts = { ...spanParts(ms) };
      if (parts.days > 0) return t('obligations.span.days', parts);
      if (parts.hours > 0) return t('obligations.span.hours', parts);
      return t('obligations.span.minutes', parts);
    },
    [t],
  );
}

/** The name of a deadline rule in words; its id goes in a tooltip (`title={rule}`), so the desk can trace it. */
export function ruleLabel(rule: string): string {
  return translateOr(`obligations.rules.${rule}`, translateOr('obligations.rule', rule));
}

type DeadlineSource = Pick<Obligation, 'state' | 'dueAt' | 'metOnTime' | 'metAt'>;

/** Due in / overdue by / met on time / met late, coloured, with the due time on hover. */
export function DeadlineTag({
  obligation,
  now,
  dueSoonHours,
  testId = 'deadline-tag',
}: {
  obligation: DeadlineSource;
  now: number;
  /** How near the due time counts as "due soon", where a rule's clock is shorter than a day. */
  dueSoonHours?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { format } = useEstateTime();
  const spanText = useSpanText();
  const { tone, remainingMs } = deadlineOf(obligation, now, dueSoonHours);
  const span = spanText(remainingMs);
  const text = {
    met: t('obligations.tones.met'),
    late: t('obligations.tones.late'),
    overdue: t('obligations.tones.overdue', { span }),
    due_soon: t('obligations.tones.due_soon', { span }),
    open: t('obligations.tones.open', { span }),
    cancelled: t('obligations.tones.cancelled'),
  }[tone];
  const tip =
    obligation.metAt && (tone === 'met' || tone === 'late')
      ? t('obligations.metAt', { time: format(obligation.metAt), due: format(obligation.dueAt) })
      : t('obligations.dueAt', { time: format(obligation.dueAt) });
  return (
    <Tooltip title={tip}>
      <Tag color={TONE_COLORS[tone]} data-testid={testId} data-tone={tone} tabIndex={0}>
        {text}
      </Tag>
    </Tooltip>
  );
}

/** One deadline of a case: the rule it comes from, its state and its due time. */
export function ObligationBadge({ obligation, now }: { obligation: Obligation; now: number }) {
  const { t } = useTranslation();
  const { format } = useEstateTime();
  const { tone } = deadlineOf(obligation, now);
  return (
    <Space size={6} wrap data-testid="obligation" data-rule={obligation.rule} data-tone={tone} data-state={obligation.state}>
      <Typography.Text strong title={obligation.rule}>
        {ruleLabel(obligation.rule)}
      </Typography.Text>
      <DeadlineTag obligation={obligation} now={now} />
      <Typography.Text type="secondary">{t('obligations.dueAt', { time: format(obligation.dueAt) })}</Typography.Text>
      {obligation.escalatedTo && <Tag color="volcano">{t('obligations.escalatedTo', { name: obligation.escalatedTo.name })}</Tag>}
    </Space>
  );
}
