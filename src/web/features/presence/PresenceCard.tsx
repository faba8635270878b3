import { ClockCircleOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCan, useStaff } from '../../app/session';
import { useEstateTime } from '../../app/time';
import { useErrorText } from '../../components/errors';
import { useRefresh } from '../directory/api';
import { PRESENCE_COLORS, PRESENCE_STATES, type PresenceRow, type PresenceState, type UpdatePresenceInput } from '../directory/types';

/** States with no expected return time; choosing one clears the old "back at". */
export const WITHOUT_UNTIL: PresenceState[] = ['in_office', 'on_call', 'off_duty'];

/** When someone is back, in the estate's zone: the time alone today, with the date otherwise. */
export function useUntilText(): (until: string | null | undefined) => string | null {
  const time = useEstateTime();
  return useCallback(
    (until: string | null | undefined) => {
      if (!until) return null;
      const today = time.format(new Date().toISOString(), 'YYYY-MM-DD');
      return time.format(until, 'YYYY-MM-DD') === today ? time.format(until, 'HH:mm') : time.format(until, 'MM-DD HH:mm');
    },
    [time],
  );
}

/** One colleague on the board: where they are, their seat, and a quick change of state. */
export function PresenceCard({ row, onEdit }: { row: PresenceRow; onEdit: (row: PresenceRow) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = useRefresh();
  const me = useStaff();
  const can = useCan();
  const [saving, setSaving] = useState(false);
  const { staff, presence } = row;
  // Everyone sets their own presence; the desk sets a colleague's.
  const mayChange = staff.id === me.id || can('presence.write.others');
  const until = useUntilText()(presence.until);

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
        mayChange && (
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={t('presence.editTitle', { name: staff.name })}
            onClick={() => onEdit(row)}
          />
        )
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
        {mayChange && (
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
        )}
      </Space>
    </Card>
  );
}
