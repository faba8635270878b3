import type { TablePaginationConfig } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

export const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;

export interface ListParams<F extends string> {
  page: number;
  pageSize: number;
  q: string;
  sort: string;
  filters: Record<F, string | undefined>;
}

export interface ListChange<F extends string> {
  page?: number;
  pageSize?: number;
  q?: string;
  sort?: string;
  filters?: Partial<Record<F, string | undefined>>;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * The paging, search, sort and filters of a server-side table, kept in the address bar so
 * Back, reload and a shared link show the same list.
 */
export function useListParams<F extends string>(defaultSort: string, filterNames: readonly F[]) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();

  const params = useMemo<ListParams<F>>(() => {
    const filters = {} as Record<F, string | undefined>;
    for (const name of filterNames) filters[name] = search.get(name) ?? undefined;
    return {
      page: positiveInt(search.get('page'), 1),
      pageSize: positiveInt(search.get('pageSize'), DEFAULT_PAGE_SIZE),
      q: search.get('q') ?? '',
      sort: search.get('sort') ?? defaultSort,
      filters,
    };
  }, [search, defaultSort, filterNames]);

  const update = useCallback(
    (change: ListChange<F>) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          const set = (key: string, value: string | number | undefined, fallback?: string | number) => {
            if (value === undefined || value === '' || value === fallback) next.delete(key);
            else next.set(key, String(value));
          };
          // A new search, filter or sort starts again at the first page.
          const resetsPage = change.q !== undefined || change.filters !== undefined || change.sort !== undefined;
          if (change.q !== undefined) set('q', change.q.trim());
          if (change.sort !== undefined) set('sort', change.sort, defaultSort);
          if (change.pageSize !== undefined) set('pageSize', change.pageSize, DEFAULT_PAGE_SIZE);
          for (const [key, value] of Object.entries(change.filters ?? {})) {
            set(key, typeof value === 'string' ? value : undefined);
          }
          if (change.page !== undefined) set('page', change.page, 1);
          else if (resetsPage || change.pageSize !== undefined) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch, defaultSort],
  );

  /** antd's sortOrder for a column whose sort key is `key` (`-key` sorts descending). */
  const sortOrderOf = useCallback(
    (key: string): SortOrder => {
      if (params.sort === key) return 'ascend';
      if (params.sort === `-${key}`) return 'descend';
      return null;
    },
    [params.sort],
  );

  /** The sort for a column clicked in antd's Table (`undefined` order falls back to the default). */
  const sortFrom = useCallback(
    (key: string | undefined, order: SortOrder | undefined): string => {
      if (!key || !order) return defaultSort;
      return order === 'descend' ? `-${key}` : key;
    },
    [defaultSort],
  );

  /** Table onChange: a new sort starts at page 1, paging keeps the sort. */
  const onTableChange = useCallback(
    <R>(pagination: TablePaginationConfig, _filters: unknown, sorter: SorterResult<R> | SorterResult<R>[]) => {
      const first = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = first?.columnKey === undefined ? undefined : String(first.columnKey);
      const sort = sortFrom(key, first?.order);
      if (sort !== params.sort) update({ sort, pageSize: pagination.pageSize });
      else update({ page: pagination.current, pageSize: pagination.pageSize });
    },
    [params.sort, sortFrom, update],
  );

  const pagination = useCallback(
    (total: number | undefined): TablePaginationConfig => ({
      current: params.page,
      pageSize: params.pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: PAGE_SIZES,
      showTotal: (count) => t('table.total', { count }),
    }),
    [params.page, params.pageSize, t],
  );

  return { params, update, sortOrderOf, onTableChange, pagination };
}
