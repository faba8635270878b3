import { EditOutlined, RiseOutlined, StopOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  CreateFeeItemBody,
  FeeBasis,
  FeeItem,
  NewFeeRate,
  NewFeeRateBody,
  RetireFeeItemBody,
  UpdateFeeItemBody,
} from '../../contract/fees';
import { ApiError, api, type Page, type QueryParams } from '../app/api';
import { useCan, useEstate } from '../app/session';
import { DATE_FORMAT } from '../app/time';
import { FormModal } from '../components/FormModal';
import { CreateButton, FilterSelect, ListTable } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { SearchBox } from '../components/SearchBox';
import { useListParams } from '../components/useListParams';
import { useEstateRecord } from '../features/directory/api';

type CreateInput = z.input<typeof CreateFeeItemBody>;
type UpdateInput = z.input<typeof UpdateFeeItemBody>;
type RateInput = z.input<typeof NewFeeRateBody>;
type RetireInput = z.input<typeof RetireFeeItemBody>;

const BASES: readonly FeeBasis[] = ['per_m2_month', 'per_unit_month', 'per_use', 'fixed'];
const FILTERS = ['basis', 'inForceOn'] as const;
const isBasis = (value: string | undefined): value is FeeBasis => BASES.some((b) => b === value);
const isDay = (value: string | undefined): value is string => Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value));

interface ItemValues {
  code: string;
  name: string;
  nameEn?: string;
  basis: FeeBasis;
  amount: number;
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
  approvalRef?: string;
  notes?: string;
}

interface RateValues {
  effectiveFrom: Dayjs;
  amount: number;
  approvalRef?: string;
  notes?: string;
}

const feeKeys = {
  all: (estateId: string) => ['estate', estateId, 'feeItems'] as const,
  list: (estateId: string, params: QueryParams) => ['estate', estateId, 'feeItems', 'list', params] as const,
};

/** The currency's minor-unit digits (2 for HKD, 0 for JPY), as Intl knows them. */
function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

const toMinor = (amount: number, currency: string) => Math.round(amount * 10 ** minorDigits(currency));
const toMajor = (rate: number, currency: string) => rate / 10 ** minorDigits(currency);
const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);
const day = (value: Dayjs | null | undefined) => (value ? value.format(DATE_FORMAT) : null);

/**
 * The period an overlap refusal names, put into its details so the sentence on the field names it
 * (the server answers `details.overlaps`).
 */
function withOverlapPeriod(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.code !== 'conflict.overlap') return error;
  const overlaps = error.details.overlaps as { effectiveFrom?: string; effectiveTo?: string | null } | undefined;
  const period = `${overlaps?.effectiveFrom ?? ''} – ${overlaps?.effectiveTo ?? '…'}`;
  return new ApiError(error.status, error.code, error.message, { ...error.details, period });
}

