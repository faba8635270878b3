import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../directory/api';
import type { Unit } from '../directory/types';

export type UnitRef = Pick<Unit, 'id' | 'buildingName' | 'number'>;

export const unitLabel = (u: UnitRef | null | undefined) => (u ? `${u.buildingName} ${u.number}` : '');

/** One unit, found by typing its number; the unit already chosen keeps its label before any search. */
export function UnitSelect({
  value,
  onChange,
  known,
  id,
  testId,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  known?: UnitRef | null;
  id?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { data, isFetching } = useUnits({ q, page: 1, pageSize: 20, sort: 'number' });
  const options = useMemo(() => {
    const byId = new Map<string, string>();
    if (known) byId.set(known.id, unitLabel(known));
    for (const u of data?.items ?? []) byId.set(u.id, unitLabel(u));
    return [...byId.entries()].map(([unitId, label]) => ({ value: unitId, label }));
  }, [known, data]);
  return (
    <Select
      id={id}
      allowClear
      value={value ?? null}
      onChange={(v?: string | null) => onChange?.(v ?? null)}
      options={options}
      loading={isFetching}
      placeholder={t('residents.unitsPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      onBlur={() => setQ('')}
      notFoundContent={t('residents.noUnitFound')}
      data-testid={testId}
    />
  );
}
