import { Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePresenceBoard } from '../directory/api';
import { PRESENCE_COLORS, type PresenceRow } from '../directory/types';

/** The presence board row of a colleague, or none. */
export function usePresenceOf(staffId: string | null | undefined): PresenceRow | null {
  const board = usePresenceBoard();
  return board.data?.items.find((r) => r.staff.id === staffId) ?? null;
}

/** A colleague picked by typing their name, each shown with where they are now (R-WK-5). */
export function ColleagueSelect({
  value,
  onChange,
  id,
  testId,
  placeholder,
  exclude,
  autoFocus,
  allowClear = true,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  testId: string;
  placeholder?: string;
  exclude?: readonly string[];
  autoFocus?: boolean;
  allowClear?: boolean;
}) {
  const { t } = useTranslation();
  const board = usePresenceBoard();
  const rows = (board.data?.items ?? []).filter((r) => !exclude?.includes(r.staff.id));
  const options = [...rows]
    .sort((a, b) => a.staff.name.localeCompare(b.staff.name))
    .map((r) => ({
      value: r.staff.id,
      label: r.staff.name,
      search: [r.staff.name, r.staff.departmentName ?? ''].join(' '),
      row: r,
    }));
  return (
    <Select<string | null, (typeof options)[number]>
      id={id}
      value={value ?? null}
      allowClear={allowClear}
      autoFocus={autoFocus}
      loading={board.isPending}
      placeholder={placeholder ?? t('frontDesk.colleague.placeholder')}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ optionFilterProp: 'search' }}
      optionRender={(option) => {
        const r = option.data.row;
        return (
          <Space size={6} data-testid="colleague-option" data-staff-id={r.staff.id}>
            <span>{r.staff.name}</span>
            <Tag color={PRESENCE_COLORS[r.presence.state]}>{t(`presence.states.${r.presence.state}`)}</Tag>
            {r.staff.departmentName && <Typography.Text type="secondary">{r.staff.departmentName}</Typography.Text>}
          </Space>
        );
      }}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
