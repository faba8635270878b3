import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Popconfirm, Select, Space, Switch, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../app/session';
import { useErrorText } from '../components/errors';
import { FormModal } from '../components/FormModal';
import { FilterSelect, type List } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { SearchBox } from '../components/SearchBox';
import { useListParams } from '../components/useListParams';
import { useCases, useDeleteView, useSavedViews, useSaveView } from '../features/cases/api';
import { CaseTable } from '../features/cases/CaseTable';
import { CASE_SORTS, CASE_STATUSES, CHANNELS, INTAKE_KINDS, type SavedView } from '../features/cases/types';
import { useAllDepartments, useStaffList } from '../features/directory/api';

const FILTERS = ['status', 'kind', 'channel', 'assigneeId', 'departmentId', 'unitId', 'overdue', 'escalated'] as const;
const DEFAULT_SORT = '-recordedAt';
/** The address-bar parameters a saved view keeps: the filters, the search and the sort, not the page. */
const VIEW_KEYS = [...FILTERS, 'q', 'sort'];

function viewQueryOf(search: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of VIEW_KEYS) {
    const value = search.get(key);
    if (value) query[key] = value;
  }
  return query;
}

function sameQuery(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

/** The case list: filters, full-text search, sort and paging in the address bar; named views of them. */
export default function CasesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const list = useListParams(DEFAULT_SORT, FILTERS);
  const { params, update, sortOrderOf, onTableChange, pagination } = list;
  const f = params.filters;
  const { data, isFetching, error } = useCases({
    page: params.page,
    pageSize: params.pageSize,
    q: params.q,
    sort: params.sort,
    ...f,
  });
  const departments = useAllDepartments();
  const staff = useStaffList({ page: 1, pageSize: 200 });
  const onSearch = useCallback((q: string) => update({ q }), [update]);
  const filtered = Boolean(params.q) || FILTERS.some((k) => f[k]);
  const mayRecord = useCan()('case.create');

  return (
    <>
      <PageHeader
        title={t('cases.list.title')}
        extra={
          mayRecord && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/cases/new')} data-testid="cases-create">
              {t('cases.intake.title')}
            </Button>
          )
        }
      />
      <SavedViews />
      <div className="ed-toolbar" data-testid="case-filters">
        <SearchBox value={params.q} placeholder={t('cases.list.searchPlaceholder')} onSearch={onSearch} />
        <FilterSelect
          list={list}
          name="status"
          minWidth={130}
          label={t('cases.fields.status')}
          placeholder={t('cases.list.anyStatus')}
          options={[
            { value: 'open', label: t('cases.list.openStatus') },
            ...CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) })),
          ]}
          data-testid="filter-status"
        />
        <FilterSelect
          list={list}
          name="kind"
          minWidth={110}
          label={t('cases.fields.kind')}
          placeholder={t('cases.list.anyKind')}
          options={INTAKE_KINDS.map((k) => ({ value: k, label: t(`caseKinds.${k}`) }))}
          data-testid="filter-kind"
        />
        <FilterSelect
          list={list}
          name="channel"
          minWidth={130}
          label={t('cases.fields.channel')}
          placeholder={t('cases.list.anyChannel')}
          options={CHANNELS.map((c) => ({ value: c, label: t(`cases.channels.${c}`) }))}
          data-testid="filter-channel"
        />
        <FilterSelect
          list={list}
          name="departmentId"
          minWidth={140}
          label={t('cases.fields.department')}
          placeholder={t('cases.list.anyDepartment')}
          options={departments.data?.items.map((d) => ({ value: d.id, label: d.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="filter-department"
        />
        <FilterSelect
          list={list}
          name="assigneeId"
          minWidth={140}
          label={t('cases.fields.assignee')}
          placeholder={t('cases.list.anyAssignee')}
          options={staff.data?.items.map((s) => ({ value: s.id, label: s.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="filter-assignee"
        />
        <FilterSwitch list={list} name="overdue" label={t('cases.list.overdueOnly')} />
        <FilterSwitch list={list} name="escalated" label={t('cases.list.escalatedOnly')} />
        <div className="ed-toolbar-spacer" />
        <Select
          style={{ minWidth: 170 }}
          aria-label={t('cases.list.sort')}
          value={params.sort}
          onChange={(sort: string) => update({ sort })}
          options={CASE_SORTS.map((s) => ({ value: s, label: t(`cases.sorts.${s}`) }))}
          data-testid="case-sort"
        />
      </div>
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <CaseTable
        testId="cases-table"
        dataSource={data?.items}
        loading={isFetching}
        pagination={pagination(data?.total)}
        onChange={onTableChange}
        sortOrderOf={sortOrderOf}
        locale={{ emptyText: filtered ? t('table.noMatch') : t('cases.list.empty') }}
      />
    </>
  );
}

/** A yes-only filter: on puts `<name>=true` in the address bar, off takes it out. */
function FilterSwitch({ list, name, label }: { list: List<'overdue' | 'escalated'>; name: 'overdue' | 'escalated'; label: string }) {
  return (
    <Space size={4}>
      <Switch
        size="small"
        checked={list.params.filters[name] === 'true'}
        onChange={(on) => list.update({ filters: { [name]: on ? 'true' : undefined } })}
        aria-label={label}
        data-testid={`filter-${name}`}
      />
      <Typography.Text>{label}</Typography.Text>
    </Space>
  );
}

/** Named sets of filters: pick one to apply it, save the current filters under a name, delete one. */
function SavedViews() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [search, setSearch] = useSearchParams();
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [saving, setSaving] = useState(false);
  const current = useMemo(() => viewQueryOf(search), [search]);
  const items = views.data?.items ?? [];
  const active: SavedView | undefined = items.find((v) => sameQuery(v.query, current));

  const apply = (viewId: string | undefined) => {
    const view = items.find((v) => v.id === viewId);
    setSearch(new URLSearchParams(view?.query ?? {}), { replace: true });
  };

  return (
    <div className="ed-toolbar" data-testid="saved-views">
      <Typography.Text>{t('cases.views.label')}</Typography.Text>
      <Select
        allowClear
        style={{ minWidth: 220 }}
        placeholder={t('cases.views.placeholder')}
        aria-label={t('cases.views.label')}
        value={active?.id}
        onChange={(id?: string) => apply(id)}
        options={items.map((v) => ({ value: v.id, label: v.name }))}
        loading={views.isFetching}
        notFoundContent={t('cases.views.none')}
        data-testid="view-select"
      />
      <Button
        icon={<SaveOutlined />}
        onClick={() => setSaving(true)}
        disabled={Object.keys(current).length === 0 || Boolean(active)}
        data-testid="view-save"
      >
        {t('cases.views.save')}
      </Button>
      <Popconfirm
        title={t('cases.views.deleteConfirm', { name: active?.name ?? '' })}
        okText={t('cases.views.delete')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        disabled={!active}
        onConfirm={async () => {
          if (!active) return;
          try {
            await remove.mutateAsync(active.id);
            message.success(t('cases.views.deleted', { name: active.name }));
          } catch (error) {
            message.error(errorText(error));
          }
        }}
      >
        <Button icon={<DeleteOutlined />} disabled={!active} data-testid="view-delete">
          {t('cases.views.delete')}
        </Button>
      </Popconfirm>
      <FormModal<{ name: string }>
        open={saving}
        onClose={() => setSaving(false)}
        title={t('cases.views.saveTitle')}
        testId="view-form"
        labels={{ name: t('cases.views.name') }}
        onSubmit={async (v) => {
          const view = await save.mutateAsync({ name: v.name.trim(), query: current });
          message.success(t('cases.views.saved', { name: view.name }));
        }}
      >
        <Form.Item
          name="name"
          label={t('cases.views.name')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('cases.views.name') }) }]}
        >
          <Input maxLength={60} autoFocus data-testid="view-name" />
        </Form.Item>
      </FormModal>
    </div>
  );
}
