import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, InputNumber, Select, Table, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../app/session';
import { ExportButtons } from '../components/ExportButtons';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { SearchBox } from '../components/SearchBox';
import { useListParams } from '../components/useListParams';
import { useAllBuildings, useRefresh, useUnits } from '../features/directory/api';
import type { Unit } from '../features/directory/types';
import { ImportDialog } from '../features/import/ImportDialog';
import { UnitDetailDrawer } from '../features/units/UnitDetailDrawer';
import { UnitForm } from '../features/units/UnitForm';

const FILTERS = ['buildingId', 'floor'] as const;

export default function UnitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = useRefresh();
  const { params, update, sortOrderOf, onTableChange, pagination } = useListParams('number', FILTERS);
  const { buildingId, floor } = params.filters;
  const { data, isFetching, error } = useUnits({
    page: params.page,
    pageSize: params.pageSize,
    q: params.q,
    sort: params.sort,
    buildingId,
    floor,
  });
  const buildings = useAllBuildings();
  const can = useCan();
  const mayWrite = can('unit.write');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
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
    ...(mayWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 96,
            render: (_: unknown, unit: Unit) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(unit)} aria-label={t('common.edit')}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
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
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="units-create">
                {t('units.create')}
              </Button>
            )}
          </>
        }
      />
      <div className="ed-toolbar">
        <SearchBox value={params.q} placeholder={t('units.searchPlaceholder')} onSearch={onSearch} />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('units.allBuildings')}
          aria-label={t('units.building')}
          value={buildingId}
          onChange={(value?: string) => update({ filters: { buildingId: value } })}
          options={buildings.data?.items.map((b) => ({ value: b.id, label: b.name }))}
          data-testid="filter-building"
        />
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
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Table<Unit>
        data-testid="units-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={pagination(data?.total)}
        onChange={onTableChange}
        locale={{ emptyText: params.q || buildingId || floor ? t('table.noMatch') : t('units.empty') }}
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
