import { Card, Empty, Grid, Pagination, Spin, Table, type TableColumnsType, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { Fragment, type HTMLAttributes, isValidElement, type Key, type ReactNode } from 'react';

/** A phone or a small tablet held upright: too narrow for a table's columns side by side. */
export function useNarrowScreen(): boolean {
  return Grid.useBreakpoint().md === false;
}

type ResponsiveTableProps<T> = TableProps<T> & { 'data-testid'?: string };

/**
 * antd's Table on a wide screen; on a narrow one each row is a card of "column: value" lines
 * with its actions (the column keyed `actions`) at the bottom, in full view, and the pager
 * under the cards. Same props as Table, so a list needs nothing of its own to work on a phone.
 */
export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const narrow = useNarrowScreen();
  return narrow ? <RowCards {...props} /> : <Table<T> {...props} />;
}

/** The leaf columns, left to right, without the hidden ones. */
function leafColumns<T>(columns: TableColumnsType<T>): ColumnType<T>[] {
  return columns.flatMap((c) => ('children' in c && c.children ? leafColumns(c.children) : c.hidden ? [] : [c as ColumnType<T>]));
}

function valueAt(row: object, dataIndex: ColumnType<object>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let value: unknown = row;
  for (const part of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[String(part)] : undefined;
  return value;
}

function cellOf<T extends object>(column: ColumnType<T>, row: T, index: number): ReactNode {
  const value = valueAt(row, column.dataIndex as ColumnType<object>['dataIndex']);
  const shown: unknown = column.render ? column.render(value, row, index) : value;
  // A render may answer antd's { children, props } cell object.
  if (shown && typeof shown === 'object' && !isValidElement(shown) && 'children' in shown)
    return (shown as { children: ReactNode }).children;
  return shown as ReactNode;
}

function RowCards<T extends object>({
  columns = [],
  dataSource = [],
  rowKey = 'key',
  loading,
  pagination,
  onChange,
  locale,
  onRow,
  rowClassName,
  'data-testid': testId,
}: ResponsiveTableProps<T>) {
  const leaves = leafColumns(columns);
  const fields = leaves.filter((c) => c.key !== 'actions');
  const actions = leaves.filter((c) => c.key === 'actions');
  const keyOf = (row: T, index: number): Key =>
    typeof rowKey === 'function' ? rowKey(row, index) : String((row as Record<string, unknown>)[rowKey as string] ?? index);
  const spinning = typeof loading === 'object' ? Boolean(loading.spinning) : Boolean(loading);
  return (
    <div data-testid={testId} className="ed-row-cards">
      <Spin spinning={spinning}>
        {dataSource.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={locale?.emptyText as ReactNode} />
        ) : (
          dataSource.map((row, index) => {
            const extra = typeof rowClassName === 'function' ? rowClassName(row, index, 0) : (rowClassName ?? '');
            return (
              <Card
                key={keyOf(row, index)}
                size="small"
                className={`ed-row-card ${extra}`}
                {...((onRow?.(row, index) ?? {}) as HTMLAttributes<HTMLDivElement>)}
              >
                <dl className="ed-row-card-fields">
                  {fields.map((column, i) => (
                    <Fragment key={String(column.key ?? i)}>
                      <dt>{typeof column.title === 'function' ? null : column.title}</dt>
                      <dd>{cellOf(column, row, index)}</dd>
                    </Fragment>
                  ))}
                </dl>
                {actions.map((column, i) => (
                  <div key={String(column.key ?? i)} className="ed-row-card-actions">
                    {cellOf(column, row, index)}
                  </div>
                ))}
              </Card>
            );
          })
        )}
      </Spin>
      {pagination && (
        <Pagination
          size="small"
          align="center"
          {...pagination}
          onChange={(page, pageSize) => {
            pagination.onChange?.(page, pageSize);
            // The sort the columns show stays as it is: paging keeps the order.
            const sorted = leaves.find((c) => c.sortOrder);
            const sorter = sorted ? { column: sorted, columnKey: sorted.key, order: sorted.sortOrder } : {};
            onChange?.({ ...pagination, current: page, pageSize }, {}, sorter, { action: 'paginate', currentDataSource: [...dataSource] });
          }}
        />
      )}
    </div>
  );
}
