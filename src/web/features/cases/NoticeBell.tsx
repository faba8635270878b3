import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { NoticePage, Notice as NoticeSchema } from '../../../contract/notices';
import { api } from '../../app/api';
import { useEstateTime } from '../../app/time';
import { translateOr, withoutRuleIds } from '../../i18n';
import { ruleLabel } from './ObligationBadge';

type Notice = z.infer<typeof NoticeSchema>;
type NoticeList = z.infer<typeof NoticePage>;

const NOTICES_KEY = ['notices', 'unread'] as const;

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

/** Where a notice leads: the notice, spot check, case, message or visit it is about (a deadline's case for an obligation). */
function targetOf(notice: Notice): string | null {
  switch (notice.subjectType) {
    case 'case':
      return `/cases/${notice.subjectId}`;
    case 'rectification_notice':
      return `/rectification-notices/${notice.subjectId}`;
    case 'spot_check':
    case 'spot_check_item':
      return '/spot-checks';
    case 'message':
      return '/messages';
    case 'visit':
      return '/frontdesk';
  }
  const caseId = str(notice.data.caseId);
  if (caseId) return `/cases/${caseId}`;
  return notice.subjectType === 'followup' ? '/followups?queue=flagged' : null;
}

/** The bell in the header: how many notices are unread, and the list of them. */
export function NoticeBell() {
  const { t } = useTranslation();
  const time = useEstateTime();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const { data } = useQuery({
    queryKey: NOTICES_KEY,
    queryFn: ({ signal }) => api.get<NoticeList>('/notices', { unread: true }, signal),
    // The live stream refreshes it at once; this covers a stream that is not connected.
    refetchInterval: 60_000,
    retry: false,
  });
  const read = useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/notices/${id}/read`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['notices'] }),
  });
  const items = data?.items ?? [];
  const count = data?.unreadCount ?? data?.total ?? items.length;

  const openNotice = (notice: Notice) => {
    read.mutate(notice.id);
    const target = targetOf(notice);
    setOpen(false);
    if (target) void navigate(target);
  };

  const list =
    items.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('header.noticesEmpty')} />
    ) : (
      <div style={{ maxHeight: 360, overflowY: 'auto', width: 320 }} data-testid="notice-list">
        {items.map((notice) => (
          <Button
            key={notice.id}
            type="text"
            block
            onClick={() => openNotice(notice)}
            data-testid="notice"
            title={str(notice.data.rule) ?? undefined}
            style={{ height: 'auto', textAlign: 'left', whiteSpace: 'normal', display: 'block', padding: '6px 8px' }}
          >
            <Typography.Text strong>
              {translateOr(`header.noticeKinds.${notice.kind}`, notice.kind)}
              {str(notice.data.caseNumber) ? ` · ${str(notice.data.caseNumber)}` : ''}
              {str(notice.data.code) ? ` · ${str(notice.data.code)}` : ''}
              {str(notice.data.rule) ? ` · ${ruleLabel(str(notice.data.rule) ?? '')}` : ''}
            </Typography.Text>
            {str(notice.data.text ?? notice.data.problem ?? notice.data.note) && (
              <div>{withoutRuleIds(str(notice.data.text ?? notice.data.problem ?? notice.data.note) ?? '')}</div>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {time.format(notice.createdAt)}
            </Typography.Text>
          </Button>
        ))}
      </div>
    );

  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} title={t('header.notices')} content={list} placement="bottomRight">
      <Button
        type="text"
        aria-label={t('header.noticesCount', { count })}
        data-testid="notice-bell"
        icon={
          <Badge count={count} size="small" data-testid="notice-count">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
