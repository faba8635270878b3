import { BankOutlined, HomeOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEstate } from '../app/session';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { useBuildings, usePresenceBoard, useResidents, useUnits } from '../features/directory/api';

// A count needs only the list's total, so ask for the smallest page.
const COUNT_ONLY = { page: 1, pageSize: 1 };

interface TileProps {
  testId: string;
  title: string;
  icon: ReactNode;
  to: string;
  value: number | undefined;
  suffix?: ReactNode;
  loading: boolean;
  error: unknown;
}

function Tile({ testId, title, icon, to, value, suffix, loading, error }: TileProps) {
  const errorText = useErrorText();
  return (
    <Card data-testid={testId}>
      <Link to={to} style={{ color: 'inherit' }}>
        {loading ? (
          <Skeleton active paragraph={false} />
        ) : error ? (
          <Statistic title={title} prefix={icon} value="—" suffix={<Typography.Text type="danger">{errorText(error)}</Typography.Text>} />
        ) : (
          <Statistic title={title} prefix={icon} value={value ?? 0} suffix={suffix} />
        )}
      </Link>
    </Card>
  );
}

/** An overview of the selected estate, from the list endpoints' totals. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const estate = useEstate();
  const units = useUnits(COUNT_ONLY);
  const residents = useResidents(COUNT_ONLY);
  const buildings = useBuildings(COUNT_ONLY);
  const presence = usePresenceBoard();
  const inOffice = presence.data?.items.filter((row) => row.presence.state === 'in_office').length;

  return (
    <>
      <PageHeader title={t('dashboard.title', { estate: estate.name })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <Tile
            testId="dashboard-units"
            title={t('dashboard.units')}
            icon={<HomeOutlined />}
            to="/units"
            value={units.data?.total}
            loading={units.isPending}
            error={units.error}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Tile
            testId="dashboard-residents"
            title={t('dashboard.residents')}
            icon={<UserOutlined />}
            to="/residents"
            value={residents.data?.total}
            loading={residents.isPending}
            error={residents.error}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Tile
            testId="dashboard-in-office"
            title={t('dashboard.inOffice')}
            icon={<TeamOutlined />}
            to="/presence"
            value={inOffice}
            suffix={presence.data ? `/ ${presence.data.items.length}` : undefined}
            loading={presence.isPending}
            error={presence.error}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Tile
            testId="dashboard-buildings"
            title={t('dashboard.buildings')}
            icon={<BankOutlined />}
            to="/buildings"
            value={buildings.data?.total}
            loading={buildings.isPending}
            error={buildings.error}
          />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 24 }}>
        {t('dashboard.more')}
      </Typography.Paragraph>
    </>
  );
}
