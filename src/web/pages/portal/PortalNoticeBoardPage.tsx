import { NotificationOutlined } from '@ant-design/icons';
import { Card, Empty, List, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type NoticeBoard, useNoticeBoard } from '../../features/portal/api';
import { PortalMessages } from '../../features/portal/PortalMessages';
import { usePortalErrorText } from '../../features/portal/text';

type Fee = NoticeBoard['fees'][number];

/** An amount in minor units as money of its currency, in the page's language (HK$2.85). */
function money(rate: number, currency: string, language: string): string {
  const format = new Intl.NumberFormat(language, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(rate / 10 ** digits);
}

/** The estate's notices: announcements in force (urgent ones first and marked) and the fees charged today. */
export default function PortalNoticeBoardPage() {
  const { t, i18n } = useTranslation();
  const errorText = usePortalErrorText();
  const query = useNoticeBoard();
  const feeName = (fee: Fee) => (i18n.language === 'en' && fee.nameEn ? fee.nameEn : fee.name);

  if (query.isError) return <Typography.Text type="danger">{errorText(query.error)}</Typography.Text>;
  if (!query.data) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  const board = query.data;
  const announcements = [...board.announcements].sort((a, b) => Number(b.urgent) - Number(a.urgent));

  return (
    <div data-testid="portal-notice-board">
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="page-title">
        {t('portal.notices.title')}
      </Typography.Title>
      <PortalMessages />
      {announcements.length === 0 ? (
        <Card className="ed-portal-card">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.notices.noAnnouncements')} />
        </Card>
      ) : (
        announcements.map((a) => (
          <Card
            key={a.id}
            size="small"
            className={a.urgent ? 'ed-portal-card ed-portal-urgent' : 'ed-portal-card'}
            data-testid="portal-announcement"
            data-urgent={a.urgent ? 'true' : 'false'}
            title={
              <span>
                {a.urgent ? <Tag color="red">{t('portal.notices.urgent')}</Tag> : <NotificationOutlined style={{ marginRight: 8 }} />}
                {a.title}
              </span>
            }
          >
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{a.body}</Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.untilDate
                ? t('portal.notices.between', { from: a.fromDate, to: a.untilDate })
                : t('portal.notices.from', { from: a.fromDate })}
            </Typography.Text>
          </Card>
        ))
      )}
      <Card size="small" className="ed-portal-card" title={t('portal.notices.fees')} data-testid="portal-fees">
        {board.fees.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.notices.noFees')} />
        ) : (
          <List
            dataSource={board.fees}
            renderItem={(fee) => (
              <List.Item key={fee.id} data-testid="portal-fee">
                <List.Item.Meta title={feeName(fee)} description={t(`fees.bases.${fee.basis}`)} />
                <Typography.Text strong>{money(fee.rate, fee.currency, i18n.language)}</Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Typography.Paragraph>
        <a href={board.publicPageUrl} target="_blank" rel="noreferrer" data-testid="portal-public-page">
          {t('portal.notices.publicPage')}
        </a>
      </Typography.Paragraph>
    </div>
  );
}
