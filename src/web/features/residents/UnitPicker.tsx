import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../directory/api';
import type { Unit } from '../directory/types';

type UnitLabel = Pick<Unit, 'id' | 'buildingName' | 'number'>;

const labelOf = (u: UnitLabel) => `${u.buildingName} ${u.number}`;

/** Picks units by typing their number; the server searches, so large estates stay fast. */
export function UnitPicker({
  value,
  onChange,
  known = [],
  id,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Units already linked, so their labels show before any search. */
  known?: UnitLabel[];
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { data, isFetching } = useUnits({ q, page: 1, pageSize: 20, sort: 'number' });

  const options = useMemo(() => {
    const byId = new Map<string, string>();
    for (const u of known) byId.set(u.id, labelOf(u));
    for (const u of data?.items ?? []) byId.set(u.id, labelOf(u));
    return [...byId.entries()].map(([unitId, label]) => ({ value: unitId, label }));
  }, [known, data]);

  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      loading={isFetching}
      placeholder={t('residents.unitsPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      onBlur={() => setQ('')}
      notFoundContent={t('residents.noUnitFound')}
      data-testid="resident-form-units"
    />
  );
}
