import { Empty, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEstateTime } from '../app/time';
import { useHistory } from '../features/directory/api';
import { translateOr } from '../i18n';
import { useErrorText } from './errors';

/** The recent change history of one record, newest first (R-RD-1). */
export function HistoryList({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { t } = useTranslation();
  const { format } = useEstateTime();
  const errorText = useErrorText();
  const { data, isPending, error } = useHistory({ entityType, entityId, page: 1, pageSize: 20 });

  if (isPending) return <Spin size="small" />;
  if (error) return <Typography.Text type="secondary">{errorText(error)}</Typography.Text>;
  if (data.items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;

  return (
    <div data-testid="history">
      <Timeline
        items={data.items.map((entry) => ({
          key: entry.id,
          title: format(entry.at),
          content: (
            <span>
              {translateOr(`history.actions.${entry.action}`, entry.action)}
              {' · '}
              <Typography.Text type="secondary">{entry.actorName ?? t('history.system')}</Typography.Text>
            </span>
          ),
        }))}
      />
    </div>
  );
}
