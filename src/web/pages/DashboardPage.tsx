import {
  AuditOutlined,
  BankOutlined,
  ClockCircleOutlined,
  CloudOutlined,
  ExperimentOutlined,
  FileExclamationOutlined,
  HomeOutlined,
  InboxOutlined,
  MessageOutlined,
  PhoneOutlined,
  TeamOutlined,
  UserAddOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, useEstate } from '../app/session';
import { PageHeader } from '../components/PageHeader';
import { useCases, useObligations } from '../features/cases/api';
import { ObligationTable } from '../features/cases/ObligationTable';
import { ClassTile, count, PhoneTile, queryState, TileCols, type TileRow, WaitTile } from '../features/dashboard/Tiles';
import { useBuildings, usePresenceBoard, useResidents, useUnits } from '../features/directory/api';
import { REPAIR_CLASSES } from '../features/directory/types';
import { FeeDashboard } from '../features/fees/FeeDashboard';
import { useFollowUpSummary } from '../features/followups/api';
import { DrawnLateTag } from '../features/followups/SpotCheckLate';
import { useFrontDeskSummary } from '../features/frontdesk/api';
import { ruleTitle } from '../i18n';

// The charts bring their drawing library along; the figures above never wait for it.
const DashboardCharts = lazy(() => import('../features/reports/DashboardCharts'));

// A count needs only the list's total, so ask for the smallest page.
const COUNT_ONLY = { page: 1, pageSize: 1 };
// The queues of the day: the first ones are what needs doing now.
const QUEUE_PAGE = { page: 1, pageSize: 10 };

