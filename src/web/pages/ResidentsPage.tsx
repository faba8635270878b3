import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/session';
import { DATE_FORMAT, useEstateTime } from '../app/time';
import { ExportButtons } from '../components/ExportButtons';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { SearchBox } from '../components/SearchBox';
import { useListParams } from '../components/useListParams';
import { useAllBuildings, useRefresh, useResidents, useUnitDetail } from '../features/directory/api';
import { RESIDENT_KINDS, type Resident, type ResidentKind } from '../features/directory/types';
import { ImportDialog } from '../features/import/ImportDialog';
import { ResidentForm } from '../features/residents/ResidentForm';

const FILTERS = ['kind', 'buildingId', 'unitId'] as const;

export default function ResidentsPage() {
  const { t } = useTranslation();
  const time = useEstateTime();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const refresh = useRefresh();
  const { params, update, sortOrderOf, onTableChange, pagination } = useListParams('name', FILTERS);
  const { kind, buildingId, unitId } = params.filters;
  const { data, isFetching, error } = useResidents({
    page: params.page,
    pageSize: params.pageSize,
    q: params.q,
    sort: params.sort,
    kind,
    buildingId,
    unitId,
  });
  const buildings = useAllBuildings();
  const filterUnit = useUnitDetail(unitId ?? null);
  const can = useCan();
  const mayWrite = can('resident.write');
  const [editing, setEditing] = useState<Resident | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const onSearch = useCallback((q: string) => update({ q }), [update]);

  const columns: TableColumnsType<Resident> = [
    { title: t('residents.name'), dataIndex: 'name', key: 'name', sorter: true, sortOrder: sortOrderOf('name') },
    {
      title: t('residents.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: ResidentKind) => <Tag color={k === 'owner' ? 'blue' : 'green'}>{t(`residents.kinds.${k}`)}</Tag>,
    },
    {
      title: t('residents.units'),
      key: 'units',
      render: (_, r) => (
        <Space size={[4, 4]} wrap>
          {r.units.map((u) => (
            <Tag key={u.id}>{`${u.buildingName} ${u.number}`}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('residents.phone'),
      key: 'phone',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          {r.phone && <Typography.Text copyable>{r.phone}</Typography.Text>}
          {r.phoneAlt && <Typography.Text type="secondary">{r.phoneAlt}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('residents.email'), dataIndex: 'email', key: 'email', render: (e: string | null) => e ?? '—' },
    {
      title: t('residents.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      render: (at: string) => time.format(at, DATE_FORMAT),
    },
    ...(mayWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 96,
            render: (_: unknown, r: Resident) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const filtering = Boolean(params.q || kind || buildingId || unitId);

  return (
    <>
      <PageHeader
        title={t('residents.title')}
        extra={
          <>
            {can('resident.import') && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="residents-import">
                {t('import.button')}
              </Button>
            )}
            <ExportButtons target="residents" />
            {mayWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="residents-create">
                {t('residents.create')}
              </Button>
            )}
          </>
        }
      />
      <div className="ed-toolbar">
        <SearchBox value={params.q} placeholder={t('residents.searchPlaceholder')} onSearch={onSearch} />
        <Select
          allowClear
          style={{ minWidth: 130 }}
          placeholder={t('residents.allKinds')}
          aria-label={t('residents.kind')}
          value={kind}
          onChange={(value?: string) => update({ filters: { kind: value } })}
          options={RESIDENT_KINDS.map((k) => ({ value: k, label: t(`residents.kinds.${k}`) }))}
          data-testid="filter-kind"
        />
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
        {unitId && (
          <Tag closable onClose={() => update({ filters: { unitId: undefined } })} data-testid="filter-unit">
            {t('residents.unitFilter', {
              unit: filterUnit.data ? `${filterUnit.data.buildingName} ${filterUnit.data.number}` : '…',
            })}
          </Tag>
        )}
      </div>
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Table<Resident>
        data-testid="residents-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={pagination(data?.total)}
        onChange={onTableChange}
        locale={{ emptyText: filtering ? t('table.noMatch') : t('residents.empty') }}
      />
      <ResidentForm
        open={editing !== null}
        resident={editing === 'new' ? null : editing}
        defaultUnit={filterUnit.data}
        onClose={() => setEditing(null)}
        onSaved={(r) => {
          message.success(t('residents.saved', { name: r.name }));
          void refresh('residents', 'units');
        }}
      />
      <ImportDialog
        target="residents"
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => void refresh('residents', 'units', 'history')}
      />
    </>
  );
}
