import { FileExcelOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useEstate } from '../app/session';
import { useEstateTime } from '../app/time';
import { useErrorText } from '../components/errors';
import { ErrorAlert } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { downloadReportFile, useMonthlyReport } from '../features/reports/api';
import { FigureRecordsProvider } from '../features/reports/FigureRecords';
import { MonthPicker, useReportMonth } from '../features/reports/MonthPicker';
import { ReportCharts } from '../features/reports/ReportCharts';
import { ReportSections } from '../features/reports/ReportSections';
import { SweepButton } from '../features/reports/SweepButton';

type Format = 'xlsx' | 'pdf';

/** The report's files, fetched with the session and saved under the server's name. */
function DownloadButtons({ month, asOf }: { month: string; asOf: string | undefined }) {
  const { t, i18n } = useTranslation();
  const estate = useEstate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<Format | null>(null);
  const mayExport = useCan()('report.export');
  if (!mayExport) return null;
  const download = (format: Format) => {
    setBusy(format);
    downloadReportFile(estate.id, month, format, { asOf, locale: i18n.language })
      .catch((error: unknown) => void message.error(errorText(error)))
      .finally(() => setBusy(null));
  };
  return (
    <>
      <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => download('xlsx')} data-testid="report-xlsx">
        {t('reports.monthly.xlsx')}
      </Button>
      <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => download('pdf')} data-testid="report-pdf">
        {t('reports.monthly.pdf')}
      </Button>
    </>
  );
}

/**
 * The estate's monthly service report: volumes, deadlines met per rule, satisfaction, the spot
 * check, rectification notices, the desk and fees, with charts; every count opens its records.
 * A past month is frozen once it ends; the current one reads "open" and moves.
 */
export default function MonthlyReportPage() {
  const { t } = useTranslation();
  const time = useEstateTime();
  const [month, setMonth] = useReportMonth(time.month(-1));
  const report = useMonthlyReport(month);
  const data = report.data?.month === month ? report.data : undefined;

  return (
    <>
      <PageHeader
        title={t('reports.monthly.title')}
        extra={
          <Space wrap className="ed-no-print">
            <MonthPicker month={month} latest={time.month()} onChange={setMonth} />
            <DownloadButtons month={month} asOf={data && !data.frozenAt ? data.asOf : undefined} />
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="report-print">
              {t('reports.monthly.print')}
            </Button>
            <SweepButton />
          </Space>
        }
      />
      <ErrorAlert error={report.error} />
      {!data && report.isFetching && <Skeleton active />}
      {data && (
        <FigureRecordsProvider month={month} asOf={data.frozenAt ? undefined : data.asOf}>
          <div className="ed-report" data-testid="monthly-report">
            <div className="ed-report-head" data-testid="report-head">
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('reports.monthly.heading', { estate: data.estate.name, month: data.month })}
              </Typography.Title>
              <Space wrap>
                {data.frozenAt ? (
                  <Tag color="blue" data-testid="report-frozen">
                    {t('reports.monthly.frozen', { time: time.format(data.frozenAt) })}
                  </Tag>
                ) : (
                  <Tooltip title={t('reports.monthly.openHelp')}>
                    <Tag color="orange" data-testid="report-open">
                      {t('reports.monthly.open')}
                    </Tag>
                  </Tooltip>
                )}
                <Typography.Text type="secondary" data-testid="report-as-of">
                  {t('reports.monthly.asOf', { time: time.format(data.asOf) })}
                </Typography.Text>
              </Space>
              <Typography.Text type="secondary" className="ed-no-print">
                {t('reports.monthly.recordsHelp')}
              </Typography.Text>
            </div>
            <ReportCharts report={data} />
            <ReportSections report={data} />
          </div>
        </FigureRecordsProvider>
      )}
    </>
  );
}
