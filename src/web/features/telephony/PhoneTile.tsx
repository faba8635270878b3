import { PhoneOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FrontDeskSummary } from '../frontdesk/types';
import { percentText } from '../reports/format';

type PhoneToday = NonNullable<FrontDeskSummary['phone']>;

/**
 * R-PH-5 on the dashboard's front-desk row: today's share of calls answered within three rings,
 * the missed calls and the longest ring, from the PBX's own times. Shown when the summary has them.
 */
export function PhoneTile({ phone, to }: { phone: PhoneToday | undefined; to: string | null }) {
  const { t, i18n } = useTranslation();
  if (!phone) return null;
  const body = (
    <Row gutter={8}>
      <Col span={8}>
        <Statistic
          title={t('dashboard.frontDesk.answeredInTime')}
          prefix={<PhoneOutlined />}
          value={percentText(phone.inTimeRate, i18n.language)}
          data-testid="dashboard-phone-in-time"
        />
      </Col>
      <Col span={8}>
        <Statistic
          title={t('dashboard.frontDesk.missedCalls')}
          value={phone.missed}
          styles={phone.missed ? { content: { color: '#cf1322' } } : undefined}
          data-testid="dashboard-phone-missed"
        />
      </Col>
      <Col span={8}>
        <Statistic
          title={t('dashboard.frontDesk.longestRing')}
          value={
            phone.longestRingSeconds === null ? '—' : t('pbx.calls.seconds', { seconds: Math.round(phone.longestRingSeconds * 10) / 10 })
          }
          data-testid="dashboard-phone-longest-ring"
        />
      </Col>
    </Row>
  );
  return (
    <Card data-testid="dashboard-phone">
      {to ? (
        <Link to={to} style={{ color: 'inherit' }}>
          {body}
        </Link>
      ) : (
        body
      )}
    </Card>
  );
}
