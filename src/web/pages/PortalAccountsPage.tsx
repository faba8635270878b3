import { StopOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/session';
import { useEstateTime } from '../app/time';
import { useErrorText } from '../components/errors';
import { FilterSelect, ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { SearchBox } from '../components/SearchBox';
import { useListParams } from '../components/useListParams';
import { PortalAccountTag } from '../features/residents/PortalAccountTag';
import { ACCOUNT_STATUSES, type ResidentAccount, useDisableAccount, useResidentAccounts } from '../features/residents/portalAccounts';

const FILTERS = ['status'] as const;

/** R-PT-1: who has a portal account, who is invited and until when, when each last signed in; the counter closes one. */
export default function PortalAccountsPage() {
  const { t } = useTranslation();
  const time = useEstateTime();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const can = useCan();
  const list = useListParams('name', FILTERS);
  const { params, update } = list;
  const query = useResidentAccounts({ page: params.page, pageSize: params.pageSize, q: params.q, status: params.filters.status });
  const disable = useDisableAccount();
  const onSearch = useCallback((q: string) => update({ q }), [update]);

  const close = (account: ResidentAccount) =>
    disable.mutate(account.id, {
      onSuccess: () => message.success(t('portalAccounts.disabled', { name: account.residentName })),
      onError: (error) => message.error(errorText(error)),
    });

  const columns: TableColumnsType<ResidentAccount> = [
    { title: t('portalAccounts.resident'), dataIndex: 'residentName', key: 'residentName' },
    {
      title: t('residents.units'),
      key: 'units',
      render: (_, a) => (
        <Space size={[4, 4]} wrap>
          {a.units.map((u) => (
            <Tag key={u.id}>{u.label}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('portalAccounts.login'), dataIndex: 'login', key: 'login', render: (login: string | null) => login ?? '—' },
    { title: t('portalAccounts.status'), key: 'status', render: (_, a) => <PortalAccountTag account={a} /> },
    {
      title: t('portalAccounts.lastSignIn'),
      dataIndex: 'lastSignInAt',
      key: 'lastSignInAt',
      render: (at: string | null) => time.format(at),
    },
    {
      title: t('portalAccounts.invitationExpires'),
      dataIndex: 'invitationExpiresAt',
      key: 'invitationExpiresAt',
      render: (at: string | null) => time.format(at),
    },
    ...(can('resident.account.disable')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, a: ResidentAccount) =>
              a.status === 'disabled' ? (
                <Typography.Text type="secondary">{time.format(a.disabledAt)}</Typography.Text>
              ) : (
                <Popconfirm
                  title={t('portalAccounts.disableConfirm', { name: a.residentName })}
                  description={t('portalAccounts.disableHelp')}
                  okText={t('portalAccounts.disable')}
                  okButtonProps={{ danger: true, 'data-testid': 'account-disable-confirm' }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => close(a)}
                >
                  <Button size="small" danger icon={<StopOutlined />} data-testid="account-disable">
                    {t('portalAccounts.disable')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('portalAccounts.title')} />
      <Typography.Paragraph type="secondary">{t('portalAccounts.intro')}</Typography.Paragraph>
      <div className="ed-toolbar">
        <SearchBox value={params.q} placeholder={t('portalAccounts.searchPlaceholder')} onSearch={onSearch} />
        <FilterSelect
          list={list}
          name="status"
          minWidth={140}
          label={t('portalAccounts.status')}
          placeholder={t('portalAccounts.allStatuses')}
          options={ACCOUNT_STATUSES.map((s) => ({ value: s, label: t(`portalAccounts.statuses.${s}`) }))}
          data-testid="filter-account-status"
        />
      </div>
      <ListTable
        testId="portal-accounts-table"
        list={list}
        query={query}
        columns={columns}
        onRow={(a) => ({ 'data-account-id': a.id, 'data-status': a.status }) as object}
        emptyText={params.q || params.filters.status ? t('table.noMatch') : t('portalAccounts.empty')}
      />
    </>
  );
}
