import { ClockCircleOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { useStaff } from '../app/session';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { usePresenceBoard, useRefresh } from '../features/directory/api';
import {
  PRESENCE_COLORS,
  PRESENCE_STATES,
  type PresenceRow,
  type PresenceState,
  type UpdatePresenceInput,
} from '../features/directory/types';
import { PresenceEditor } from '../features/presence/PresenceEditor';

/** States with no expected return time; choosing one clears the old "back at". */
const WITHOUT_UNTIL: PresenceState[] = ['in_office', 'on_call', 'off_duty'];

function untilText(until: string | null): string | null {
  if (!until) return null;
  const at = dayjs(until);
  return at.isSame(dayjs(), 'day') ? at.format('HH:mm') : at.format('MM-DD HH:mm');
}

function PresenceCard({ row, onEdit }: { row: PresenceRow; onEdit: (row: PresenceRow) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = useRefresh();
  const me = useStaff();
  const [saving, setSaving] = useState(false);
  const { staff, presence } = row;
  const until = untilText(presence.until);

  const setState = async (state: PresenceState) => {
    setSaving(true);
    try {
      const body: UpdatePresenceInput = WITHOUT_UNTIL.includes(state) ? { state, until: null } : { state };
      await api.put(`/staff/${staff.id}/presence`, body);
      await refresh('presence', 'staff');
      message.success(t('presence.saved', { name: staff.name }));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      data-testid={`presence-card-${staff.id}`}
      title={
        <Space>
          <span>{staff.name}</span>
          {staff.id === me.id && <Tag>{t('presence.you')}</Tag>}
        </Space>
      }
      extra={
        <Button
          type="text"
          size="small"
          icon={<EditOutlined />}
          aria-label={t('presence.editTitle', { name: staff.name })}
          onClick={() => onEdit(row)}
        />
      }
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Tag color={PRESENCE_COLORS[presence.state]} data-testid="presence-state">
            {t(`presence.states.${presence.state}`)}
          </Tag>
          {presence.onTask && <Tag color="magenta">{t('presence.onTask')}</Tag>}
          {until && (
            <Typography.Text type="secondary">
              <ClockCircleOutlined /> {t('presence.backAt', { time: until })}
            </Typography.Text>
          )}
        </Space>
        <Typography.Text type="secondary">
          {[
            t(`roles.${staff.role}`),
            staff.departmentName,
            staff.counterSeat && t('presence.seat', { seat: t(`seats.${staff.counterSeat}`) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        {presence.note && <Typography.Text>{presence.note}</Typography.Text>}
        <Select<PresenceState>
          size="small"
          style={{ width: '100%' }}
          aria-label={t('presence.setState', { name: staff.name })}
          value={presence.state}
          loading={saving}
          disabled={saving}
          onChange={setState}
          options={PRESENCE_STATES.map((s) => ({ value: s, label: t(`presence.states.${s}`) }))}
          data-testid="presence-select"
        />
      </Space>
    </Card>
  );
}

/** Who is in, out, in a meeting or on a call (R-WK-5); refreshed every 10 seconds. */
export default function PresencePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const refresh = useRefresh();
  const { data, isPending, error, dataUpdatedAt } = usePresenceBoard();
  const [editing, setEditing] = useState<PresenceRow | null>(null);

  const rows = [...(data?.items ?? [])].sort(
    (a, b) => (a.staff.departmentName ?? '').localeCompare(b.staff.departmentName ?? '') || a.staff.name.localeCompare(b.staff.name),
  );
  const inOffice = rows.filter((r) => r.presence.state === 'in_office').length;

  return (
    <>
      <PageHeader
        title={t('presence.title')}
        extra={
          data && (
            <Typography.Text type="secondary" data-testid="presence-summary">
              {t('presence.summary', { inOffice, total: rows.length, time: dayjs(dataUpdatedAt).format('HH:mm:ss') })}
            </Typography.Text>
          )
        }
      />
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      {isPending ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty description={t('presence.empty')} />
      ) : (
        <Row gutter={[16, 16]} data-testid="presence-board">
          {rows.map((row) => (
            <Col key={row.staff.id} xs={24} sm={12} lg={8} xxl={6}>
              <PresenceCard row={row} onEdit={setEditing} />
            </Col>
          ))}
        </Row>
      )}
      <PresenceEditor row={editing} onClose={() => setEditing(null)} onSaved={() => void refresh('presence', 'staff')} />
    </>
  );
}
