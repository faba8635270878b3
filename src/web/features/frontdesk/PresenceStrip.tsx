import { TeamOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, useStaff } from '../../app/session';
import { usePresenceBoard, useRefresh } from '../directory/api';
import { type CounterSeat, PRESENCE_COLORS, type PresenceRow } from '../directory/types';
import { useUntilText } from '../presence/PresenceCard';
import { PresenceEditor } from '../presence/PresenceEditor';

/** Who sits where first, in the estate's seat order, then everyone else by name. */
export function byDesk(rows: readonly PresenceRow[], seatOrder: readonly CounterSeat[] = []): PresenceRow[] {
  const rank = (row: PresenceRow) => {
    const seat = row.staff.counterSeat;
    if (!seat) return 100;
    const i = seatOrder.indexOf(seat);
    return i < 0 ? 50 : i;
  };
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.staff.name.localeCompare(b.staff.name));
}

/** One colleague as a chip: name, seat, where they are; a click changes it (R-WK-5). */
function PresenceChip({ row, onEdit }: { row: PresenceRow; onEdit: (row: PresenceRow) => void }) {
  const { t } = useTranslation();
  const me = useStaff();
  const can = useCan();
  const untilText = useUntilText();
  const { staff, presence } = row;
  // Everyone sets their own presence; the desk sets a colleague's.
  const mayChange = staff.id === me.id || can('presence.write.others');
  const until = untilText(presence.until);
  const detail = [
    t(`presence.states.${presence.state}`),
    until && t('presence.backAt', { time: until }),
    presence.onTask && t('presence.onTask'),
    presence.note,
  ]
    .filter(Boolean)
    .join(' · ');
  const attributes = {
    'data-testid': 'presence-chip',
    'data-staff-id': staff.id,
    'data-state': presence.state,
    'data-on-task': presence.onTask,
  };
  const content = (
    <Space size={4}>
      <Tag color={PRESENCE_COLORS[presence.state]} style={{ marginInlineEnd: 0 }}>
        {staff.counterSeat ? t(`seats.${staff.counterSeat}`) : t(`presence.states.${presence.state}`)}
      </Tag>
      <span>
        {staff.name}
        {staff.id === me.id ? ` (${t('presence.you')})` : ''}
      </span>
      {staff.counterSeat && presence.state !== 'in_office' && (
        <Typography.Text type="secondary">{t(`presence.states.${presence.state}`)}</Typography.Text>
      )}
      {presence.onTask && <Tag color="magenta">{t('presence.onTask')}</Tag>}
      {until && <Typography.Text type="secondary">{until}</Typography.Text>}
    </Space>
  );
  if (!mayChange)
    return (
      <Tooltip title={detail}>
        <span className="ed-presence-chip" {...attributes}>
          {content}
        </span>
      </Tooltip>
    );
  return (
    <Tooltip title={`${detail} · ${t('presence.editTitle', { name: staff.name })}`}>
      <Button size="small" onClick={() => onEdit(row)} {...attributes}>
        {content}
      </Button>
    </Tooltip>
  );
}

/** The presence board in one strip above the desk: counter seats first, in the estate's order. */
export function PresenceStrip({ seatOrder }: { seatOrder: readonly CounterSeat[] | undefined }) {
  const { t } = useTranslation();
  const board = usePresenceBoard();
  const refresh = useRefresh();
  const [editing, setEditing] = useState<PresenceRow | null>(null);
  const rows = byDesk(board.data?.items ?? [], seatOrder);
  return (
    <Card
      size="small"
      data-testid="presence-strip"
      title={
        <Space>
          <TeamOutlined />
          {t('frontDesk.presence.title')}
        </Space>
      }
      extra={<Link to="/presence">{t('frontDesk.presence.board')}</Link>}
      style={{ marginBottom: 16 }}
    >
      {board.isPending ? (
        <Skeleton active paragraph={false} />
      ) : (
        <Space wrap size={[8, 8]}>
          {rows.map((row) => (
            <PresenceChip key={row.staff.id} row={row} onEdit={setEditing} />
          ))}
        </Space>
      )}
      <PresenceEditor row={editing} onClose={() => setEditing(null)} onSaved={() => void refresh('presence', 'staff')} />
    </Card>
  );
}
