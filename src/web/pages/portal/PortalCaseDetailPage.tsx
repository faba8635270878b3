import { LeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Image, Result, Space, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isRecordId } from '../../app/api';
import { isApiError } from '../../components/errors';
import { type PortalCaseEvent, photoSrc, usePortalCase } from '../../features/portal/api';
import { CaseStatusTag } from '../../features/portal/CaseStatusTag';
import { FollowUpCard } from '../../features/portal/FollowUpScore';
import { SatisfactionAnswered, SatisfactionQuestion } from '../../features/portal/SatisfactionQuestion';
import { usePortalErrorText, usePortalTime } from '../../features/portal/text';

/** An appointment's time, when the office gave one with it. */
function appointmentOf(event: PortalCaseEvent): string | null {
  const at = event.data.appointmentAt ?? event.data.scheduledAt ?? event.data.at;
  return typeof at === 'string' ? at : null;
}

/** One case as its resident sees it: what they said, what the office did and said, photos, follow-ups, and their answer. */
export default function PortalCaseDetailPage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const time = usePortalTime();
  const errorText = usePortalErrorText();
  const query = usePortalCase(caseId);
  const back = (
    <Link to="/portal">
      <Button type="link" icon={<LeftOutlined />} style={{ paddingLeft: 0 }} data-testid="portal-back">
        {t('portal.detail.back')}
      </Button>
    </Link>
  );

  if (!isRecordId(caseId) || isApiError(query.error, 'case.not_found') || (isApiError(query.error) && query.error.status === 404))
    return (
      <>
        {back}
        <Result status="404" title={t('portal.detail.notFound')} data-testid="portal-case-not-found" />
      </>
    );
  if (query.isError) return <Typography.Text type="danger">{errorText(query.error)}</Typography.Text>;
  if (!query.data) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  const record = query.data;
  const photos = record.attachments.filter((a) => a.contentType.startsWith('image/'));

  return (
    <div data-testid="portal-case-detail" data-case-number={record.number} data-status={record.status}>
      {back}
      <Card className="ed-portal-card">
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {`${t(`caseKinds.${record.kind}`)} · ${record.number}`}
          </Typography.Title>
          <CaseStatusTag summary={record} />
        </div>
        <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
          {record.unit && <Descriptions.Item label={t('portal.fields.unitId')}>{record.unit.label}</Descriptions.Item>}
          {record.repairClass && (
            <Descriptions.Item label={t('portal.report.repairClass')}>{t(`portal.report.classes.${record.repairClass}`)}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('portal.detail.recordedAt')}>{time(record.recordedAt)}</Descriptions.Item>
          {record.closedAt && <Descriptions.Item label={t('portal.detail.closedAt')}>{time(record.closedAt)}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8, marginBottom: 0 }} data-testid="portal-case-description">
          {record.description}
        </Typography.Paragraph>
        {record.result && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="portal-case-result">
            <Typography.Text type="secondary">{t('portal.detail.result')}: </Typography.Text>
            {record.result}
          </Typography.Paragraph>
        )}
      </Card>

      {record.awaitingSatisfaction ? <SatisfactionQuestion record={record} /> : <SatisfactionAnswered record={record} />}

      {photos.length > 0 && (
        <Card size="small" className="ed-portal-card" title={t('portal.detail.photos')}>
          <Image.PreviewGroup>
            <Space wrap>
              {photos.map((a) => (
                <Image
                  key={a.id}
                  src={photoSrc(a)}
                  alt={a.fileName}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover', borderRadius: 6 }}
                  data-testid="portal-case-photo"
                />
              ))}
            </Space>
          </Image.PreviewGroup>
        </Card>
      )}

      <Card size="small" className="ed-portal-card" title={t('portal.detail.timeline')}>
        {record.timeline.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.detail.noEvents')} />
        ) : (
          <Timeline
            data-testid="portal-case-timeline"
            items={record.timeline.map((event) => {
              const appointment = event.type === 'repair_appointment' ? appointmentOf(event) : null;
              return {
                key: event.id,
                content: (
                  <div data-testid="portal-case-event" data-type={event.type}>
                    <Typography.Text strong>{t(`portal.events.${event.type}`)}</Typography.Text>{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {time(event.at)}
                    </Typography.Text>
                    {appointment && <div>{t('portal.detail.appointment', { at: time(appointment) })}</div>}
                    {event.text && <div style={{ whiteSpace: 'pre-wrap' }}>{event.text}</div>}
                  </div>
                ),
              };
            })}
          />
        )}
      </Card>

      {record.followUps.length > 0 && (
        <>
          <Typography.Title level={5}>{t('portal.detail.followUps')}</Typography.Title>
          {record.followUps.map((f) => (
            <FollowUpCard key={f.id} followUp={f} />
          ))}
        </>
      )}
    </div>
  );
}
