import { Alert, Button, Descriptions, Divider, Drawer, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/session';
import { useErrorText } from '../../components/errors';
import { HistoryList } from '../../components/HistoryList';
import { useUnitDetail } from '../directory/api';

/** A unit with the residents living in or owning it. */
export function UnitDetailDrawer({ unitId, onClose }: { unitId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { data: unit, isPending, error } = useUnitDetail(unitId);
  const can = useCan();

  return (
    <Drawer
      open={unitId !== null}
      onClose={onClose}
      size={520}
      title={unit ? t('units.detailTitle', { unit: `${unit.buildingName} ${unit.number}` }) : t('units.detail')}
      data-testid="unit-detail"
    >
      {error && <Alert type="error" showIcon title={errorText(error)} />}
      {isPending && unitId && <Skeleton active />}
      {unit && (
        <>
          <Descriptions
            column={2}
            size="small"
            items={[
              { key: 'building', label: t('units.building'), children: unit.buildingName },
              { key: 'number', label: t('units.number'), children: unit.number },
              { key: 'floor', label: t('units.floor'), children: unit.floor },
              {
                key: 'area',
                label: t('units.area'),
                children: unit.areaM2 === null ? '—' : `${unit.areaM2} ${t('units.areaUnit')}`,
              },
            ]}
          />
          {/* Residents' names and phones are the office's (`resident.read`); the change history the manager's. */}
          {can('resident.read') && (
            <>
              <Divider titlePlacement="start">{t('units.residentsOfUnit', { count: unit.residents.length })}</Divider>
              {unit.residents.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noResidents')} />
              ) : (
                <List
                  data-testid="unit-residents"
                  dataSource={unit.residents}
                  renderItem={(r) => (
                    <List.Item key={r.id}>
                      <Space>
                        <Typography.Text strong>{r.name}</Typography.Text>
                        <Tag color={r.kind === 'owner' ? 'blue' : 'green'}>{t(`residents.kinds.${r.kind}`)}</Tag>
                        {r.phone && <Typography.Text copyable>{r.phone}</Typography.Text>}
                      </Space>
                    </List.Item>
                  )}
                />
              )}
              <Button style={{ marginTop: 8 }} onClick={() => navigate(`/residents?unitId=${unit.id}`)}>
                {t('units.openResidents')}
              </Button>
            </>
          )}
          {can('history.read') && (
            <>
              <Divider titlePlacement="start">{t('history.title')}</Divider>
              <HistoryList entityType="unit" entityId={unit.id} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
