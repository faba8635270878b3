import {
  BankOutlined,
  ClockCircleOutlined,
  HomeOutlined,
  InboxOutlined,
  TeamOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEstate } from '../app/session';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { useCases, useObligations } from '../features/cases/api';
import { ObligationTable } from '../features/cases/ObligationTable';
import { useBuildings, usePresenceBoard, useResidents, useUnits } from '../features/directory/api';

// A count needs only the list's total, so ask for the smallest page.
const COUNT_ONLY = { page: 1, pageSize: 1 };
// The queues of the day: the first ones are what needs doing now.
const QUEUE_PAGE = { page: 1, pageSize: 10 };

interface TileProps {
  testId: string;
  title: string;
  icon: ReactNode;
  to: string;
  value: number | undefined;
  suffix?: ReactNode;
  danger?: boolean;
  loading: boolean;
  error: unknown;
}

function Tile({ testId, title, icon, to, value, suffix, danger, loading, error }: TileProps) {
  const errorText = useErrorText();
  return (
    <Card data-testid={testId}>
      <Link to={to} style={{ color: 'inherit' }}>
        {loading ? (
          <Skeleton active paragraph={false} />
        ) : error ? (
          <Statistic title={title} prefix={icon} value="—" suffix={<Typography.Text type="danger">{errorText(error)}</Typography.Text>} />
        ) : (
          <Statistic
            title={title}
            prefix={icon}
            value={value ?? 0}
            suffix={suffix}
            styles={danger && value ? { content: { color: '#cf1322' } } : undefined}
          />
        )}
      </Link>
    </Card>
  );
}

/** What is due and overdue today (R-CP-4: an overdue reply shows here), then the directory's totals. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const estate = useEstate();
  const units = useUnits(COUNT_ONLY);
  const residents = useResidents(COUNT_ONLY);
  const buildings = useBuildings(COUNT_ONLY);
  const presence = usePresenceBoard();
  const inOffice = presence.data?.items.filter((row) => row.presence.state === 'in_office').length;
  const dueSoon = useObligations({ ...QUEUE_PAGE, queue: 'due_soon', withinHours: 24 });
  const overdue = useObligations({ ...QUEUE_PAGE, queue: 'overdue' });
  const openCases = useCases({ ...COUNT_ONLY, status: 'open' });

  return (
    <>
      <PageHeader title={t('dashboard.title', { estate: estate.name })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={8}>
          <Tile
            testId="dashboard-overdue"
            title={t('dashboard.overdue')}
            icon={<WarningOutlined />}
            to="/cases/escalations"
            value={overdue.data?.total}
            danger
            loading={overdue.isPending}
            error={overdue.error}
          />
        </Col>
        <Col xs={24} sm={12} xl={8}>
          <Tile
            testId="dashboard-due-soon"
            title={t('dashboard.dueSoon')}
            icon={<ClockCircleOutlined />}
            to="/cases?status=open&sort=replyDueAt"
            value={dueSoon.data?.total}
            loading={dueSoon.isPending}
            error={dueSoon.error}
          />
        </Col>
        <Col xs={24} sm={12} xl={8}>
          <Tile
            testId="dashboard-open-cases"
            title={t('dashboard.openCases')}
            icon={<InboxOutlined />}
            to="/cases?status=open"
            value={openCases.data?.total}
            loading={openCases.isPending}
            error={openCases.error}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dashboard.overdueList')}>
            <ObligationTable
              testId="dashboard-overdue-list"
              items={overdue.data?.items}
              loading={overdue.isPending}
              emptyText={t('obligations.emptyOverdue')}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dashboard.dueSoonList')}>
            <ObligationTable
              testId="dashboard-due-soon-list"
              items={dueSoon.data?.items}
              loading={dueSoon.isPending}
              emptyText={t('obligations.emptyDueSoon')}
            />
          </Card>
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('dashboard.directory')}
      </Typography.Title>
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