/** What is due and overdue today (R-CP-4: an overdue reply shows here), then the directory's totals. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const estate = useEstate();
  const can = useCan();
  // Each figure only for those who may read what it counts; the others are not shown at all.
  const mayReadDeadlines = can('obligation.read');
  const mayReadFollowUps = can('followup.read');
  const mayReadDesk = can('desk.summary');
  const units = useUnits(COUNT_ONLY, { enabled: can('unit.read') });
  const residents = useResidents(COUNT_ONLY, { enabled: can('resident.read') });
  const buildings = useBuildings(COUNT_ONLY, { enabled: can('unit.read') });
  const presence = usePresenceBoard({ enabled: can('presence.read') });
  const inOffice = presence.data?.items.filter((row) => row.presence.state === 'in_office').length;
  const dueSoon = useObligations({ ...QUEUE_PAGE, queue: 'due_soon', withinHours: 24 }, { enabled: mayReadDeadlines });
  const overdue = useObligations({ ...QUEUE_PAGE, queue: 'overdue' }, { enabled: mayReadDeadlines });
  const openCases = useCases({ ...COUNT_ONLY, status: 'open' }, { enabled: can('case.read') });
  const followUps = useFollowUpSummary({ enabled: mayReadFollowUps });
  const summary = followUps.data;
  const spotCheck = summary?.spotCheck;
  const frontDesk = useFrontDeskSummary({ enabled: mayReadDesk });
  const desk = frontDesk.data;
  const deskState = queryState(frontDesk);

  const overdueTiles: TileRow[] = [
    {
      id: 'overdue',
      title: t('dashboard.overdue'),
      icon: <WarningOutlined />,
      to: '/cases/escalations',
      ...count(overdue),
      danger: true,
      shown: mayReadDeadlines,
    },
    {
      id: 'due-soon',
      title: t('dashboard.dueSoon'),
      icon: <ClockCircleOutlined />,
      to: '/cases?status=open&sort=replyDueAt',
      ...count(dueSoon),
      shown: mayReadDeadlines,
    },
    {
      id: 'open-cases',
      title: t('dashboard.openCases'),
      icon: <InboxOutlined />,
      to: '/cases?status=open',
      ...count(openCases),
      shown: can('case.read'),
    },
  ];
  const deskTiles: TileRow[] = [
    { id: 'desk-calls', title: t('dashboard.frontDesk.callsToday'), icon: <PhoneOutlined />, to: '/frontdesk', value: desk?.callsToday },
    {
      id: 'desk-visits',
      title: t('dashboard.frontDesk.visitsToday'),
      icon: <UserAddOutlined />,
      to: '/frontdesk',
      value: desk?.visitsToday,
      suffix: desk?.waitingNow ? (
        <Tag color="orange" style={{ marginInlineStart: 8 }}>
          {t('dashboard.frontDesk.waitingNow', { count: desk.waitingNow })}
        </Tag>
      ) : undefined,
    },
    {
      id: 'desk-messages',
      title: t('dashboard.frontDesk.messagesWaiting'),
      icon: <MessageOutlined />,
      to: '/messages?for=all',
      value: desk?.messagesWaiting,
    },
    {
      id: 'desk-callbacks-due',
      title: t('dashboard.frontDesk.callbacksDue'),
      icon: <ClockCircleOutlined />,
      to: '/messages?for=all',
      value: desk?.callbacksDue,
    },
    {
      id: 'desk-callbacks-overdue',
      title: t('dashboard.frontDesk.callbacksOverdue'),
      icon: <WarningOutlined />,
      to: '/messages?for=all&status=overdue',
      value: desk?.callbacksOverdue,
      danger: true,
    },
  ];
  const followUpState = queryState(followUps);
  const followUpTiles: TileRow[] = [
    {
      id: 'awaiting-rain',
      title: t('dashboard.followUps.awaitingRain'),
      icon: <CloudOutlined />,
      to: '/followups?queue=awaiting_rain',
      value: summary?.awaitingRain,
    },
    {
      id: 'notices-due',
      title: t('dashboard.followUps.noticesDue'),
      icon: <FileExclamationOutlined />,
      to: '/rectification-notices?due=1',
      value: summary?.noticesDue,
      danger: true,
    },
    {
      id: 'notices-unacknowledged',
      title: t('dashboard.followUps.noticesUnacknowledged'),
      icon: <AuditOutlined />,
      to: '/rectification-notices?status=unacknowledged',
      value: summary?.noticesUnacknowledged,
      suffix: summary?.noticesPastDeadline ? (
        <Tag color="error" style={{ marginInlineStart: 8 }}>
          {t('dashboard.followUps.pastDeadline', { count: summary.noticesPastDeadline })}
        </Tag>
      ) : undefined,
    },
  ];
  const directoryTiles: TileRow[] = [
    { id: 'units', title: t('dashboard.units'), icon: <HomeOutlined />, to: '/units', ...count(units), shown: can('unit.read') },
    {
      id: 'residents',
      title: t('dashboard.residents'),
      icon: <UserOutlined />,
      to: '/residents',
      ...count(residents),
      shown: can('resident.read'),
    },
    {
      id: 'in-office',
      title: t('dashboard.inOffice'),
      icon: <TeamOutlined />,
      to: '/presence',
      value: inOffice,
      suffix: presence.data ? `/ ${presence.data.items.length}` : undefined,
      state: queryState(presence),
      shown: can('presence.read'),
    },
    {
      id: 'buildings',
      title: t('dashboard.buildings'),
      icon: <BankOutlined />,
      to: '/buildings',
      ...count(buildings),
      shown: can('unit.read'),
    },
  ];

  return (
    <>
      <PageHeader title={t('dashboard.title', { estate: estate.name })} />
      <Row gutter={[16, 16]}>
        <TileCols tiles={overdueTiles} xl={8} />
        {mayReadDeadlines &&
          [
            {
              id: 'overdue',
              title: <span title={ruleTitle('dashboard.overdueList')}>{t('dashboard.overdueList')}</span>,
              query: overdue,
              emptyText: t('obligations.emptyOverdue'),
            },
            { id: 'due-soon', title: <span>{t('dashboard.dueSoonList')}</span>, query: dueSoon, emptyText: t('obligations.emptyDueSoon') },
          ].map(({ id, title, query, emptyText }) => (
            <Col xs={24} xl={12} key={id}>
              <Card size="small" title={title}>
                <ObligationTable
                  testId={`dashboard-${id}-list`}
                  items={query.data?.items}
                  loading={query.isPending}
                  emptyText={emptyText}
                />
              </Card>
            </Col>
          ))}
      </Row>
      {mayReadDesk && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('dashboard.frontDesk.title')}
          </Typography.Title>
          <Row gutter={[16, 16]} data-testid="dashboard-frontdesk">
            <TileCols tiles={deskTiles} state={deskState} xl={8} />
            <Col xs={24} sm={12} xl={8}>
              <WaitTile summary={desk} {...deskState} />
            </Col>
            <Col xs={24} sm={12} xl={8}>
              <PhoneTile summary={desk} {...deskState} />
            </Col>
          </Row>
        </>
      )}
      {mayReadFollowUps && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('dashboard.followUps.title')}
          </Typography.Title>
          <Row gutter={[16, 16]} data-testid="dashboard-followups">
            {REPAIR_CLASSES.map((c) => (
              <Col xs={24} sm={12} xl={8} key={c}>
                <ClassTile summary={summary} repairClass={c} {...followUpState} />
              </Col>
            ))}
            <TileCols tiles={followUpTiles} state={followUpState} xl={6} />
            {can('spotcheck.read') && (
              <Col xs={24} sm={12} xl={6}>
                <Card data-testid="dashboard-spot-check">
                  <Link to="/spot-checks" style={{ color: 'inherit' }}>
                    {followUps.isPending ? (
                      <Skeleton active paragraph={false} />
                    ) : (
                      <Statistic
                        title={t('dashboard.followUps.spotCheck')}
                        prefix={<ExperimentOutlined />}
                        value={spotCheck ? `${spotCheck.month} · ${t(`spotChecks.statuses.${spotCheck.status}`)}` : '—'}
                        styles={spotCheck?.state === 'overdue' ? { content: { color: '#cf1322' } } : undefined}
                      />
                    )}
                    {spotCheck && <DrawnLateTag check={spotCheck} />}
                  </Link>
                </Card>
              </Col>
            )}
          </Row>
        </>
      )}
      {can('report.read') && (
        <Suspense fallback={null}>
          <DashboardCharts />
        </Suspense>
      )}
      <FeeDashboard />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('dashboard.directory')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <TileCols tiles={directoryTiles} xl={6} />
      </Row>
    </>
  );
}
