import { Empty, Spin, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useHistory } from '../features/directory/api';
import { translateOr } from '../i18n';
import { useErrorText } from './errors';

/** The recent change history of one record, newest first (R-RD-1). */
export function HistoryList({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { t } = useTranslation();
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
          title: dayjs(entry.at).format('YYYY-MM-DD HH:mm'),
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
