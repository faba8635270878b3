import { App, Button, Form, Input, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../app/api';
import { useCan, useEstate } from '../app/session';
import { FormModal } from '../components/FormModal';
import { CreateButton, ListTable, useEditColumn } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { useListParams } from '../components/useListParams';
import { useDepartments, useRefresh } from '../features/directory/api';
import {
  CASE_KINDS,
  type CaseKindValue,
  type CreateDepartmentInput,
  DEPARTMENT_CODES,
  type Department,
  type DepartmentCode,
  REPAIR_CLASSES,
  type RepairClassValue,
} from '../features/directory/types';

const NO_FILTERS = [] as const;

interface DepartmentValues {
  code: DepartmentCode;
  name: string;
  caseKinds: CaseKindValue[];
  repairClasses: RepairClassValue[];
}

export default function DepartmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const estate = useEstate();
  const refresh = useRefresh();
  const list = useListParams('name', NO_FILTERS);
  const query = useDepartments({ page: list.params.page, pageSize: list.params.pageSize });
  const mayWrite = useCan()('department.write');
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const editColumn = useEditColumn<Department>(setEditing);
  const current = editing === 'new' ? null : editing;
  const labels = {
    code: t('departments.code'),
    name: t('departments.name'),
    caseKinds: t('departments.caseKinds'),
    repairClasses: t('departments.repairClasses'),
  };

  const columns: TableColumnsType<Department> = [
    { title: t('departments.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('departments.code'),
      dataIndex: 'code',
      key: 'code',
      render: (code: DepartmentCode) => t(`departments.codes.${code}`),
    },
    {
      title: t('departments.caseKinds'),
      key: 'caseKinds',
      render: (_, d) => (
        <Space size={[4, 4]} wrap>
          {d.caseKinds.map((k) => (
            <Tag key={k}>{t(`caseKinds.${k}`)}</Tag>
          ))}
          {d.repairClasses.map((c) => (
            <Tag key={c} color="orange">
              {t(`repairClasses.${c}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('departments.staffCount'),
      key: 'staffCount',
      render: (_, d) => (
        <Button type="link" size="small" onClick={() => navigate(`/staff?departmentId=${d.id}`)}>
          {t('departments.staffLink', { count: d.staffCount })}
        </Button>
      ),
    },
    ...(mayWrite ? [editColumn] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        extra={
          mayWrite && (
            <CreateButton testId="departments-create" onClick={() => setEditing('new')}>
              {t('departments.create')}
            </CreateButton>
          )
        }
      />
      <ListTable testId="departments-table" list={list} query={query} columns={columns} emptyText={t('departments.empty')} />
      <FormModal<DepartmentValues>
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={current ? t('departments.editTitle', { name: current.name }) : t('departments.createTitle')}
        testId="department-form"
        labels={labels}
        initialValues={
          current
            ? { code: current.code, name: current.name, caseKinds: current.caseKinds, repairClasses: current.repairClasses }
            : { code: 'other', caseKinds: [], repairClasses: [] }
        }
        onSubmit={async (values) => {
          const common = { name: values.name.trim(), caseKinds: values.caseKinds, repairClasses: values.repairClasses };
          const saved = current
            ? await api.patch<Department>(`/departments/${current.id}`, common)
            : await api.post<Department>(`/estates/${estate.id}/departments`, {
                ...common,
                code: values.code,
              } satisfies CreateDepartmentInput);
          message.success(t('departments.saved', { name: saved.name }));
          await refresh('departments', 'staff');
        }}
      >
        <Form.Item name="code" label={labels.code} extra={current ? t('departments.codeFixed') : undefined}>
          <Select disabled={current !== null} options={DEPARTMENT_CODES.map((c) => ({ value: c, label: t(`departments.codes.${c}`) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={labels.name}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.name }) }]}
        >
          <Input maxLength={60} autoFocus />
        </Form.Item>
        <Form.Item name="caseKinds" label={labels.caseKinds} extra={t('departments.caseKindsHelp')}>
          <Select mode="multiple" options={CASE_KINDS.map((k) => ({ value: k, label: t(`caseKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="repairClasses" label={labels.repairClasses} extra={t('departments.repairClassesHelp')}>
          <Select mode="multiple" options={REPAIR_CLASSES.map((c) => ({ value: c, label: t(`repairClasses.${c}`) }))} />
        </Form.Item>
      </FormModal>
    </>
  );
}
