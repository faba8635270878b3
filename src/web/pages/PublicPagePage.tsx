import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, List, Modal, Popconfirm, Segmented, Skeleton, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useEstate } from '../app/session';
import { useEstateTime } from '../app/time';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { AnnouncementsCard } from '../features/publicpage/AnnouncementsCard';
import {
  PAGE_LANGS,
  type PageContent,
  type PageLang,
  type PublicPageVersion,
  publicPageApi,
  publicPageKeys,
} from '../features/publicpage/api';
import { translateOr } from '../i18n';

const TEXTS = ['officeHours', 'repairProcedure', 'complaintProcedure', 'notes'] as const;

/** The label of a changed field of a version (`content.repairProcedure.en`, `policy.followUpHours.leak`), a key made from server data. */
function fieldLabel(field: string): string {
  const [part, name = '', sub] = field.split('.');
  if (part === 'policy') return translateOr(`publicPage.policyFields.${sub ? `${name}.${sub}` : name}`, field);
  const label = translateOr(`publicPage.fields.${name}`, field);
  return sub ? `${label} (${translateOr(`publicPage.langs.${sub}`, sub)})` : label;
}

function VersionsCard({ estateId, address }: { estateId: string; address: string }) {
  const { t } = useTranslation();
  const label = fieldLabel;
  const time = useEstateTime();
  const versions = useQuery({ queryKey: publicPageKeys.versions(estateId), queryFn: () => publicPageApi.versions(estateId) });
  const show = (field: string, value: string) =>
    field.startsWith('policy.') ? t('publicPage.hours', { count: Number(value) }) : value === '' ? '—' : value;
  return (
    <Card size="small" title={t('publicPage.versions')} data-testid="public-page-versions">
      <List<PublicPageVersion>
        loading={versions.isLoading}
        dataSource={versions.data?.items ?? []}
        locale={{ emptyText: t('publicPage.noVersions') }}
        renderItem={(v) => (
          <List.Item data-testid="public-page-version">
            <List.Item.Meta
              title={
                <a href={`${address}/versions/${v.number}`} target="_blank" rel="noreferrer">
                  {t('publicPage.versionTitle', { number: v.number, at: time.format(v.publishedAt), by: v.publishedBy })}
                </a>
              }
              description={
                v.changes.length === 0 ? (
                  t('publicPage.firstVersion')
                ) : (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {v.changes.map((c) => (
                      <li key={c.field}>
                        {t('publicPage.change', { field: label(c.field), before: show(c.field, c.before), after: show(c.field, c.after) })}
                      </li>
                    ))}
                  </ul>
                )
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** R-PB-1: the estate's public page: its texts in three languages, announcements, preview, publication and versions. */
export default function PublicPagePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const estate = useEstate();
  const can = useCan();
  const mayWrite = can('publicpage.write');
  const mayPublish = can('publicpage.publish');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PageContent>();
  const [saving, setSaving] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [preview, setPreview] = useState<{ lang: PageLang; html: string } | null>(null);
  const draft = useQuery({ queryKey: publicPageKeys.draft(estate.id), queryFn: () => publicPageApi.draft(estate.id) });

  useEffect(() => {
    if (draft.data) form.setFieldsValue(draft.data.content);
  }, [draft.data, form]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: publicPageKeys.all(estate.id) });

  const save = async (): Promise<boolean> => {
    setSaving(true);
    try {
      const values = await form.validateFields();
      await publicPageApi.save(estate.id, values);
      message.success(t('publicPage.saved'));
      await refresh();
      return true;
    } catch (err) {
      if (err instanceof Error) message.error(errorText(err));
      return false;
    } finally {
      setSaving(false);
    }
  };

  const showPreview = async (lang: PageLang) => {
    if (mayWrite && form.isFieldsTouched() && !(await save())) return;
    try {
      const { html } = await publicPageApi.preview(estate.id, lang);
      setPreview({ lang, html });
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const publish = async () => {
    setPublishing(true);
    try {
      if (form.isFieldsTouched() && !(await save())) return;
      const version = await publicPageApi.publish(estate.id);
      message.success(t('publicPage.published', { number: version.number }));
      form.resetFields();
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setPublishing(false);
    }
  };

  if (!draft.data) return draft.isError ? <Alert type="error" message={errorText(draft.error)} /> : <Skeleton active />;
  const address = draft.data.address;

  return (
    <>
      <PageHeader
        title={t('publicPage.title')}
        extra={
          <Space wrap>
            <Button onClick={() => void showPreview('zh-Hant')} data-testid="public-page-preview">
              {t('publicPage.preview')}
            </Button>
            {mayWrite && (
              <Button onClick={() => void save()} loading={saving} data-testid="public-page-save">
                {t('publicPage.save')}
              </Button>
            )}
            {mayPublish && (
              <Popconfirm
                title={t('publicPage.publishConfirm')}
                okText={t('publicPage.publish')}
                cancelText={t('common.cancel')}
                onConfirm={() => publish()}
              >
                <Button type="primary" loading={publishing} data-testid="public-page-publish">
                  {t('publicPage.publish')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        <span title="R-PB-1">{t('publicPage.intro')}</span>{' '}
        <a href={address} target="_blank" rel="noreferrer" data-testid="public-page-address">
          {`${window.location.origin}${address}`}
        </a>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="public-page-status">
        {draft.data.publishedVersion === null
          ? t('publicPage.neverPublished')
          : t('publicPage.lastPublished', { number: draft.data.publishedVersion })}
      </Typography.Paragraph>
      <Card size="small" title={t('publicPage.contents')} style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" disabled={!mayWrite}>
          <Space wrap>
            <Form.Item name="phone" label={t('publicPage.fields.phone')}>
              <Input maxLength={40} style={{ width: 200 }} data-testid="public-page-phone" />
            </Form.Item>
            <Form.Item name="hotline" label={t('publicPage.fields.hotline')}>
              <Input maxLength={40} style={{ width: 200 }} data-testid="public-page-hotline" />
            </Form.Item>
          </Space>
          <Typography.Paragraph type="secondary">{t('publicPage.timesNote')}</Typography.Paragraph>
          <Tabs
            items={PAGE_LANGS.map((lang) => ({
              key: lang,
              label: <span data-testid={`public-page-tab-${lang}`}>{t(`publicPage.langs.${lang}`)}</span>,
              forceRender: true,
              children: TEXTS.map((field) => (
                <Form.Item key={field} name={[field, lang]} label={t(`publicPage.fields.${field}`)}>
                  <Input.TextArea rows={field === 'officeHours' ? 2 : 4} maxLength={2000} data-testid={`public-page-${field}-${lang}`} />
                </Form.Item>
              )),
            }))}
          />
        </Form>
      </Card>
      <AnnouncementsCard estateId={estate.id} mayWrite={mayWrite} />
      <VersionsCard estateId={estate.id} address={address} />
      <Modal
        open={preview !== null}
        title={t('publicPage.preview')}
        onCancel={() => setPreview(null)}
        footer={null}
        width={860}
        destroyOnHidden
      >
        {preview && (
          <>
            <Segmented<PageLang>
              value={preview.lang}
              onChange={(lang) => void showPreview(lang)}
              options={PAGE_LANGS.map((lang) => ({ value: lang, label: t(`publicPage.langs.${lang}`) }))}
              style={{ marginBottom: 8 }}
            />
            <iframe
              title={t('publicPage.preview')}
              srcDoc={preview.html}
              sandbox=""
              style={{ width: '100%', height: '60vh', border: '1px solid #ddd' }}
              data-testid="public-page-preview-frame"
            />
          </>
        )}
      </Modal>
    </>
  );
}
