import { HomeOutlined, UserOutlined } from '@ant-design/icons';
import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session';
import { translateOr } from '../../i18n';
import { useCases } from '../cases/api';
import { useUnitDetail } from '../directory/api';
import { type LookupPick, unitLabel } from '../directory/UnitLookup';

/** The caller found: unit, household and open cases, each case a link. */
export function CallerDetail({ caller, testId = 'caller-chosen' }: { caller: LookupPick; testId?: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const unitId = caller.unit?.id ?? null;
  const unit = useUnitDetail(unitId);
  const open = useCases(
    { unitId: unitId ?? '', status: 'open', page: 1, pageSize: 10, sort: '-recordedAt' },
    { enabled: unitId !== null && can('case.read') },
  );
  const household = (unit.data?.residents ?? []).filter((r) => r.id !== caller.resident?.id);
  const openCases = unitId ? (open.data?.items ?? []) : [];
  return (
    <Card
      size="small"
      data-testid={testId}
      data-resident-id={caller.resident?.id ?? ''}
      data-unit-id={caller.unit?.id ?? ''}
      title={
        <Space wrap>
          {caller.resident ? <UserOutlined /> : <HomeOutlined />}
          <span data-testid="caller-name">{caller.resident?.name ?? unitLabel(caller.unit)}</span>
          {caller.resident?.kind && <Tag>{translateOr(`residents.kinds.${caller.resident.kind}`, caller.resident.kind)}</Tag>}
          {caller.resident?.phone && <a href={`tel:${caller.resident.phone}`}>{caller.resident.phone}</a>}
        </Space>
      }
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text data-testid="caller-unit">
          <HomeOutlined /> {caller.unit ? unitLabel(caller.unit) : t('frontDesk.phone.noUnit')}
        </Typography.Text>
        {household.length > 0 && (
          <Typography.Text type="secondary" data-testid="caller-household">
            {t('frontDesk.phone.household')}:{' '}
            {household
              .map((h) => [h.name, translateOr(`residents.kinds.${h.kind}`, h.kind), h.phone].filter(Boolean).join(' '))
              .join(' · ')}
          </Typography.Text>
        )}
        {unitId && <Typography.Text strong>{t('frontDesk.phone.openCases', { count: open.data?.total ?? 0 })}</Typography.Text>}
        {openCases.length > 0 && (
          <List
            size="small"
            dataSource={openCases}
            data-testid="caller-open-cases"
            renderItem={(c) => (
              <List.Item>
                <Space size={6} wrap>
                  <Link to={`/cases/${c.id}`} data-testid="caller-open-case">
                    {c.number}
                  </Link>
                  <Tag>{t(`caseKinds.${c.kind}`)}</Tag>
                  <Tag color={c.overdue ? 'error' : 'default'}>{t(`cases.statuses.${c.status}`)}</Tag>
                  <Typography.Text ellipsis style={{ maxWidth: 280 }}>
                    {c.description}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}
