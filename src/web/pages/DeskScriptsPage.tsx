import { RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Input, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fillPlaceholders, officeTitle, SCRIPT_PLACEHOLDERS, unknownPlaceholders } from '../../contract/scripts';
import { useCan, useEstate } from '../app/session';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { useDeskScripts, useFrontDeskActions } from '../features/frontdesk/api';
import { type DeskScript, SITUATIONS, type Situation } from '../features/frontdesk/types';
import { LANGUAGES } from '../i18n';

/** One script in one language: edited in place, saved with Ctrl+Enter, or put back to the plan's words. */
function ScriptEditor({ script, readOnly }: { script: DeskScript; readOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const actions = useFrontDeskActions();
  const [text, setText] = useState(script.text);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changed = text.trim() !== script.text;
  // Checked as it is typed, as the server checks it on save: {nmae} would be read out as it stands.
  const unknown = unknownPlaceholders(text);
  const placeholderError = unknown.length
    ? t('frontDesk.scripts.unknownPlaceholder', { found: unknown.join(' '), valid: SCRIPT_PLACEHOLDERS.join(' ') })
    : null;
  const estate = useEstate();
  const preview = fillPlaceholders(text.trim(), {
    name: t('frontDesk.scripts.sampleName'),
    until: '15:00',
    office: officeTitle(estate.officeName, script.locale),
    addressee: t('frontDesk.scripts.sampleAddressee'),
    department: t('frontDesk.scripts.sampleDepartment'),
    phone: '2345 6789',
    time: '15:20',
  });

  const save = async (value: string | null) => {
    setSaving(true);
    setError(null);
    try {
      const answer = await actions.updateScript(script.situation, { locale: script.locale, text: value });
      const saved = answer.items.find((s) => s.situation === script.situation && s.locale === script.locale);
      if (saved) setText(saved.text);
      message.success(value === null ? t('frontDesk.scripts.restored') : t('frontDesk.scripts.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    // Marked with its language: the English script is meant to be English on a Chinese page.
    <div data-testid="desk-script" data-situation={script.situation} data-locale={script.locale} lang={script.locale}>
      <Space size={6} style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t(`language.names.${script.locale}`)}</Typography.Text>
        {script.custom ? <Tag color="blue">{t('frontDesk.scripts.custom')}</Tag> : <Tag>{t('frontDesk.scripts.plan')}</Tag>}
      </Space>
      {readOnly ? (
        <Typography.Paragraph data-testid="desk-script-text-shown" style={{ marginBottom: 0 }}>
          {script.text}
        </Typography.Paragraph>
      ) : (
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={500}
          status={error || placeholderError ? 'error' : undefined}
          aria-label={`${t(`frontDesk.scripts.situations.${script.situation}`)} · ${t(`language.names.${script.locale}`)}`}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && changed && text.trim() && !placeholderError) {
              e.preventDefault();
              void save(text.trim());
            }
          }}
          data-testid="desk-script-text"
        />
      )}
      {!readOnly && placeholderError && (
        <Typography.Text type="danger" data-testid="desk-script-placeholder-error">
          {placeholderError}
        </Typography.Text>
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {!readOnly && !placeholderError && text.trim() && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} data-testid="desk-script-preview">
          {t('frontDesk.scripts.preview')}: {preview}
        </Typography.Paragraph>
      )}
      {!readOnly && (
        <Space style={{ marginTop: 6 }}>
          <Button
            size="small"
            type="primary"
            icon={<SaveOutlined />}
            disabled={!changed || !text.trim() || Boolean(placeholderError)}
            loading={saving}
            onClick={() => void save(text.trim())}
            data-testid="desk-script-save"
          >
            {t('common.save')}
          </Button>
          {script.custom && (
            <Button
              size="small"
              icon={<RollbackOutlined />}
              loading={saving}
              onClick={() => void save(null)}
              data-testid="desk-script-restore"
            >
              {t('frontDesk.scripts.restore')}
            </Button>
          )}
        </Space>
      )}
    </div>
  );
}

/** R-PH-2: the situation scripts the desk reads out, in every language; managers reword them for the estate. */
export default function DeskScriptsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const mayWrite = useCan()('desk.script.write');
  const { data, isPending, error } = useDeskScripts();
  const of = (situation: Situation) => LANGUAGES.map((locale) => data?.items.find((s) => s.situation === situation && s.locale === locale));

  return (
    <div data-testid="desk-scripts-page">
      <PageHeader title={t('frontDesk.scripts.title')} />
      <Typography.Paragraph type="secondary">{t('frontDesk.scripts.help')}</Typography.Paragraph>
      {!mayWrite && <Alert type="info" showIcon title={t('frontDesk.scripts.readOnly')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      {isPending ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {SITUATIONS.map((situation) => (
            <Card key={situation} size="small" title={t(`frontDesk.scripts.situations.${situation}`)}>
              <Row gutter={[16, 16]}>
                {of(situation).map(
                  (script) =>
                    script && (
                      <Col xs={24} lg={8} key={`${script.locale}:${script.custom}:${script.text}`}>
                        <ScriptEditor script={script} readOnly={!mayWrite} />
                      </Col>
                    ),
                )}
              </Row>
            </Card>
          ))}
        </Space>
      )}
    </div>
  );
}
