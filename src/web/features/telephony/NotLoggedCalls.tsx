import { EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Space, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { type HTMLAttributes, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../../app/api';
import { useCan, useEstate } from '../../app/session';
import { useEstateTime } from '../../app/time';
import { useErrorText } from '../../components/errors';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { LogCallDialog } from '../frontdesk/DeskDialogs';
import { clockText, todayIn } from '../frontdesk/scripts';
import { usePbxCalls } from './api';
import { callDraftOf } from './calls';
import { useCallerByNumber } from './RingingCard';
import type { PbxCall } from './types';

/** The log form for a PBX call, opened once the caller's number has been looked up. */
function LogPbxCallDialog({ call, onClose }: { call: PbxCall | null; onClose: () => void }) {
  const { pick, searching } = useCallerByNumber(call?.from);
  return <LogCallDialog draft={call && !searching ? callDraftOf(call, pick) : null} onClose={onClose} onLogged={onClose} />;
}

/** The PBX calls as a table: when it rang, who called, which extension, how long it rang and lasted. */
function PbxCallTable({
  query,
  testId,
  emptyText,
  action,
  page,
  onPage,
}: {
  query: { data?: Page<PbxCall>; isPending: boolean; error: unknown };
  testId: string;
  emptyText: string;
  action: (call: PbxCall) => ReactNode;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const time = useEstateTime();
  const errorText = useErrorText();
  const columns: TableColumnsType<PbxCall> = [
    { key: 'ringingAt', title: t('pbx.calls.ringingAt'), render: (_, c) => time.format(c.ringingAt, 'MM-DD HH:mm'), width: 110 },
    {
      key: 'from',
      title: t('pbx.calls.from'),
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <span>{c.from}</span>
          {c.callerName && <Typography.Text type="secondary">{c.callerName}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'extension', title: t('pbx.calls.extension'), render: (_, c) => [c.extension, c.staff?.name].filter(Boolean).join(' · ') },
    {
      key: 'ring',
      title: t('pbx.calls.ringSeconds'),
      render: (_, c) =>
        c.ringSeconds === null ? (
          '—'
        ) : (
          <Tag color={c.answeredInTime ? 'success' : 'error'}>{t('pbx.calls.seconds', { seconds: c.ringSeconds })}</Tag>
        ),
    },
    {
      key: 'duration',
      title: t('pbx.calls.duration'),
      render: (_, c) => (c.durationSeconds === null ? '—' : clockText(c.durationSeconds * 1000)),
    },
    { key: 'actions', title: '', render: (_, c) => action(c) },
  ];
  return (
    <>
      {query.error ? <Alert type="error" showIcon title={errorText(query.error)} style={{ marginBottom: 12 }} /> : null}
      <ResponsiveTable<PbxCall>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isPending}
        locale={{ emptyText }}
        onRow={(c) => ({ 'data-testid': `${testId}-row`, 'data-pbx-call-id': c.id, 'data-state': c.state }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: 10,
          total: query.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: onPage,
        }}
        data-testid={testId}
      />
    </>
  );
}

/**
 * R-PH-4, R-PH-5 at the desk: the calls the phone system says were answered but nobody has
 * logged yet, each one click from the filled-in log form; and today's missed calls with the
 * call-back task each became (R-PH-3).
 */
export function NotLoggedCalls() {
  const { t } = useTranslation();
  const estate = useEstate();
  const can = useCan();
  const [notLoggedPage, setNotLoggedPage] = useState(1);
  const [missedPage, setMissedPage] = useState(1);
  const [logging, setLogging] = useState<PbxCall | null>(null);
  const notLogged = usePbxCalls({ only: 'not_logged', page: notLoggedPage, pageSize: 10 });
  const missed = usePbxCalls({ state: 'missed', date: todayIn(estate.timeZone), page: missedPage, pageSize: 10 });
  const mayLog = can('call.log');

  return (
    <Card
      size="small"
      data-testid="pbx-not-logged-card"
      title={
        <Space>
          <PhoneOutlined />
          {t('pbx.notLogged.title')}
        </Space>
      }
    >
      <Tabs
        size="small"
        items={[
          {
            key: 'not-logged',
            label: (
              <Space size={6} data-testid="pbx-not-logged-tab">
                {t('pbx.notLogged.tab')}
                <Badge count={notLogged.data?.total ?? 0} size="small" />
              </Space>
            ),
            children: (
              <PbxCallTable
                query={notLogged}
                testId="pbx-not-logged"
                emptyText={t('pbx.notLogged.empty')}
                page={notLoggedPage}
                onPage={setNotLoggedPage}
                action={(c) =>
                  mayLog && (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setLogging(c)} data-testid="pbx-log-it">
                      {t('pbx.notLogged.logIt')}
                    </Button>
                  )
                }
              />
            ),
          },
          {
            key: 'missed',
            label: (
              <Space size={6} data-testid="pbx-missed-tab">
                {t('pbx.notLogged.missedTab')}
                <Badge count={missed.data?.total ?? 0} size="small" />
              </Space>
            ),
            children: (
              <PbxCallTable
                query={missed}
                testId="pbx-missed"
                emptyText={t('pbx.notLogged.missedEmpty')}
                page={missedPage}
                onPage={setMissedPage}
                action={(c) =>
                  c.callbackMessageId ? (
                    <Link to="/messages?for=all&status=all" data-testid="pbx-missed-callback">
                      {t('pbx.notLogged.callbackTask')}
                    </Link>
                  ) : (
                    <Typography.Text type="secondary">{t('pbx.notLogged.noCallback')}</Typography.Text>
                  )
                }
              />
            ),
          },
        ]}
      />
      <LogPbxCallDialog call={logging} onClose={() => setLogging(null)} />
    </Card>
  );
}
