import { MessageOutlined } from '@ant-design/icons';
import { Badge, Button, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { mayOpen } from '../app/screens';
import { useCan } from '../app/session';
import { PageHeader } from '../components/PageHeader';
import { useEstateRecord } from '../features/directory/api';
import { useMessages } from '../features/frontdesk/api';
import { CallLog } from '../features/frontdesk/CallLog';
import { PhoneDesk } from '../features/frontdesk/PhoneDesk';
import { PresenceStrip } from '../features/frontdesk/PresenceStrip';
import { WalkIns } from '../features/frontdesk/WalkIns';
import { NotLoggedCalls } from '../features/telephony/NotLoggedCalls';

/**
 * The front desk, kept open all day: colleagues' presence on top, the phone on the left, the
 * counter on the right, today's calls below. Everything refreshes from the live stream.
 */
export default function FrontDeskPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const estate = useEstateRecord();
  const can = useCan();
  const mayReadMessages = mayOpen(can, '/messages');
  const mine = useMessages({ for: 'me', status: 'open', page: 1, pageSize: 1 }, { enabled: mayReadMessages });
  return (
    <div data-testid="frontdesk-page">
      <PageHeader
        title={t('frontDesk.title')}
        extra={
          <Space wrap>
            <Typography.Text type="secondary" className="ed-shortcut-help">
              {t('frontDesk.shortcuts.help')}
            </Typography.Text>
            {mayReadMessages && (
              <Button icon={<MessageOutlined />} onClick={() => void navigate('/messages')} data-testid="frontdesk-messages">
                <Space size={6}>
                  {t('nav.messages')}
                  <Badge count={mine.data?.total ?? 0} size="small" />
                </Space>
              </Button>
            )}
          </Space>
        }
      />
      <PresenceStrip seatOrder={estate.data?.policy.counterSeatOrder} />
      {/* Each part for those who hold its reading: the caller lookup, the walk-ins, the call log. */}
      <Row gutter={[16, 16]}>
        {can('caller.lookup') && (
          <Col xs={24} xl={12}>
            <PhoneDesk />
          </Col>
        )}
        {can('visit.read') && (
          <Col xs={24} xl={12}>
            <WalkIns />
          </Col>
        )}
        {can('pbx.read') && (
          <Col xs={24}>
            <NotLoggedCalls />
          </Col>
        )}
        {can('call.read') && (
          <Col xs={24}>
            <CallLog />
          </Col>
        )}
      </Row>
    </div>
  );
}
