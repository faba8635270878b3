import {
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  CloudOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
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
import { Card, Col, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, useEstate } from '../app/session';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { useCases, useObligations } from '../features/cases/api';
import { ObligationTable } from '../features/cases/ObligationTable';
import { useBuildings, usePresenceBoard, useResidents, useUnits } from '../features/directory/api';
import { REPAIR_CLASSES, type RepairClassValue } from '../features/directory/types';
import { useFollowUpSummary } from '../features/followups/api';
import type { FollowUpSummary } from '../features/followups/types';
import { useFrontDeskSummary } from '../features/frontdesk/api';
import { clockText } from '../features/frontdesk/scripts';
import type { FrontDeskSummary } from '../features/frontdesk/types';

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

/** The loading and error state a tile shows, from one query. */
function queryState(query: { isPending: boolean; error: unknown }) {
  return { loading: query.isPending, error: query.error };
}

/** A row's worth of count tiles, each in its own column. */
function TileCols({ tiles, xl }: { tiles: TileProps[]; xl: number }) {
  return tiles.map((tile) => (
    <Col xs={24} sm={12} xl={xl} key={tile.testId}>
      <Tile {...tile} />
    </Col>
  ));
}

/** One repair class's follow-ups: due today and overdue, each opening its queue (R-FU-1). */
function ClassTile({
  summary,
  repairClass,
  loading,
  error,
}: {
  summary: FollowUpSummary | undefined;
  repairClass: RepairClassValue;
  loading: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const row = summary?.byClass.find((c) => c.repairClass === repairClass);
  const overdue = row?.overdue ?? 0;
  return (
    <Card
      data-testid={`dashboard-followups-${repairClass}`}
      size="small"
      title={
        <Space>
          <CalendarOutlined />
          {t(`dashboard.followUps.byClass.${repairClass}`)}
        </Space>
      }
    >
      {loading ? (
        <Skeleton active paragraph={false} />
      ) : error ? (
        <Typography.Text type="danger">{errorText(error)}</Typography.Text>
      ) : (
        <Row gutter={8}>
          <Col span={12}>
            <Link to={`/followups?queue=due_today&repairClass=${repairClass}`} style={{ color: 'inherit' }} data-testid="due-today">
              <Statistic title={t('dashboard.followUps.dueToday')} value={row?.dueToday ?? 0} />
            </Link>
          </Col>
          <Col span={12}>
            <Link to={`/followups?queue=overdue&repairClass=${repairClass}`} style={{ color: 'inherit' }} data-testid="overdue">
              <Statistic
                title={t('dashboard.followUps.overdue')}
                value={overdue}
                styles={overdue ? { content: { color: '#cf1322' } } : undefined}
              />
            </Link>
          </Col>
        </Row>
      )}
    </Card>
  );
}

/** The average and longest wait at the counter today, as minutes and seconds (R-WK-1). */
function WaitTile({ summary, loading, error }: { summary: FrontDeskSummary | undefined; loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const wait = (seconds: number | null | undefined) => (seconds === null || seconds === undefined ? '—' : clockText(seconds * 1000));
  return (
    <Card data-testid="dashboard-desk-waits">
      <Link to="/frontdesk" style={{ color: 'inherit' }}>
        {loading ? (
          <Skeleton active paragraph={false} />
        ) : error ? (
          <Typography.Text type="danger">{errorText(error)}</Typography.Text>
        ) : (
          <Row gutter={8}>
            <Col span={12}>
              <Statistic
                title={t('dashboard.frontDesk.averageWait')}
                prefix={<FieldTimeOutlined />}
                value={wait(summary?.averageWaitSeconds)}
                data-testid="dashboard-desk-average-wait"
              />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('dashboard.frontDesk.longestWait')}
                value={wait(summary?.longestWaitSeconds)}
                data-testid="dashboard-desk-longest-wait"
              />
            </Col>
          </Row>
        )}
      </Link>
    </Card>
  );
}

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

  const overdueTiles: TileProps[] = [
    ...(!mayReadDeadlines
      ? []
      : [
          {
            testId: 'dashboard-overdue',
            title: t('dashboard.overdue'),
            icon: <WarningOutlined />,
            to: '/cases/escalations',
            value: overdue.data?.total,
            danger: true,
            ...queryState(overdue),
          },
          {
            testId: 'dashboard-due-soon',
            title: t('dashboard.dueSoon'),
            icon: <ClockCircleOutlined />,
            to: '/cases?status=open&sort=replyDueAt',
            value: dueSoon.data?.total,
            ...queryState(dueSoon),
          },
        ]),
    ...(!can('case.read')
      ? []
      : [
          {
            testId: 'dashboard-open-cases',
            title: t('dashboard.openCases'),
            icon: <InboxOutlined />,
            to: '/cases?status=open',
            value: openCases.data?.total,
            ...queryState(openCases),
          },
        ]),
  ];
  const deskTiles: TileProps[] = [
    {
      testId: 'dashboard-desk-calls',
      title: t('dashboard.frontDesk.callsToday'),
      icon: <PhoneOutlined />,
      to: '/frontdesk',
      value: desk?.callsToday,
      ...deskState,
    },
    {
      testId: 'dashboard-desk-visits',
      title: t('dashboard.frontDesk.visitsToday'),
      icon: <UserAddOutlined />,
      to: '/frontdesk',
      value: desk?.visitsToday,
      suffix: desk?.waitingNow ? (
        <Tag color="orange" style={{ marginInlineStart: 8 }}>
          {t('dashboard.frontDesk.waitingNow', { count: desk.waitingNow })}
        </Tag>
      ) : undefined,
      ...deskState,
    },
    {
      testId: 'dashboard-desk-messages',
      title: t('dashboard.frontDesk.messagesWaiting'),
      icon: <MessageOutlined />,
      to: '/messages?for=all',
      value: desk?.messagesWaiting,
      ...deskState,
    },
    {
      testId: 'dashboard-desk-callbacks-due',
      title: t('dashboard.frontDesk.callbacksDue'),
      icon: <ClockCircleOutlined />,
      to: '/messages?for=all',
      value: desk?.callbacksDue,
      ...deskState,
    },
    {
      testId: 'dashboard-desk-callbacks-overdue',
      title: t('dashboard.frontDesk.callbacksOverdue'),
      icon: <WarningOutlined />,
      to: '/messages?for=all&status=overdue',
      value: desk?.callbacksOverdue,
      danger: true,
      ...deskState,
    },
  ];
  const followUpState = queryState(followUps);
  const followUpTiles: TileProps[] = [
    {
      testId: 'dashboard-awaiting-rain',
      title: t('dashboard.followUps.awaitingRain'),
      icon: <CloudOutlined />,
      to: '/followups?queue=awaiting_rain',
      value: summary?.awaitingRain,
      ...followUpState,
    },
    {
      testId: 'dashboard-notices-due',
      title: t('dashboard.followUps.noticesDue'),
      icon: <FileExclamationOutlined />,
      to: '/followups?queue=done&result=problem',
      value: summary?.noticesDue,
      danger: true,
      ...followUpState,
    },
    {
      testId: 'dashboard-notices-unacknowledged',
      title: t('dashboard.followUps.noticesUnacknowledged'),
      icon: <AuditOutlined />,
      to: '/rectification-notices?status=unacknowledged',
      value: summary?.noticesUnacknowledged,
      suffix: summary?.noticesPastDeadline ? (
        <Tag color="error" style={{ marginInlineStart: 8 }}>
          {t('dashboard.followUps.pastDeadline', { count: summary.noticesPastDeadline })}
        </Tag>
      ) : undefined,
      ...followUpState,
    },
  ];
  const directoryTiles: TileProps[] = [
    ...(!can('unit.read')
      ? []
      : [
          {
            testId: 'dashboard-units',
            title: t('dashboard.units'),
            icon: <HomeOutlined />,
            to: '/units',
            value: units.data?.total,
            ...queryState(units),
          },
        ]),
    ...(!can('resident.read')
      ? []
      : [
          {
            testId: 'dashboard-residents',
            title: t('dashboard.residents'),
            icon: <UserOutlined />,
            to: '/residents',
            value: residents.data?.total,
            ...queryState(residents),
          },
        ]),
    ...(!can('presence.read')
      ? []
      : [
          {
            testId: 'dashboard-in-office',
            title: t('dashboard.inOffice'),
            icon: <TeamOutlined />,
            to: '/presence',
            value: inOffice,
            suffix: presence.data ? `/ ${presence.data.items.length}` : undefined,
            ...queryState(presence),
          },
        ]),
    ...(!can('unit.read')
      ? []
      : [
          {
            testId: 'dashboard-buildings',
            title: t('dashboard.buildings'),
            icon: <BankOutlined />,
            to: '/buildings',
            value: buildings.data?.total,
            ...queryState(buildings),
          },
        ]),
  ];

  return (
    <>
      <PageHeader title={t('dashboard.title', { estate: estate.name })} />
      <Row gutter={[16, 16]}>
        <TileCols tiles={overdueTiles} xl={8} />
        {mayReadDeadlines && (
          <>
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
          </>
        )}
      </Row>
      {mayReadDesk && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('dashboard.frontDesk.title')}
          </Typography.Title>
          <Row gutter={[16, 16]} data-testid="dashboard-frontdesk">
            <TileCols tiles={deskTiles} xl={8} />
            <Col xs={24} sm={12} xl={8}>
              <WaitTile summary={desk} {...deskState} />
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
            <TileCols tiles={followUpTiles} xl={6} />
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
                  </Link>
                </Card>
              </Col>
            )}
          </Row>
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('dashboard.directory')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <TileCols tiles={directoryTiles} xl={6} />
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 24 }}>
        {t('dashboard.more')}
      </Typography.Paragraph>
    </>
  );
}
