import { Alert, Col, Empty, Row, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEstateTime } from '../app/time';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { usePresenceBoard, useRefresh } from '../features/directory/api';
import type { PresenceRow } from '../features/directory/types';
import { PresenceCard } from '../features/presence/PresenceCard';
import { PresenceEditor } from '../features/presence/PresenceEditor';

/** Who is in, out, in a meeting or on a call (R-WK-5); refreshed every 10 seconds. */
export default function PresencePage() {
  const { t } = useTranslation();
  const time = useEstateTime();
  const errorText = useErrorText();
  const refresh = useRefresh();
  const { data, isPending, error, dataUpdatedAt } = usePresenceBoard();
  const [editing, setEditing] = useState<PresenceRow | null>(null);

  const rows = [...(data?.items ?? [])].sort(
    (a, b) => (a.staff.departmentName ?? '').localeCompare(b.staff.departmentName ?? '') || a.staff.name.localeCompare(b.staff.name),
  );
  const inOffice = rows.filter((r) => r.presence.state === 'in_office').length;

  return (
    <>
      <PageHeader
        title={t('presence.title')}
        extra={
          data && (
            <Typography.Text type="secondary" data-testid="presence-summary">
              {t('presence.summary', {
                inOffice,
                total: rows.length,
                time: time.format(new Date(dataUpdatedAt).toISOString(), 'HH:mm:ss'),
              })}
            </Typography.Text>
          )
        }
      />
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      {isPending ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty description={t('presence.empty')} />
      ) : (
        <Row gutter={[16, 16]} data-testid="presence-board">
          {rows.map((row) => (
            <Col key={row.staff.id} xs={24} sm={12} lg={8} xxl={6}>
              <PresenceCard row={row} onEdit={setEditing} />
            </Col>
          ))}
        </Row>
      )}
      <PresenceEditor row={editing} onClose={() => setEditing(null)} onSaved={() => void refresh('presence', 'staff')} />
    </>
  );
}
