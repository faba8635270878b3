import { Button, Drawer, Table } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEstateTime } from '../../app/time';
import { ErrorAlert } from '../../components/ListTable';
import { translateOr } from '../../i18n';
import { type FigureRecord, useFigureRecords } from './api';
import { useFigureLabel } from './format';

const OpenFigure = createContext<((figure: string) => void) | null>(null);

/** A count of the report that opens the records behind it (`figure` is the contract's `FigureKey`). */
export function FigureCount({ figure, value }: { figure: string; value: number }) {
  const open = useContext(OpenFigure);
  if (!open) return <span>{value}</span>;
  return (
    <Button type="link" size="small" className="ed-figure" onClick={() => open(figure)} data-testid={`figure-${figure}`}>
      {value}
    </Button>
  );
}

const PAGE_SIZES = ['10', '25', '50', '100'];

/**
 * The report's counts open a drawer listing the records behind them, page by page, each record
 * of a case opening that case. The records are read at the report's own `asOf`, so an open
 * month's list adds up to the count that was clicked.
 */
export function FigureRecordsProvider({ month, asOf, children }: { month: string; asOf: string | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const time = useEstateTime();
  const figureLabel = useFigureLabel();
  const [figure, setFigure] = useState<string | null>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 25 });
  const records = useFigureRecords(month, figure, asOf, paging.page, paging.pageSize);
  const open = useCallback((next: string) => {
    setPaging((p) => ({ ...p, page: 1 }));
    setFigure(next);
  }, []);
  const columns = useMemo(
    () => [
      {
        title: t('reports.drawer.type'),
        key: 'type',
        render: (_: unknown, r: FigureRecord) => translateOr(`reports.drawer.types.${r.type}`, r.type),
      },
      {
        title: t('reports.drawer.label'),
        key: 'label',
        render: (_: unknown, r: FigureRecord) =>
          r.caseId ? (
            <Link to={`/cases/${r.caseId}`} data-testid="figure-record-case">
              {r.label}
            </Link>
          ) : (
            r.label
          ),
      },
      { title: t('reports.drawer.at'), key: 'at', render: (_: unknown, r: FigureRecord) => time.format(r.at) },
      { title: t('reports.drawer.dueAt'), key: 'dueAt', render: (_: unknown, r: FigureRecord) => time.format(r.dueAt) },
      { title: t('reports.drawer.metAt'), key: 'metAt', render: (_: unknown, r: FigureRecord) => time.format(r.metAt) },
      { title: t('reports.drawer.detail'), key: 'detail', render: (_: unknown, r: FigureRecord) => r.detail ?? '' },
    ],
    [t, time],
  );
  const total = records.data?.total ?? 0;

  return (
    <OpenFigure.Provider value={open}>
      {children}
      <Drawer
        open={figure !== null}
        onClose={() => setFigure(null)}
        size={760}
        title={figure ? t('reports.drawer.title', { figure: figureLabel(figure), count: total }) : null}
        data-testid="figure-drawer"
        destroyOnHidden
      >
        <ErrorAlert error={records.error} />
        <Table<FigureRecord>
          data-testid="figure-records"
          rowKey={(r) => `${r.type}-${r.id}`}
          size="small"
          columns={columns}
          dataSource={records.data?.items}
          loading={records.isFetching}
          scroll={{ x: true }}
          locale={{ emptyText: t('reports.drawer.empty') }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          }}
        />
      </Drawer>
    </OpenFigure.Provider>
  );
}
