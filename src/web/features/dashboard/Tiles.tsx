import { CalendarOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorText } from '../../components/errors';
import type { RepairClassValue } from '../directory/types';
import type { FollowUpSummary } from '../followups/types';
import { clockText } from '../frontdesk/scripts';
import type { FrontDeskSummary } from '../frontdesk/types';

export interface QueryState {
  loading: boolean;
  error: unknown;
}

interface TileProps extends QueryState {
  /** `dashboard-<id>` to tests. */
  id: string;
  title: string;
  icon: ReactNode;
  to: string;
  value: number | undefined;
  suffix?: ReactNode;
  danger?: boolean;
}

/** A tile as a row of a table: the state may come from the row's own query or the row's group. */
export type TileRow = Omit<TileProps, keyof QueryState> & { state?: QueryState; shown?: boolean };

function Tile({ id, title, icon, to, value, suffix, danger, loading, error }: TileProps) {
  const errorText = useErrorText();
  return (
    <Card data-testid={`dashboard-${id}`}>
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
export function queryState(query: { isPending: boolean; error: unknown }): QueryState {
  return { loading: query.isPending, error: query.error };
}

/** A tile counting a list: its total, with that list's own state. */
export function count(query: { data?: { total: number }; isPending: boolean; error: unknown }) {
  return { value: query.data?.total, state: queryState(query) };
}

/** A row's worth of count tiles, each in its own column; those not shown leave no gap. */
export function TileCols({ tiles, state, xl }: { tiles: TileRow[]; state?: QueryState; xl: number }) {
  return tiles
    .filter((tile) => tile.shown !== false)
    .map(({ state: own, shown: _, ...tile }) => (
      <Col xs={24} sm={12} xl={xl} key={tile.id}>
        <Tile {...tile} {...(own ?? state ?? { loading: false, error: null })} />
      </Col>
    ));
}

/** One repair class's follow-ups: due today and overdue, each opening its queue (R-FU-1). */
export function ClassTile({
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
export function WaitTile({ summary, loading, error }: { summary: FrontDeskSummary | undefined; loading: boolean; error: unknown }) {
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

/** R-PH-5 today, from the PBX's calls: answered within three rings of all calls, missed, the longest ring. */
export function PhoneTile({ summary, loading, error }: { summary: FrontDeskSummary | undefined; loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const phone = summary?.phone;
  return (
    <Card data-testid="dashboard-phone">
      {/* Today's figures open the answer times by day, extension and person (R-PH-5). */}
      <Link to="/phone/answer-times" style={{ color: 'inherit' }}>
        {loading ? (
          <Skeleton active paragraph={false} />
        ) : error ? (
          <Typography.Text type="danger">{errorText(error)}</Typography.Text>
        ) : (
          <Row gutter={8}>
            <Col span={10}>
              <Statistic
                title={t('dashboard.frontDesk.phoneInTime')}
                value={phone ? `${phone.answeredInTime} / ${phone.calls}` : '—'}
                data-testid="dashboard-phone-in-time"
              />
            </Col>
            <Col span={7}>
              <Statistic title={t('dashboard.frontDesk.phoneMissed')} value={phone?.missed ?? '—'} data-testid="dashboard-phone-missed" />
            </Col>
            <Col span={7}>
              <Statistic
                title={t('dashboard.frontDesk.longestRing')}
                value={phone?.longestRingSeconds == null ? '—' : t('dashboard.frontDesk.seconds', { seconds: phone.longestRingSeconds })}
                data-testid="dashboard-phone-longest-ring"
              />
            </Col>
          </Row>
        )}
      </Link>
    </Card>
  );
}
