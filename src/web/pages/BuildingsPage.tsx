import { App, Button, Form, Input, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../app/api';
import { useCan, useEstate } from '../app/session';
import { DATE_FORMAT, useEstateTime } from '../app/time';
import { FormModal } from '../components/FormModal';
import { CreateButton, ListTable, useEditColumn } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { useListParams } from '../components/useListParams';
import { useBuildings, useRefresh } from '../features/directory/api';
import type { Building, CreateBuildingInput } from '../features/directory/types';

const NO_FILTERS = [] as const;

export default function BuildingsPage() {
  const { t } = useTranslation();
  const time = useEstateTime();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const estate = useEstate();
  const refresh = useRefresh();
  const list = useListParams('name', NO_FILTERS);
  const query = useBuildings({ page: list.params.page, pageSize: list.params.pageSize });
  const mayWrite = useCan()('unit.write');
  const [editing, setEditing] = useState<Building | 'new' | null>(null);
  const editColumn = useEditColumn<Building>(setEditing);
  const current = editing === 'new' ? null : editing;
  const labels = { name: t('buildings.name') };

  const columns: TableColumnsType<Building> = [
    { title: t('buildings.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('buildings.unitCount'),
      key: 'unitCount',
      render: (_, b) => (
        <Button type="link" size="small" onClick={() => navigate(`/units?buildingId=${b.id}`)}>
          {t('buildings.unitsLink', { count: b.unitCount })}
        </Button>
      ),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (at: string) => time.format(at, DATE_FORMAT),
    },
    ...(mayWrite ? [editColumn] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('buildings.title')}
        extra={
          mayWrite && (
            <CreateButton testId="buildings-create" onClick={() => setEditing('new')}>
              {t('buildings.create')}
            </CreateButton>
          )
        }
      />
      <ListTable testId="buildings-table" list={list} query={query} columns={columns} emptyText={t('buildings.empty')} />
      <FormModal<CreateBuildingInput>
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={current ? t('buildings.editTitle', { name: current.name }) : t('buildings.createTitle')}
        testId="building-form"
        labels={labels}
        initialValues={current ? { name: current.name } : {}}
        onSubmit={async (values) => {
          const body: CreateBuildingInput = { name: values.name.trim() };
          const saved = current
            ? await api.patch<Building>(`/buildings/${current.id}`, body)
            : await api.post<Building>(`/estates/${estate.id}/buildings`, body);
          message.success(t('buildings.saved', { name: saved.name }));
          await refresh('buildings', 'units');
        }}
      >
        <Form.Item
          name="name"
          label={labels.name}
          extra={t('buildings.nameHelp')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.name }) }]}
        >
          <Input maxLength={60} autoFocus data-testid="building-form-name" />
        </Form.Item>
      </FormModal>
    </>
  );
}
