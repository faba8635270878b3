import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../app/api';
import { useCan, useEstate } from '../app/session';
import { DATE_FORMAT, useEstateTime } from '../app/time';
import { useErrorText } from '../components/errors';
import { FormModal } from '../components/FormModal';
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
  const errorText = useErrorText();
  const refresh = useRefresh();
  const { params, onTableChange, pagination } = useListParams('name', NO_FILTERS);
  const { data, isFetching, error } = useBuildings({ page: params.page, pageSize: params.pageSize });
  const mayWrite = useCan()('unit.write');
  const [editing, setEditing] = useState<Building | 'new' | null>(null);
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
    ...(mayWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 96,
            render: (_: unknown, b: Building) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(b)}>
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
        title={t('buildings.title')}
        extra={
          mayWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="buildings-create">
              {t('buildings.create')}
            </Button>
          )
        }
      />
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Table<Building>
        data-testid="buildings-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={pagination(data?.total)}
        onChange={onTableChange}
        locale={{ emptyText: t('buildings.empty') }}
      />
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
