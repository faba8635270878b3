import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthlyReport } from '../../../contract/reports';
import { Chart } from '../../components/Chart';
import { translateOr } from '../../i18n';
import { barOption, pieOption, rateBarOption, rateTrendOption } from './charts';
import { casePartLabel } from './format';

// The options are rebuilt when the language changes: `t` is a new function for each language.

/** Each rule's on-time rate over the twelve months of the report's trend. */
export function useRuleTrendOption(report: MonthlyReport) {
  const { t } = useTranslation();
  return useMemo(() => {
    const rules = report.figures.rules.map((r) => r.rule);
    const series = rules.map((rule) => ({
      name: rule,
      rates: report.trend.map((m) => m.rates.find((r) => r.rule === rule)?.onTimeRate ?? null),
    }));
    return rateTrendOption(
      t('reports.charts.ruleTrend'),
      report.trend.map((m) => m.month),
      series,
    );
  }, [report, t]);
}

/** The month's cases by kind. */
export function useCasesByKindOption(report: MonthlyReport) {
  const { t } = useTranslation();
  return useMemo(
    () =>
      barOption(
        t('reports.charts.casesByKind'),
        t('reports.charts.cases'),
        report.figures.volumes.byKind.map((c) => ({ name: casePartLabel('kind', c.key), value: c.count })),
      ),
    [report, t],
  );
}

/**
 * This month's on-time rate per rule, each named by its short name as the deadlines are named
 * elsewhere (the dashboard shows rule ids only in tooltips).
 */
export function useRuleRatesOption(report: MonthlyReport) {
  const { t } = useTranslation();
  return useMemo(
    () =>
      rateBarOption(
        t('reports.charts.rulesThisMonth'),
        t('reports.charts.onTimeRate'),
        report.figures.rules.map((r) => ({ name: translateOr(`obligations.rules.${r.rule}`, r.rule), rate: r.onTimeRate })),
      ),
    [report, t],
  );
}

/** The charts of the monthly report: rates over a year, cases by kind, follow-up outcomes, waits. */
export function ReportCharts({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const trend = useRuleTrendOption(report);
  const byKind = useCasesByKindOption(report);
  const outcomes = useMemo(() => {
    const results = report.figures.satisfaction.followUpResults;
    return pieOption(
      t('reports.charts.followUpOutcomes'),
      t('reports.charts.followUpOutcomes'),
      (['ok', 'problem', 'unreachable'] as const).map((r) => ({ name: t(`followUps.results.${r}`), value: results[r] })),
    );
  }, [report, t]);
  const waits = useMemo(
    () =>
      barOption(t('reports.charts.deskWaits'), t('reports.charts.deskWaits'), [
        { name: t('reports.charts.median'), value: report.figures.desk.medianWaitMinutes ?? 0 },
        { name: t('reports.charts.max'), value: report.figures.desk.maxWaitMinutes ?? 0 },
      ]),
    [report, t],
  );
  return (
    <Row gutter={[16, 16]} className="ed-report-charts">
      <Col xs={24}>
        <Card size="small" className="ed-report-section">
          <Chart option={trend} label={t('reports.charts.ruleTrend')} testId="chart-rule-trend" height={340} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" className="ed-report-section">
          <Chart option={byKind} label={t('reports.charts.casesByKind')} testId="chart-cases-by-kind" />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" className="ed-report-section">
          <Chart option={outcomes} label={t('reports.charts.followUpOutcomes')} testId="chart-follow-up-outcomes" />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" className="ed-report-section">
          <Chart option={waits} label={t('reports.charts.deskWaits')} testId="chart-desk-waits" />
        </Card>
      </Col>
    </Row>
  );
}
