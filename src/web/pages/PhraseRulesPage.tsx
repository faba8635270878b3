import { EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CreatePhraseRuleBody, PhraseMatchMode, PhraseRule, PhraseScope, UpdatePhraseRuleBody } from '../../contract/phrases';
import { api, type Page, type QueryParams } from '../app/api';
import { useCan, useCanInCompany, useEstate } from '../app/session';
import { useErrorText } from '../components/errors';
import { FormModal } from '../components/FormModal';
import { CreateButton, FilterSelect, ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { SearchBox } from '../components/SearchBox';
import { useListParams } from '../components/useListParams';
import { PhraseCheckedTextArea } from '../features/phrases/PhraseCheckedTextArea';

type PhraseLocale = PhraseRule['locale'];
type CreateInput = z.input<typeof CreatePhraseRuleBody>;
type UpdateInput = z.input<typeof UpdatePhraseRuleBody>;

const LOCALES: readonly PhraseLocale[] = ['zh-Hant', 'zh-Hans', 'en'];
const MATCH_MODES: readonly PhraseMatchMode[] = ['anywhere', 'start'];
const SCOPES: readonly PhraseScope[] = ['estate', 'company'];
const FILTERS = ['locale', 'scope'] as const;

interface RuleValues {
  locale: PhraseLocale;
  avoid: string;
  suggestion: string;
  match: PhraseMatchMode;
  note?: string;
  pattern?: string;
  replacement?: string;
  scope: PhraseScope;
}

const isLocale = (value: string | undefined): value is PhraseLocale => LOCALES.some((l) => l === value);
const isScope = (value: string | undefined): value is PhraseScope => SCOPES.some((s) => s === value);

/** Query keys start with the estate, like the directory's, so another estate's guide is never shown. */
const phraseKeys = {
  rules: (estateId: string) => ['estate', estateId, 'phraseRules'] as const,
  list: (estateId: string, params: QueryParams) => ['estate', estateId, 'phraseRules', 'list', params] as const,
};

/** R-WD-1: the phrase guide of the estate: the company's pairs and the estate's own, with a box to try it. */
export default function PhraseRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const estate = useEstate();
  const can = useCan();
  const canInCompany = useCanInCompany();
  const mayWriteCompany = canInCompany('phrase.company.write');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const list = useListParams('avoid', FILTERS);
  const { params, update } = list;
  const locale = isLocale(params.filters.locale) ? params.filters.locale : undefined;
  const scope = isScope(params.filters.scope) ? params.filters.scope : undefined;
  const query = { page: params.page, pageSize: params.pageSize, q: params.q || undefined, locale, scope };
  const rules = useQuery({
    queryKey: phraseKeys.list(estate.id, query),
    queryFn: ({ signal }) => api.get<Page<PhraseRule>>(`/estates/${estate.id}/phrase-rules`, query, signal),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<PhraseRule | 'new' | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [trial, setTrial] = useState('');
  const current = editing === 'new' ? null : editing;
  const onSearch = useCallback((q: string) => update({ q }), [update]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: phraseKeys.rules(estate.id) });

  const labels = {
    locale: t('phrases.locale'),
    avoid: t('phrases.avoid'),
    suggestion: t('phrases.suggestion'),
    match: t('phrases.match'),
    note: t('phrases.note'),
    pattern: t('phrases.pattern'),
    replacement: t('phrases.replacement'),
    scope: t('phrases.scope'),
  };

  /** A manager changes the estate's rules (`phrase.write`); the company's only an admin (`phrase.company.write`). */
  const mayChange = (rule: PhraseRule) => (rule.scope === 'company' ? mayWriteCompany : can('phrase.write'));

  const setDisabled = async (rule: PhraseRule, disabled: boolean) => {
    setBusyId(rule.id);
    try {
      const body: UpdateInput = { disabled };
      await api.patch<PhraseRule>(`/phrase-rules/${rule.id}`, body);
      message.success(t(disabled ? 'phrases.disabledDone' : 'phrases.enabledDone', { avoid: rule.avoid }));
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusyId(null);
    }
  };

  const columns: TableColumnsType<PhraseRule> = [
    {
      title: t('phrases.avoid'),
      key: 'avoid',
      render: (_, r) => (
        <Space size={4} wrap>
          <Typography.Text delete={r.disabled} strong>
            {r.avoid}
          </Typography.Text>
          {r.match === 'start' && <Tag>{t('phrases.matchModes.start')}</Tag>}
        </Space>
      ),
    },
    { title: t('phrases.suggestion'), dataIndex: 'suggestion', key: 'suggestion' },
    {
      title: t('phrases.locale'),
      dataIndex: 'locale',
      key: 'locale',
      width: 120,
      render: (l: PhraseLocale) => t(`phrases.locales.${l}`),
    },
    {
      title: t('phrases.scope'),
      dataIndex: 'scope',
      key: 'scope',
      width: 110,
      render: (s: PhraseScope) => <Tag color={s === 'company' ? 'blue' : 'green'}>{t(`phrases.scopes.${s}`)}</Tag>,
    },
    {
      title: t('phrases.note'),
      dataIndex: 'note',
      key: 'note',
      render: (n: string | null) => (n ? <Typography.Text type="secondary">{n}</Typography.Text> : '—'),
    },
    {
      title: t('phrases.status'),
      key: 'status',
      width: 100,
      render: (_, r) => (r.disabled ? <Tag>{t('phrases.disabled')}</Tag> : <Tag color="success">{t('phrases.enabled')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        mayChange(r) ? (
          <Space>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid="phrase-rule-edit">
              {t('common.edit')}
            </Button>
            {r.disabled ? (
              <Button
                size="small"
                icon={<UndoOutlined />}
                loading={busyId === r.id}
                onClick={() => void setDisabled(r, false)}
                data-testid="phrase-rule-enable"
              >
                {t('phrases.enable')}
              </Button>
            ) : (
              <Popconfirm
                title={t('phrases.disableConfirmTitle')}
                description={t('phrases.disableConfirm', { avoid: r.avoid })}
                okText={t('phrases.disable')}
                cancelText={t('common.cancel')}
                onConfirm={() => setDisabled(r, true)}
              >
                <Button size="small" danger icon={<StopOutlined />} loading={busyId === r.id} data-testid="phrase-rule-disable">
                  {t('phrases.disable')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('phrases.title')}
        extra={
          (can('phrase.write') || mayWriteCompany) && (
            <CreateButton testId="phrase-rules-create" onClick={() => setEditing('new')}>
              {t('phrases.create')}
            </CreateButton>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('phrases.intro')}</Typography.Paragraph>
      <Card size="small" title={t('phrases.tryTitle')} style={{ marginBottom: 16 }}>
        <PhraseCheckedTextArea
          estateId={estate.id}
          value={trial}
          onChange={setTrial}
          rows={3}
          placeholder={t('phrases.tryPlaceholder')}
          data-testid="phrase-try"
        />
      </Card>
      <div className="ed-toolbar">
        <SearchBox value={params.q} placeholder={t('phrases.searchPlaceholder')} onSearch={onSearch} />
        <FilterSelect
          list={list}
          name="locale"
          value={locale}
          minWidth={150}
          label={t('phrases.locale')}
          placeholder={t('phrases.allLocales')}
          options={LOCALES.map((l) => ({ value: l, label: t(`phrases.locales.${l}`) }))}
          data-testid="filter-locale"
        />
        <FilterSelect
          list={list}
          name="scope"
          value={scope}
          minWidth={150}
          label={t('phrases.scope')}
          placeholder={t('phrases.allScopes')}
          options={SCOPES.map((s) => ({ value: s, label: t(`phrases.scopes.${s}`) }))}
          data-testid="filter-scope"
        />
      </div>
      <ListTable
        testId="phrase-rules-table"
        list={list}
        query={rules}
        columns={columns}
        emptyText={params.q || locale || scope ? t('table.noMatch') : t('phrases.empty')}
      />
      <FormModal<RuleValues>
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={current ? t('phrases.editTitle', { avoid: current.avoid }) : t('phrases.createTitle')}
        testId="phrase-rule-form"
        labels={labels}
        initialValues={
          current
            ? {
                locale: current.locale,
                avoid: current.avoid,
                suggestion: current.suggestion,
                match: current.match,
                note: current.note ?? undefined,
                pattern: current.pattern ?? undefined,
                replacement: current.replacement ?? undefined,
                scope: current.scope,
              }
            : { locale: 'zh-Hant', match: 'anywhere', scope: 'estate' }
        }
        onSubmit={async (values) => {
          const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);
          const pattern = orNull(values.pattern);
          const common = {
            locale: values.locale,
            avoid: values.avoid.trim(),
            suggestion: values.suggestion.trim(),
            match: values.match,
            note: orNull(values.note),
            pattern,
            replacement: pattern ? orNull(values.replacement) : null,
          };
          const saved = current
            ? await api.patch<PhraseRule>(`/phrase-rules/${current.id}`, common satisfies UpdateInput)
            : await api.post<PhraseRule>(`/estates/${estate.id}/phrase-rules`, {
                ...common,
                scope: mayWriteCompany ? values.scope : 'estate',
              } satisfies CreateInput);
          message.success(t('phrases.saved', { avoid: saved.avoid }));
          await refresh();
        }}
      >
        <Form.Item name="locale" label={labels.locale} rules={[{ required: true, message: t('form.required', { field: labels.locale }) }]}>
          <Select options={LOCALES.map((l) => ({ value: l, label: t(`phrases.locales.${l}`) }))} data-testid="phrase-rule-form-locale" />
        </Form.Item>
        <Form.Item
          name="avoid"
          label={labels.avoid}
          extra={t('phrases.avoidHelp')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.avoid }) }]}
        >
          <Input maxLength={100} autoFocus data-testid="phrase-rule-form-avoid" />
        </Form.Item>
        <Form.Item
          name="suggestion"
          label={labels.suggestion}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.suggestion }) }]}
        >
          <Input.TextArea maxLength={300} rows={2} data-testid="phrase-rule-form-suggestion" />
        </Form.Item>
        <Form.Item name="match" label={labels.match} extra={t('phrases.matchHelp')}>
          <Select options={MATCH_MODES.map((m) => ({ value: m, label: t(`phrases.matchModes.${m}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={labels.note}>
          <Input.TextArea maxLength={300} rows={2} data-testid="phrase-rule-form-note" />
        </Form.Item>
        <Form.Item name="pattern" label={labels.pattern} extra={t('phrases.patternHelp')}>
          <Input maxLength={500} data-testid="phrase-rule-form-pattern" />
        </Form.Item>
        <Form.Item name="replacement" label={labels.replacement} extra={t('phrases.replacementHelp')}>
          <Input.TextArea maxLength={300} rows={2} data-testid="phrase-rule-form-replacement" />
        </Form.Item>
        {mayWriteCompany && !current && (
          <Form.Item name="scope" label={labels.scope} extra={t('phrases.scopeHelp')}>
            <Select options={SCOPES.map((s) => ({ value: s, label: t(`phrases.scopes.${s}`) }))} />
          </Form.Item>
        )}
      </FormModal>
    </>
  );
}
