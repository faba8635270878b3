import { HomeOutlined, UserOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, type QueryParams } from '../../app/api';
import { useEstate } from '../../app/session';
import { keys } from '../directory/api';
import type { Resident, Unit } from '../directory/types';

type UnitRef = Pick<Unit, 'id' | 'buildingName' | 'number'>;

/** Who is calling: a resident (with the unit they called about) or only a unit. */
export interface CallerPick {
  key: string;
  unit: UnitRef | null;
  resident: Pick<Resident, 'id' | 'name' | 'phone'> | null;
}

const unitLabel = (u: UnitRef) => `${u.buildingName} ${u.number}`;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function useSearch<T>(collection: 'residents' | 'units', params: QueryParams, enabled: boolean) {
  const estate = useEstate();
  return useQuery({
    queryKey: keys.list(estate.id, collection, params),
    queryFn: ({ signal }) => api.get<Page<T>>(`/estates/${estate.id}/${collection}`, params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Each resident once per unit they live in, so Enter picks the resident and the unit together. */
function picksOf(residents: Resident[], units: Unit[]): CallerPick[] {
  const picks: CallerPick[] = [];
  for (const r of residents) {
    const resident = { id: r.id, name: r.name, phone: r.phone };
    if (r.units.length === 0) picks.push({ key: `r:${r.id}`, unit: null, resident });
    for (const u of r.units) picks.push({ key: `r:${r.id}:${u.id}`, unit: u, resident });
  }
  for (const u of units) picks.push({ key: `u:${u.id}`, unit: u, resident: null });
  return picks;
}

/**
 * The caller lookup of the intake screen: typing a phone number, a unit number or a name
 * lists matching residents and units (the server searches); arrow keys and Enter pick one.
 */
export function CallerLookup({
  value,
  onChange,
  id,
}: {
  value: CallerPick | null;
  onChange: (pick: CallerPick | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 200);
  const searching = q.length > 0;
  const residents = useSearch<Resident>('residents', { q, page: 1, pageSize: 8 }, searching);
  const units = useSearch<Unit>('units', { q, page: 1, pageSize: 5, sort: 'number' }, searching);

  // Only answers to what is typed now: Enter must never pick a match for an earlier prefix.
  const fresh = searching && q === text.trim() && !residents.isPlaceholderData && !units.isPlaceholderData;
  const picks = useMemo(() => {
    const found = fresh ? picksOf(residents.data?.items ?? [], units.data?.items ?? []) : [];
    // The chosen caller stays an option, so its label shows after the search moves on.
    if (value && !found.some((p) => p.key === value.key)) found.unshift(value);
    return found;
  }, [fresh, residents.data, units.data, value]);

  const options = picks.map((p) => ({
    value: p.key,
    label: p.resident ? `${p.resident.name}${p.unit ? ` · ${unitLabel(p.unit)}` : ''}` : p.unit ? unitLabel(p.unit) : '',
    pick: p,
  }));

  return (
    <Select<string, (typeof options)[number]>
      id={id}
      allowClear
      value={value?.key ?? null}
      placeholder={t('cases.intake.callerPlaceholder')}
      options={options}
      loading={searching && !fresh}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onChange={(_key, option) => {
        const chosen = Array.isArray(option) ? option[0] : option;
        onChange(chosen?.pick ?? null);
        setText('');
      }}
      onBlur={() => setText('')}
      notFoundContent={
        !searching ? t('cases.intake.callerHint') : fresh ? t('cases.intake.callerNotFound') : t('cases.intake.callerSearching')
      }
      optionRender={(option) => {
        const p = option.data.pick;
        return (
          <Space size={8} data-testid="caller-option">
            {p.resident ? <UserOutlined /> : <HomeOutlined />}
            <span>{p.resident?.name ?? (p.unit ? unitLabel(p.unit) : '')}</span>
            {p.resident && p.unit && <Typography.Text type="secondary">{unitLabel(p.unit)}</Typography.Text>}
            {p.resident?.phone && <Typography.Text type="secondary">{p.resident.phone}</Typography.Text>}
          </Space>
        );
      }}
      data-testid="caller-lookup"
      style={{ width: '100%' }}
    />
  );
}
