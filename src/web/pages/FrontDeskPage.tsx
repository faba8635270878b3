import { MessageOutlined } from '@ant-design/icons';
import { Badge, Button, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useEstateRecord } from '../features/directory/api';
import { useMessages } from '../features/frontdesk/api';
import { CallLog } from '../features/frontdesk/CallLog';
import { PhoneDesk } from '../features/frontdesk/PhoneDesk';
import { PresenceStrip } from '../features/frontdesk/PresenceStrip';
import { WalkIns } from '../features/frontdesk/WalkIns';

/**
 * The front desk, kept open all day: colleagues' presence on top, the phone on the left, the
 * counter on the right, today's calls below. Everything refreshes from the live stream.
 */
export default function FrontDeskPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const estate = useEstateRecord();
  const mine = useMessages({ for: 'me', status: 'open', page: 1, pageSize: 1 });
  return (
    <div data-testid="frontdesk-page">
      <PageHeader
        title={t('frontDesk.title')}
        extra={
          <Space wrap>
            <Typography.Text type="secondary" className="ed-shortcut-help">
              {t('frontDesk.shortcuts.help')}
            </Typography.Text>
            <Button icon={<MessageOutlined />} onClick={() => void navigate('/messages')} data-testid="frontdesk-messages">
              <Space size={6}>
                {t('nav.messages')}
                <Badge count={mine.data?.total ?? 0} size="small" />
              </Space>
            </Button>
          </Space>
        }
      />
      <PresenceStrip seatOrder={estate.data?.policy.counterSeatOrder} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <PhoneDesk />
        </Col>
        <Col xs={24} xl={12}>
          <WalkIns />
        </Col>
        <Col xs={24}>
          <CallLog />
        </Col>
      </Row>
    </div>
  );
}
