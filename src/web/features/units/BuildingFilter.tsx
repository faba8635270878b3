import { useTranslation } from 'react-i18next';
import { FilterSelect, type List } from '../../components/ListTable';
import { useAllBuildings } from '../directory/api';

/** The building filter of the unit and resident lists. */
export function BuildingFilter({ list }: { list: List<'buildingId'> }) {
  const { t } = useTranslation();
  const buildings = useAllBuildings();
  return (
    <FilterSelect
      list={list}
      name="buildingId"
      minWidth={160}
      label={t('units.building')}
      placeholder={t('units.allBuildings')}
      options={buildings.data?.items.map((b) => ({ value: b.id, label: b.name }))}
      data-testid="filter-building"
    />
  );
}
