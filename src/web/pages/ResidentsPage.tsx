import { EditOutlined, MobileOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/session';
import { DATE_FORMAT, useEstateTime } from '../app/time';
import { ExportButtons } from '../components/ExportButtons';
import { CreateButton, FilterSelect, ListTable, useEditColumn } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { SearchBox } from '../components/SearchBox';
import { useListParams } from '../components/useListParams';
import { useRefresh, useResidents, useUnitDetail } from '../features/directory/api';
import { RESIDENT_KINDS, type Resident, type ResidentKind } from '../features/directory/types';
import { ImportDialog } from '../features/import/ImportDialog';
import { InviteToPortalDialog } from '../features/residents/InviteToPortalDialog';
import { PortalAccountTag } from '../features/residents/PortalAccountTag';
import { useAccountsByResident } from '../features/residents/portalAccounts';
import { ResidentForm } from '../features/residents/ResidentForm';
import { BuildingFilter } from '../features/units/BuildingFilter';

const FILTERS = ['kind', 'buildingId', 'unitId'] as const;

export default function ResidentsPage() {
  const { t } = useTranslation();
  const time = useEstateTime();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const list = useListParams('name', FILTERS);
  const { params, update, sortOrderOf } = list;
  const { kind, buildingId, unitId } = params.filters;
  const query = useResidents({
    page: params.page,
    pageSize: params.pageSize,
    q: params.q,
    sort: params.sort,
    kind,
    buildingId,
    unitId,
  });
  const filterUnit = useUnitDetail(unitId ?? null);
  const can = useCan();
  const mayWrite = can('resident.write');
  const [editing, setEditing] = useState<Resident | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const editColumn = useEditColumn<Resident>(setEditing);
  const mayInvite = can('resident.invite');
  const [inviting, setInviting] = useState<Resident | null>(null);
  const accounts = useAccountsByResident(can('resident.account.read'));
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
    ...(can('resident.account.read')
      ? [
          {
            title: t('portalAccounts.column'),
            key: 'portal',
            render: (_: unknown, r: Resident) => <PortalAccountTag account={accounts.data?.get(r.id) ?? null} />,
          },
        ]
      : []),
    ...(mayWrite || mayInvite
      ? [
          {
            ...editColumn,
            width: undefined,
            render: (_: unknown, r: Resident) => (
              <Space size={4} wrap>
                {mayWrite && (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
                    {t('common.edit')}
                  </Button>
                )}
                {mayInvite && (
                  <Button size="small" icon={<MobileOutlined />} onClick={() => setInviting(r)} data-testid="resident-invite">
                    {t('portalAccounts.invite.button')}
                  </Button>
                )}
              </Space>
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
              <CreateButton testId="residents-create" onClick={() => setEditing('new')}>
                {t('residents.create')}
              </CreateButton>
            )}
          </>
        }
      />
      <div className="ed-toolbar">
        <SearchBox value={params.q} placeholder={t('residents.searchPlaceholder')} onSearch={onSearch} />
        <FilterSelect
          list={list}
          name="kind"
          minWidth={130}
          label={t('residents.kind')}
          placeholder={t('residents.allKinds')}
          options={RESIDENT_KINDS.map((k) => ({ value: k, label: t(`residents.kinds.${k}`) }))}
          data-testid="filter-kind"
        />
        <BuildingFilter list={list} />
        {unitId && (
          <Tag closable onClose={() => update({ filters: { unitId: undefined } })} data-testid="filter-unit">
            {t('residents.unitFilter', {
              unit: filterUnit.data ? `${filterUnit.data.buildingName} ${filterUnit.data.number}` : '…',
            })}
          </Tag>
        )}
      </div>
      <ListTable
        testId="residents-table"
        list={list}
        query={query}
        columns={columns}
        emptyText={filtering ? t('table.noMatch') : t('residents.empty')}
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
      <InviteToPortalDialog resident={inviting} onClose={() => setInviting(null)} />
      <ImportDialog
        target="residents"
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => void refresh('residents', 'units', 'history')}
      />
    </>
  );
}
