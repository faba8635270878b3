import { Card, Col, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MonthlyReport } from '../../../contract/reports';
import { useEstateTime } from '../../app/time';
import { Chart } from '../../components/Chart';
import { useErrorText } from '../../components/errors';
import { useMonthlyReport } from './api';
import { useCasesByKindOption, useRuleRatesOption } from './ReportCharts';

function Charts({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const byKind = useCasesByKindOption(report);
  const rates = useRuleRatesOption(report);
  return (
    <>
      <Col xs={24} xl={12}>
        <Card size="small">
          <Chart option={byKind} label={t('reports.charts.casesByKind')} testId="dashboard-chart-cases-by-kind" height={240} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small">
          <Chart option={rates} label={t('reports.charts.rulesThisMonth')} testId="dashboard-chart-rule-rates" height={240} />
        </Card>
      </Col>
    </>
  );
}

/**
 * The dashboard's row of charts from this month's report (one request): cases by kind and each
 * rule's on-time rate so far. Its own chunk, so the dashboard's figures never wait for the charts.
 */
export default function DashboardCharts() {
  const { t } = useTranslation();
  const time = useEstateTime();
  const month = time.month();
  const report = useMonthlyReport(month);
  const errorText = useErrorText();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        <Link to={`/reports/monthly?month=${month}`} style={{ color: 'inherit' }} title={t('reports.dashboard.more')}>
          {t('reports.dashboard.title')}
        </Link>
      </Typography.Title>
      <Row gutter={[16, 16]} data-testid="dashboard-report-charts">
        {report.data ? (
          <Charts report={report.data} />
        ) : report.error ? (
          <Col span={24}>
            <Typography.Text type="danger">{errorText(report.error)}</Typography.Text>
          </Col>
        ) : (
          <Col span={24}>
            <Skeleton active />
          </Col>
        )}
      </Row>
    </>
  );
}
