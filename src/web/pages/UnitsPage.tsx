import { UploadOutlined } from '@ant-design/icons';
import { App, Button, InputNumber, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../app/session';
import { ExportButtons } from '../components/ExportButtons';
import { CreateButton, ListTable, useEditColumn } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { SearchBox } from '../components/SearchBox';
import { useListParams } from '../components/useListParams';
import { useRefresh, useUnits } from '../features/directory/api';
import type { Unit } from '../features/directory/types';
import { ImportDialog } from '../features/import/ImportDialog';
import { BuildingFilter } from '../features/units/BuildingFilter';
import { UnitDetailDrawer } from '../features/units/UnitDetailDrawer';
import { UnitForm } from '../features/units/UnitForm';

const FILTERS = ['buildingId', 'floor'] as const;

export default function UnitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const list = useListParams('number', FILTERS);
  const { params, update, sortOrderOf } = list;
  const { buildingId, floor } = params.filters;
  const query = useUnits({
    page: params.page,
    pageSize: params.pageSize,
    q: params.q,
    sort: params.sort,
    buildingId,
    floor,
  });
  const can = useCan();
  const mayWrite = can('unit.write');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const editColumn = useEditColumn<Unit>(setEditing, { ariaLabel: true });
  const [search, setSearch] = useSearchParams();
  const openUnitId = search.get('unit');

  const showUnit = useCallback(
    (unitId: string | null) =>
      setSearch((prev) => {
        const next = new URLSearchParams(prev);
        if (unitId) next.set('unit', unitId);
        else next.delete('unit');
        return next;
      }),
    [setSearch],
  );
  const onSearch = useCallback((q: string) => update({ q }), [update]);

  const columns: TableColumnsType<Unit> = [
    { title: t('units.building'), dataIndex: 'buildingName', key: 'building' },
    {
      title: t('units.number'),
      key: 'number',
      sorter: true,
      sortOrder: sortOrderOf('number'),
      render: (_, unit) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => showUnit(unit.id)} data-testid="unit-open">
          {unit.number}
        </Button>
      ),
    },
    { title: t('units.floor'), dataIndex: 'floor', key: 'floor', sorter: true, sortOrder: sortOrderOf('floor') },
    {
      title: t('units.area'),
      dataIndex: 'areaM2',
      key: 'area',
      sorter: true,
      sortOrder: sortOrderOf('area'),
      render: (area: number | null) => (area === null ? '—' : area),
    },
    { title: t('units.residentCount'), dataIndex: 'residentCount', key: 'residentCount' },
    ...(mayWrite ? [editColumn] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('units.title')}
        extra={
          <>
            {can('unit.import') && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="units-import">
                {t('import.button')}
              </Button>
            )}
            <ExportButtons target="units" />
            {mayWrite && (
              <CreateButton testId="units-create" onClick={() => setEditing('new')}>
                {t('units.create')}
              </CreateButton>
            )}
          </>
        }
      />
      <div className="ed-toolbar">
        <SearchBox value={params.q} placeholder={t('units.searchPlaceholder')} onSearch={onSearch} />
        <BuildingFilter list={list} />
        <InputNumber
          style={{ width: 140 }}
          precision={0}
          placeholder={t('units.anyFloor')}
          aria-label={t('units.floor')}
          value={floor === undefined ? null : Number(floor)}
          onChange={(value) => update({ filters: { floor: value === null ? undefined : String(value) } })}
          data-testid="filter-floor"
        />
      </div>
      <ListTable
        testId="units-table"
        list={list}
        query={query}
        columns={columns}
        emptyText={params.q || buildingId || floor ? t('table.noMatch') : t('units.empty')}
      />
      <UnitForm
        open={editing !== null}
        unit={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(unit) => {
          message.success(t('units.saved', { unit: `${unit.buildingName} ${unit.number}` }));
          void refresh('units', 'buildings');
        }}
      />
      <UnitDetailDrawer unitId={openUnitId} onClose={() => showUnit(null)} />
      <ImportDialog
        target="units"
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => void refresh('units', 'buildings', 'history')}
      />
    </>
  );
}
