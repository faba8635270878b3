import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PortalCaseSummary } from './api';

const COLOURS: Record<PortalCaseSummary['status'], string> = {
  new: 'blue',
  assigned: 'geekblue',
  in_progress: 'orange',
  resolved: 'cyan',
  closed: 'default',
};

/** A case's state in the resident's words; a complaint waiting for their answer says so. */
export function CaseStatusTag({ summary }: { summary: Pick<PortalCaseSummary, 'status' | 'awaitingSatisfaction'> }) {
  const { t } = useTranslation();
  if (summary.awaitingSatisfaction)
    return (
      <Tag color="gold" data-testid="portal-case-status" data-status="awaiting">
        {t('portal.status.awaiting')}
      </Tag>
    );
  return (
    <Tag color={COLOURS[summary.status]} data-testid="portal-case-status" data-status={summary.status}>
      {t(`portal.status.${summary.status}`)}
    </Tag>
  );
}
