import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEstateTime } from './time';
import type { SpotCheck } from './types';

const DAY = 86_400_000;

/** Whole days after the due time, counting a part day as one: drawn an hour late is a day late. */
export function daysLate(dueAt: string, at: string): number {
  return Math.max(0, Math.ceil((Date.parse(at) - Date.parse(dueAt)) / DAY));
}

/**
 * R-FU-5: a spot check drawn after its due time (the 7th of the next month) is late, whatever
 * came after: shown in red with how many days, wherever the check is listed.
 */
export function DrawnLateTag({ check }: { check: { dueAt: string; drawnAt: string | null } }) {
  const { t } = useTranslation();
  const time = useEstateTime();
  if (!check.drawnAt) return null;
  const days = daysLate(check.dueAt, check.drawnAt);
  if (days === 0) return null;
  return (
    <Tooltip title={t('spotChecks.drawnLateTip', { due: time.format(check.dueAt), drawn: time.format(check.drawnAt) })}>
      <Tag color="error" data-testid="spot-drawn-late" data-days={days} tabIndex={0}>
        {t('spotChecks.drawnLate', { count: days })}
      </Tag>
    </Tooltip>
  );
}

/** The check's own deadline, judged on its completion: on time only if completed by the due time. */
export function spotCheckObligation(check: Pick<SpotCheck, 'state' | 'dueAt' | 'completedAt'>) {
  return {
    state: check.state,
    dueAt: check.dueAt,
    metAt: check.completedAt,
    metOnTime: check.completedAt ? Date.parse(check.completedAt) <= Date.parse(check.dueAt) : null,
  };
}