/** R-FE-1: the estate's fee items, each rate in force over a period, with a new rate from a day. */
export default function FeeItemsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const estate = useEstate();
  const can = useCan();
  const mayWrite = can('fee.write');
  const queryClient = useQueryClient();
  const list = useListParams('name', FILTERS);
  const { params, update } = list;
  const basis = isBasis(params.filters.basis) ? params.filters.basis : undefined;
  const inForceOn = isDay(params.filters.inForceOn) ? params.filters.inForceOn : undefined;
  const query = { page: params.page, pageSize: params.pageSize, q: params.q || undefined, basis, inForceOn };
  const items = useQuery({
    queryKey: feeKeys.list(estate.id, query),
    queryFn: ({ signal }) => api.get<Page<FeeItem>>(`/estates/${estate.id}/fee-items`, query, signal),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<FeeItem | 'new' | null>(null);
  const [raising, setRaising] = useState<FeeItem | null>(null);
  const [retiring, setRetiring] = useState<FeeItem | null>(null);
  const current = editing === 'new' ? null : editing;
  const onSearch = useCallback((q: string) => update({ q }), [update]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: feeKeys.all(estate.id) });
  const estateRecord = useEstateRecord();
  /** A period keeps the currency it was set in; a new one takes the estate's. */
  const currencyOf = (item: FeeItem | null) => item?.currency ?? estateRecord.data?.policy.currency ?? 'HKD';

  const money = (rate: number, currency: string) =>
    new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(toMajor(rate, currency));
  const itemName = (item: FeeItem) => (i18n.language === 'en' && item.nameEn ? item.nameEn : item.name);

  const labels = {
    code: t('fees.code'),
    name: t('fees.name'),
    nameEn: t('fees.nameEn'),
    basis: t('fees.basis'),
    amount: t('fees.rate'),
    rate: t('fees.rate'),
    effectiveFrom: t('fees.effectiveFrom'),
    effectiveTo: t('fees.effectiveTo'),
    approvalRef: t('fees.approvalRef'),
    notes: t('fees.notes'),
  };
  const required = (label: string) => [{ required: true, message: t('form.required', { field: label }) }];

  const columns: TableColumnsType<FeeItem> = [
    {
      title: t('fees.name'),
      key: 'name',
      render: (_, r) => (
        <Space size={4} wrap>
          <Typography.Text strong delete={r.retired}>
            {itemName(r)}
          </Typography.Text>
          {/* An item code is an identifier, in no language. */}
          <Typography.Text type="secondary" lang="zxx">
            {r.code}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('fees.basis'), dataIndex: 'basis', key: 'basis', render: (b: FeeBasis) => t(`fees.bases.${b}`) },
    {
      title: t('fees.rate'),
      key: 'rate',
      align: 'right',
      render: (_, r) => <span data-testid="fee-rate">{t(`fees.rateWithBasis.${r.basis}`, { amount: money(r.rate, r.currency) })}</span>,
    },
    {
      title: t('fees.period'),
      key: 'period',
      render: (_, r) => (
        <span data-testid="fee-period">
          {r.effectiveTo
            ? t('fees.periodClosed', { from: r.effectiveFrom, to: r.effectiveTo })
            : t('fees.periodOpen', { from: r.effectiveFrom })}
        </span>
      ),
    },
    {
      title: t('fees.approvalRef'),
      dataIndex: 'approvalRef',
      key: 'approvalRef',
      render: (a: string | null) => a ?? '—',
    },
    {
      title: t('fees.status'),
      key: 'status',
      render: (_, r) => (r.retired ? <Tag>{t('fees.retired')}</Tag> : null),
    },
    ...(mayWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: FeeItem) =>
              r.retired ? null : (
                <Space>
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid="fee-edit">
                    {t('common.edit')}
                  </Button>
                  <Button size="small" icon={<RiseOutlined />} onClick={() => setRaising(r)} data-testid="fee-new-rate">
                    {t('fees.newRate')}
                  </Button>
                  <Button size="small" danger icon={<StopOutlined />} onClick={() => setRetiring(r)} data-testid="fee-retire">
                    {t('fees.retire')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  const formCurrency = currencyOf(current);
  const raisingCurrency = currencyOf(raising);

  return (
    <>
      <PageHeader
        title={t('fees.title')}
        extra={
          mayWrite && (
            <CreateButton testId="fee-items-create" onClick={() => setEditing('new')}>
              {t('fees.create')}
            </CreateButton>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('fees.intro')}</Typography.Paragraph>
      <div className="ed-toolbar">
        <SearchBox value={params.q} placeholder={t('fees.searchPlaceholder')} onSearch={onSearch} />
        <FilterSelect
          list={list}
          name="basis"
          value={basis}
          minWidth={170}
          label={t('fees.basis')}
          placeholder={t('fees.allBases')}
          options={BASES.map((b) => ({ value: b, label: t(`fees.bases.${b}`) }))}
          data-testid="filter-basis"
        />
        <DatePicker
          format={DATE_FORMAT}
          aria-label={t('fees.inForceOn')}
          placeholder={t('fees.inForceOn')}
          value={inForceOn ? dayjs(inForceOn) : null}
          onChange={(value: Dayjs | null) =>
            update({ filters: { ...params.filters, inForceOn: value ? value.format(DATE_FORMAT) : undefined } })
          }
          data-testid="filter-in-force-on"
        />
      </div>
      <ListTable
        testId="fee-items-table"
        list={list}
        query={items}
        columns={columns}
        emptyText={params.q || basis || inForceOn ? t('table.noMatch') : t('fees.empty')}
      />
      <FormModal<ItemValues>
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={current ? t('fees.editTitle', { name: current.name }) : t('fees.createTitle')}
        testId="fee-form"
        labels={labels}
        aliases={{ rate: 'amount' }}
        initialValues={
          current
            ? {
                code: current.code,
                name: current.name,
                nameEn: current.nameEn ?? undefined,
                basis: current.basis,
                amount: toMajor(current.rate, current.currency),
                effectiveFrom: dayjs(current.effectiveFrom),
                effectiveTo: current.effectiveTo ? dayjs(current.effectiveTo) : null,
                approvalRef: current.approvalRef ?? undefined,
                notes: current.notes ?? undefined,
              }
            : { basis: 'per_m2_month' }
        }
        onSubmit={async (values) => {
          const common = {
            name: values.name.trim(),
            nameEn: orNull(values.nameEn),
            effectiveFrom: values.effectiveFrom.format(DATE_FORMAT),
            effectiveTo: day(values.effectiveTo),
            approvalRef: orNull(values.approvalRef),
            notes: orNull(values.notes),
          };
          try {
            const saved = current
              ? await api.patch<FeeItem>(`/fee-items/${current.id}`, common satisfies UpdateInput)
              : await api.post<FeeItem>(`/estates/${estate.id}/fee-items`, {
                  ...common,
                  code: values.code.trim(),
                  basis: values.basis,
                  rate: toMinor(values.amount, formCurrency),
                } satisfies CreateInput);
            message.success(t('fees.saved', { name: saved.name }));
          } catch (error) {
            throw withOverlapPeriod(error);
          }
          await refresh();
        }}
      >
        <Form.Item name="code" label={labels.code} extra={t('fees.codeHelp')} rules={required(labels.code)}>
          <Input maxLength={32} disabled={Boolean(current)} autoFocus={!current} data-testid="fee-form-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={labels.name}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.name }) }]}
        >
          <Input maxLength={100} data-testid="fee-form-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={labels.nameEn}>
          <Input maxLength={100} data-testid="fee-form-name-en" />
        </Form.Item>
        <Form.Item name="basis" label={labels.basis} rules={required(labels.basis)}>
          <Select
            disabled={Boolean(current)}
            options={BASES.map((b) => ({ value: b, label: t(`fees.bases.${b}`) }))}
            data-testid="fee-form-basis"
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={labels.amount}
          extra={current ? t('fees.rateFixedHelp') : undefined}
          rules={required(labels.amount)}
        >
          <InputNumber
            min={0}
            precision={minorDigits(formCurrency)}
            disabled={Boolean(current)}
            prefix={formCurrency}
            style={{ width: 200 }}
            data-testid="fee-form-amount"
          />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={labels.effectiveFrom} rules={required(labels.effectiveFrom)}>
          <DatePicker format={DATE_FORMAT} data-testid="fee-form-from" />
        </Form.Item>
        <Form.Item name="effectiveTo" label={labels.effectiveTo} extra={t('fees.effectiveToHelp')}>
          <DatePicker format={DATE_FORMAT} data-testid="fee-form-to" />
        </Form.Item>
        <Form.Item name="approvalRef" label={labels.approvalRef} extra={t('fees.approvalRefHelp')}>
          <Input maxLength={100} data-testid="fee-form-approval" />
        </Form.Item>
        <Form.Item name="notes" label={labels.notes}>
          <Input.TextArea maxLength={500} rows={2} data-testid="fee-form-notes" />
        </Form.Item>
      </FormModal>
      <FormModal<RateValues>
        open={raising !== null}
        onClose={() => setRaising(null)}
        title={raising ? t('fees.newRateTitle', { name: raising.name }) : ''}
        testId="fee-rate-form"
        labels={labels}
        aliases={{ rate: 'amount' }}
        submitText={t('fees.newRateSubmit')}
        onSubmit={async (values) => {
          if (!raising) return;
          try {
            const started = await api.post<NewFeeRate>(`/fee-items/${raising.id}/new-rate`, {
              effectiveFrom: values.effectiveFrom.format(DATE_FORMAT),
              rate: toMinor(values.amount, raisingCurrency),
              approvalRef: orNull(values.approvalRef),
              notes: orNull(values.notes),
            } satisfies RateInput);
            message.success(
              t('fees.newRateDone', { name: started.current.name, from: started.current.effectiveFrom, to: started.previous.effectiveTo }),
            );
          } catch (error) {
            throw withOverlapPeriod(error);
          }
          await refresh();
        }}
      >
        <Typography.Paragraph type="secondary">{t('fees.newRateHelp')}</Typography.Paragraph>
        <Form.Item name="effectiveFrom" label={labels.effectiveFrom} rules={required(labels.effectiveFrom)}>
          <DatePicker format={DATE_FORMAT} autoFocus data-testid="fee-rate-from" />
        </Form.Item>
        <Form.Item name="amount" label={labels.amount} rules={required(labels.amount)}>
          <InputNumber
            min={0}
            precision={minorDigits(raisingCurrency)}
            prefix={raisingCurrency}
            style={{ width: 200 }}
            data-testid="fee-rate-amount"
          />
        </Form.Item>
        <Form.Item name="approvalRef" label={labels.approvalRef}>
          <Input maxLength={100} data-testid="fee-rate-approval" />
        </Form.Item>
        <Form.Item name="notes" label={labels.notes}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </FormModal>
      <FormModal<{ lastDay: Dayjs }>
        open={retiring !== null}
        onClose={() => setRetiring(null)}
        title={retiring ? t('fees.retireTitle', { name: retiring.name }) : ''}
        testId="fee-retire-form"
        labels={{ lastDay: t('fees.lastDay') }}
        submitText={t('fees.retire')}
        initialValues={retiring?.effectiveTo ? { lastDay: dayjs(retiring.effectiveTo) } : {}}
        onSubmit={async (values) => {
          if (!retiring) return;
          const retired = await api.post<FeeItem>(`/fee-items/${retiring.id}/retire`, {
            lastDay: values.lastDay.format(DATE_FORMAT),
          } satisfies RetireInput);
          message.success(t('fees.retireDone', { name: retired.name, to: retired.effectiveTo }));
          await refresh();
        }}
      >
        <Typography.Paragraph type="secondary">{t('fees.retireHelp')}</Typography.Paragraph>
        <Form.Item name="lastDay" label={t('fees.lastDay')} rules={required(t('fees.lastDay'))}>
          <DatePicker format={DATE_FORMAT} autoFocus data-testid="fee-retire-last-day" />
        </Form.Item>
      </FormModal>
    </>
  );
}
