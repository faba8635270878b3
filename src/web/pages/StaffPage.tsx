import { EditOutlined } from '@ant-design/icons';
import { App, Button, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useCanInCompany, useEstate, useIsCompanyAdmin } from '../app/session';
import { CreateButton, FilterSelect, ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { SearchBox } from '../components/SearchBox';
import { useListParams } from '../components/useListParams';
import { useAllDepartments, useRefresh, useStaffList } from '../features/directory/api';
import { ESTATE_ROLES, PRESENCE_COLORS, ROLE_COLORS, type Staff } from '../features/directory/types';
import { ResetPasswordButton } from '../features/staff/ResetPasswordButton';
import { membershipIn, StaffForm } from '../features/staff/StaffForm';

const FILTERS = ['role', 'departmentId'] as const;

export default function StaffPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const estate = useEstate();
  const can = useCan();
  const canInCompany = useCanInCompany();
  const isAdmin = useIsCompanyAdmin();
  const mayWrite = can('staff.write');
  // An admin's record is only an admin's to change.
  const mayEdit = (s: Staff) => mayWrite && (s.role !== 'admin' || isAdmin);
  const refresh = useRefresh();
  const list = useListParams('name', FILTERS);
  const { params, update, sortOrderOf } = list;
  const { role, departmentId } = params.filters;
  const query = useStaffList({
    page: params.page,
    pageSize: params.pageSize,
    q: params.q,
    sort: params.sort,
    role,
    departmentId,
  });
  const departments = useAllDepartments();
  const departmentNames = useMemo(() => new Map((departments.data?.items ?? []).map((d) => [d.id, d.name])), [departments.data]);
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const onSearch = useCallback((q: string) => update({ q }), [update]);

  const columns: TableColumnsType<Staff> = [
    {
      title: t('staff.name'),
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (_, s) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong delete={s.disabled}>
            {s.name}
          </Typography.Text>
          <Typography.Text type="secondary">{s.username}</Typography.Text>
        </Space>
      ),
    },
    {
      // The role in this estate (roles are held per estate); a company admin is marked as such.
      title: t('staff.role'),
      key: 'role',
      sorter: true,
      sortOrder: sortOrderOf('role'),
      render: (_, s) => {
        const role = membershipIn(s, estate.id)?.role;
        return (
          <Space size={4} wrap data-testid="staff-role" data-role={role ?? ''}>
            {role && <Tag color={ROLE_COLORS[role]}>{t(`roles.${role}`)}</Tag>}
            {s.role === 'admin' && <Tag color={ROLE_COLORS.admin}>{t('roles.admin')}</Tag>}
          </Space>
        );
      },
    },
    {
      title: t('staff.department'),
      key: 'department',
      render: (_, s) => {
        const id = membershipIn(s, estate.id)?.departmentId;
        return id ? (departmentNames.get(id) ?? '—') : '—';
      },
    },
    {
      title: t('staff.counterSeat'),
      key: 'counterSeat',
      render: (_, s) => {
        const seat = membershipIn(s, estate.id)?.counterSeat;
        return seat ? t(`seats.${seat}`) : '—';
      },
    },
    {
      title: t('staff.presence'),
      key: 'presence',
      render: (_, s) =>
        s.disabled ? (
          <Tag>{t('staff.disabled')}</Tag>
        ) : (
          <Tag color={PRESENCE_COLORS[s.presence.state]}>{t(`presence.states.${s.presence.state}`)}</Tag>
        ),
    },
    { title: t('staff.phone'), dataIndex: 'phone', key: 'phone', render: (p: string | null) => p ?? '—' },
    ...(mayWrite || canInCompany('staff.password.reset')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, s: Staff) => (
              <Space>
                {mayEdit(s) && (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(s)} data-testid="staff-edit">
                    {t('common.edit')}
                  </Button>
                )}
                {canInCompany('staff.password.reset') && <ResetPasswordButton staff={s} />}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        extra={
          mayWrite && (
            <CreateButton testId="staff-create" onClick={() => setEditing('new')}>
              {t('staff.create')}
            </CreateButton>
          )
        }
      />
      <div className="ed-toolbar">
        <SearchBox value={params.q} placeholder={t('staff.searchPlaceholder')} onSearch={onSearch} />
        <FilterSelect
          list={list}
          name="role"
          minWidth={150}
          label={t('staff.role')}
          placeholder={t('staff.allRoles')}
          options={ESTATE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          data-testid="filter-role"
        />
        <FilterSelect
          list={list}
          name="departmentId"
          minWidth={170}
          label={t('staff.department')}
          placeholder={t('staff.allDepartments')}
          options={departments.data?.items.map((d) => ({ value: d.id, label: d.name }))}
          data-testid="filter-department"
        />
      </div>
      <ListTable
        testId="staff-table"
        list={list}
        query={query}
        columns={columns}
        emptyText={params.q || role || departmentId ? t('table.noMatch') : t('staff.empty')}
      />
      <StaffForm
        open={editing !== null}
        staff={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(s) => {
          message.success(t('staff.saved', { name: s.name }));
          void refresh('staff', 'presence', 'departments');
        }}
      />
    </>
  );
}
