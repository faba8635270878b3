import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitLookup } from '../directory/api';
import { type UnitRef, unitLabel } from '../directory/UnitLookup';

/**
 * Picks the units a resident lives in by typing them as every other screen does (block and
 * number in either order, 3A before 13A): the same lookup, its units only; several may be chosen.
 */
export function UnitPicker({
  value,
  onChange,
  known = [],
  id,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Units already linked, so their labels show before any search. */
  known?: UnitRef[];
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { data, isFetching } = useUnitLookup(q.trim());

  const options = useMemo(() => {
    const byId = new Map<string, string>();
    for (const u of known) byId.set(u.id, unitLabel(u));
    for (const m of data?.items ?? []) if (m.unit) byId.set(m.unit.id, unitLabel(m.unit));
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
