import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Radio, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  PORTAL_CASE_KINDS,
  type PortalCaseDetail,
  type PortalCaseKind,
  REPAIR_CLASSES,
  type RepairClass,
  useReportCase,
  useUploadPhoto,
} from '../../features/portal/api';
import { PhotoPicker } from '../../features/portal/PhotoPicker';
import { useResident } from '../../features/portal/session';
import { usePortalErrorText } from '../../features/portal/text';

interface ReportValues {
  unitId: string;
  kind: PortalCaseKind;
  repairClass?: RepairClass;
  description: string;
}

/** Reporting a repair, an inquiry or a complaint: the unit, what kind, for a repair its class in plain words, photos. */
export default function PortalReportPage() {
  const { t } = useTranslation();
  const resident = useResident();
  const errorText = usePortalErrorText();
  const report = useReportCase();
  const upload = useUploadPhoto();
  const [form] = Form.useForm<ReportValues>();
  const kind = Form.useWatch('kind', form);
  const [photos, setPhotos] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ record: PortalCaseDetail; failed: string[] } | null>(null);

  const submit = async (values: ReportValues) => {
    setBusy(true);
    setError(null);
    try {
      const record = await report.mutateAsync({
        unitId: values.unitId,
        kind: values.kind,
        repairClass: values.kind === 'repair' ? values.repairClass : undefined,
        description: values.description,
      });
      const failed: string[] = [];
      for (const photo of photos) {
        try {
          await upload(record.id, photo);
        } catch {
          failed.push(photo.name);
        }
      }
      setDone({ record, failed });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <Card data-testid="portal-report-done">
        <Result
          icon={<CheckCircleOutlined style={{ color: '#52c41a' }} />}
          title={t('portal.report.done')}
          subTitle={
            <span>
              {t('portal.report.number')} <strong data-testid="portal-report-number">{done.record.number}</strong>
            </span>
          }
          extra={[
            <Link key="open" to={`/portal/cases/${done.record.id}`}>
              <Button type="primary" size="large" data-testid="portal-report-open">
                {t('portal.report.open')}
              </Button>
            </Link>,
            <Link key="list" to="/portal">
              <Button size="large" data-testid="portal-report-list">
                {t('portal.report.toList')}
              </Button>
            </Link>,
          ]}
        />
        {done.failed.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('portal.report.photosFailed', { names: done.failed.join(', ') })}
            data-testid="portal-report-photos-failed"
          />
        )}
      </Card>
    );

  const units = resident.units;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="page-title">
        {t('portal.report.title')}
      </Typography.Title>
      <Form<ReportValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ unitId: units.length === 1 ? units[0]?.id : undefined, kind: 'repair' }}
        onFinish={(v) => void submit(v)}
        data-testid="portal-report-form"
      >
        <Form.Item
          name="unitId"
          label={t('portal.fields.unitId')}
          rules={[{ required: true, message: t('portal.report.unitRequired') }]}
          hidden={units.length === 1}
        >
          <Radio.Group className="ed-portal-choice" data-testid="portal-report-unit">
            {units.map((u) => (
              <Radio.Button key={u.id} value={u.id}>
                <span data-testid={`portal-unit-${u.id}`}>{u.label}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {units.length === 1 && (
          <Typography.Paragraph data-testid="portal-report-unit-only">
            {t('portal.report.unitLine', { unit: units[0]?.label ?? '' })}
          </Typography.Paragraph>
        )}
        <Form.Item name="kind" label={t('portal.report.kind')} rules={[{ required: true }]}>
          <Radio.Group className="ed-portal-choice" data-testid="portal-report-kind">
            {PORTAL_CASE_KINDS.map((k) => (
              <Radio.Button key={k} value={k}>
                <span data-testid={`portal-kind-${k}`}>
                  {t(`caseKinds.${k}`)}
                  <span className="ed-portal-hint">{t(`portal.report.kindHints.${k}`)}</span>
                </span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {kind === 'repair' && (
          <Form.Item
            name="repairClass"
            label={t('portal.report.repairClass')}
            rules={[{ required: true, message: t('portal.report.repairClassRequired') }]}
          >
            <Radio.Group className="ed-portal-choice" data-testid="portal-report-class">
              {REPAIR_CLASSES.map((c) => (
                <Radio.Button key={c} value={c}>
                  <span data-testid={`portal-class-${c}`}>
                    {t(`portal.report.classes.${c}`)}
                    <span className="ed-portal-hint">{t(`portal.report.classHints.${c}`)}</span>
                  </span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item
          name="description"
          label={t('portal.report.description')}
          rules={[{ required: true, whitespace: true, message: t('portal.report.descriptionRequired') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={5000}
            placeholder={t(`portal.report.placeholders.${kind ?? 'repair'}`)}
            data-testid="portal-report-description"
          />
        </Form.Item>
        <Form.Item label={t('portal.report.photos')}>
          <PhotoPicker files={photos} onChange={setPhotos} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="portal-report-error" />}
        <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="portal-report-submit">
          {t('portal.report.submit')}
        </Button>
      </Form>
    </>
  );
}
