import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Select, type SelectProps, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from './errors';
import { ResponsiveTable } from './ResponsiveTable';
import type { useListParams } from './useListParams';

/** What a list page's parts need of useListParams. */
export type List<F extends string> = Pick<ReturnType<typeof useListParams<F>>, 'params' | 'update' | 'onTableChange' | 'pagination'>;

/** A page of rows as the list endpoints answer it, with the state of the query that asked. */
export interface ListQuery<T> {
  data?: { items: T[]; total: number };
  isFetching: boolean;
  error: unknown;
}

export function ErrorAlert({ error }: { error: unknown }) {
  const errorText = useErrorText();
  return error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null;
}

type ListTableProps<T, F extends string> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'locale'> & {
  testId: string;
  list: List<F>;
  query: ListQuery<T>;
  emptyText: ReactNode;
  /** Another failed query the table depends on, shown under the list's own error. */
  otherError?: unknown;
};

/**
 * A server-side paged table whose paging and sort live in the address bar (useListParams),
 * with the list query's error above it.
 */
export function ListTable<T extends object, F extends string>({
  testId,
  list,
  query,
  emptyText,
  otherError,
  ...table
}: ListTableProps<T, F>) {
  return (
    <>
      <ErrorAlert error={query.error} />
      <ErrorAlert error={otherError} />
      <ResponsiveTable<T>
        data-testid={testId}
        rowKey="id"
        size="middle"
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total)}
        onChange={list.onTableChange}
        locale={{ emptyText }}
        {...table}
      />
    </>
  );
}

type FilterSelectProps<F extends string> = Omit<SelectProps, 'onChange' | 'style'> & {
  list: List<F>;
  /** The filter's name in the address bar. */
  name: F;
  label: string;
  minWidth: number;
};

/** A clearable select that sets one filter of a list; `value` stands in for a filter the page checks first. */
export function FilterSelect<F extends string>({ list, name, label, minWidth, ...select }: FilterSelectProps<F>) {
  return (
    <Select
      allowClear
      style={{ minWidth }}
      aria-label={label}
      value={list.params.filters[name]}
      onChange={(value?: string) => list.update({ filters: { [name]: value } as Partial<Record<F, string>> })}
      {...select}
    />
  );
}

/** A `year` filter of the address bar as a number, when it is one. */
export const yearOf = (year: string | undefined) => (year && /^\d{4}$/.test(year) ? Number(year) : undefined);

/** The calendar-year filter of a list, in its `year` parameter. */
export function YearFilter({ list, label, testId }: { list: List<'year'>; label: string; testId?: string }) {
  return (
    <InputNumber
      min={2000}
      max={2100}
      precision={0}
      placeholder={label}
      aria-label={label}
      value={yearOf(list.params.filters.year) ?? null}
      onChange={(value) => list.update({ filters: { year: value ? String(value) : undefined } })}
      style={{ width: 120 }}
      data-testid={testId}
    />
  );
}

/** The primary button of a page header that opens an empty create form. */
export function CreateButton({ testId, onClick, children }: { testId: string; onClick: () => void; children: ReactNode }) {
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
      {children}
    </Button>
  );
}

/** The actions column of a list whose rows open in an edit form. */
export function useEditColumn<T>(onEdit: (row: T) => void, options: { ariaLabel?: boolean } = {}): ColumnType<T> {
  const { t } = useTranslation();
  return {
    title: t('common.actions'),
    key: 'actions',
    width: 96,
    render: (_: unknown, row: T) => (
      <Button
        size="small"
        icon={<EditOutlined />}
        onClick={() => onEdit(row)}
        aria-label={options.ariaLabel ? t('common.edit') : undefined}
      >
        {t('common.edit')}
      </Button>
    ),
  };
}
