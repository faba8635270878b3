import { Alert, Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../app/session';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { usePbxSettings } from '../features/telephony/api';
import { PbxImportCard } from '../features/telephony/PbxImport';
import { ExtensionsCard, MappingCard, WebhookCard } from '../features/telephony/PbxSetup';

/**
 * The office's phone system (R-PH-5), for the manager: who answers each extension, the signed
 * webhook the PBX calls, the generic CSV's columns and the import of the PBX's call records.
 */
export default function PhoneSystemPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const can = useCan();
  const readOnly = !can('pbx.manage');
  const settings = usePbxSettings();
  return (
    <div data-testid="phone-system-page">
      <PageHeader title={t('pbx.settings.title')} />
      {settings.error ? (
        <Alert type="error" showIcon title={errorText(settings.error)} />
      ) : !settings.data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <ExtensionsCard settings={settings.data} readOnly={readOnly} />
          </Col>
          <Col xs={24} xl={10}>
            <WebhookCard settings={settings.data} readOnly={readOnly} />
          </Col>
          <Col xs={24} xl={14}>
            <MappingCard settings={settings.data} readOnly={readOnly} />
          </Col>
          <Col xs={24} xl={10}>
            <PbxImportCard hasMapping={settings.data.csvMapping !== null} />
          </Col>
        </Row>
      )}
    </div>
  );
}
