import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session';
import { useErrorText } from '../../components/errors';
import { useFeeSummary } from './api';
import { AGE_BANDS, useMoney } from './money';

/** The dashboard's fee figures: today's takings and the arrears by age band (R-FE-3, R-FE-4), for those who read accounts. */
export function FeeDashboard() {
  const { t } = useTranslation();
  const can = useCan();
  const money = useMoney();
  const errorText = useErrorText();
  const shown = can('fee.account.read');
  const summary = useFeeSummary({ enabled: shown });
  if (!shown) return null;
  const s = summary.data;
  const tile = (id: string, title: string, value: string | number, to: string, danger = false) => (
    <Col xs={12} md={8} xl={4} key={id}>
      <Card size="small" data-testid={`dashboard-fee-${id}`}>
        <Link to={to} style={{ color: 'inherit' }}>
          {summary.isPending ? (
            <Skeleton active paragraph={false} />
          ) : (
            <Statistic title={title} value={value} styles={{ content: { fontSize: 20, ...(danger ? { color: '#cf1322' } : {}) } }} />
          )}
        </Link>
      </Card>
    </Col>
  );
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('dashboard.fees.title')}
      </Typography.Title>
      {summary.error ? (
        <Typography.Text type="danger">{errorText(summary.error)}</Typography.Text>
      ) : (
        <Row gutter={[16, 16]} data-testid="dashboard-fees">
          {tile(
            'takings',
            t('dashboard.fees.takings', { count: s?.receipts ?? 0 }),
            s ? money(s.takings, s.currency) : '—',
            '/fees/cashier-days',
          )}
          {tile(
            'arrears',
            t('dashboard.fees.arrears', { count: s?.unitsInArrears ?? 0 }),
            s ? money(s.arrears, s.currency) : '—',
            '/fees/arrears',
            Boolean(s?.arrears),
          )}
          {AGE_BANDS.map((band) =>
            tile(
              band,
              t(`arrears.bands.${band}`),
              s ? money(s.arrearsByBand[band], s.currency) : '—',
              `/fees/arrears?band=${band}`,
              band === 'd181_plus' && Boolean(s?.arrearsByBand[band]),
            ),
          )}
        </Row>
      )}
    </>
  );
}
