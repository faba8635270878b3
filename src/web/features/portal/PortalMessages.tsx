import { Button, Card, Empty, List, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePortalMessages } from './messages';
import { usePortalErrorText } from './text';

const PAGE = 5;

/** R-CP-5: the messages the office sent the resident in the portal about their cases, newest first. */
export function PortalMessages() {
  const { t, i18n } = useTranslation();
  const errorText = usePortalErrorText();
  const [shown, setShown] = useState(PAGE);
  const query = usePortalMessages(shown);
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  if (query.isError) return <Typography.Text type="danger">{errorText(query.error)}</Typography.Text>;
  if (!query.data) return <Spin />;
  const { items, total } = query.data;
  return (
    <Card size="small" className="ed-portal-card" title={t('portal.messages.title')} data-testid="portal-messages">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.messages.none')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(m) => (
            <List.Item key={m.id} data-testid="portal-message">
              <List.Item.Meta
                title={m.caseId ? <Link to={`/portal/cases/${m.caseId}`}>{m.caseNumber ?? m.subject}</Link> : m.subject}
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>{m.body}</Typography.Paragraph>
                    <Typography.Text type="secondary">{when(m.sentAt ?? m.createdAt)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {total > items.length && (
        <Button block onClick={() => setShown((n) => n + PAGE)} data-testid="portal-messages-more">
          {t('portal.messages.more', { count: total - items.length })}
        </Button>
      )}
    </Card>
  );
}
