import { Alert, Button, Checkbox, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { type Ref, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeeAccount, FeeCharge, FeePayment, PaymentMethod } from '../../../contract/fees';
import { capitalAmount, minorDigits } from '../../../contract/money';
import { newIdempotencyKey } from '../../app/api';
import { useErrorText } from '../../components/errors';
import { applyServerErrors } from '../../components/formErrors';
import { enterKeys, NumberedConfirm } from '../../components/NumberedAction';
import { useFeeActions } from './api';
import { feeUnitText, PAYMENT_METHODS, toMajor, toMinor, useMoney } from './money';

interface PaymentValues {
  amount: number | null;
  method: PaymentMethod;
  payer: string;
  reference?: string;
}

/** R-FE-3: the oldest charges are paid first; what each charge would receive of an amount. */
export function oldestFirst(charges: readonly FeeCharge[], amount: number): Map<string, number> {
  const out = new Map<string, number>();
  let left = amount;
  for (const charge of charges) {
    if (left <= 0) break;
    const part = Math.min(left, charge.outstanding);
    if (part > 0) out.set(charge.id, part);
    left -= part;
  }
  return out;
}

/**
 * R-FE-2, R-FE-3: a payment at the counter. The amount defaults to all that is owed (a part is
 * allowed), the oldest charges paid first as shown line by line, unless the cashier chooses the
 * charges. A receipt's number is never given back, so Enter in a field does not take it: the
 * button or Ctrl+Enter asks first, naming the unit and the amount.
 */
export function TakePaymentForm({
  account,
  defaultPayer,
  onPaid,
  amountRef,
}: {
  account: FeeAccount;
  defaultPayer: string;
  onPaid: (payment: FeePayment) => void;
  amountRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const errorText = useErrorText();
  const actions = useFeeActions();
  const [form] = Form.useForm<PaymentValues>();
  const currency = account.currency;
  const owed = account.outstanding.reduce((sum, c) => sum + c.outstanding, 0);
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<Record<string, number | null>>({});
  const [pending, setPending] = useState<PaymentValues | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  // One key per form: a double click or a retry answers the same receipt, never a second number.
  const idempotencyKey = useRef(newIdempotencyKey());
  const typed = Form.useWatch('amount', form);
  const step = 1 / 10 ** minorDigits(currency);

  const chosenMinor = useMemo(
    () => Object.values(chosen).reduce<number>((sum, v) => sum + (v ? toMinor(v, currency) : 0), 0),
    [chosen, currency],
  );
  const amountMinor = choosing ? chosenMinor : toMinor(typed ?? 0, currency);
  const allocation = useMemo(
    () =>
      choosing
        ? new Map(Object.entries(chosen).flatMap(([id, v]) => (v ? [[id, toMinor(v, currency)] as const] : [])))
        : oldestFirst(account.outstanding, amountMinor),
    [choosing, chosen, account.outstanding, amountMinor, currency],
  );

  const labels = {
    amount: t('feeCounter.pay.amount'),
    method: t('feeCounter.pay.method'),
    payer: t('feeCounter.pay.payer'),
    reference: t('feeCounter.pay.reference'),
    allocations: t('feeCounter.pay.allocation'),
  };

  const submit = async (values: PaymentValues) => {
    setSubmitting(true);
    setAlert(null);
    try {
      const payment = await actions.takePayment(
        {
          unitId: account.unit.id,
          payer: values.payer.trim(),
          method: values.method,
          amount: amountMinor,
          reference: values.reference?.trim() ? values.reference.trim() : null,
          allocations: choosing ? [...allocation].map(([chargeId, amount]) => ({ chargeId, amount })) : undefined,
        },
        idempotencyKey.current,
      );
      idempotencyKey.current = newIdempotencyKey();
      onPaid(payment);
    } catch (error) {
      const { placed } = applyServerErrors(form, error, {
        labels,
        codeFields: { 'fee.overpaid': 'amount', 'fee.allocation_sum': 'amount' },
      });
      setAlert(placed > 0 ? t('form.fixFields') : errorText(error));
    } finally {
      setSubmitting(false);
      setPending(null);
    }
  };

  const columns = [
    {
      title: t('feeCounter.charge.description'),
      key: 'description',
      render: (_: unknown, c: FeeCharge) => (
        <Space size={4} wrap>
          <span>{c.description}</span>
          <Typography.Text type="secondary">{c.period ?? c.chargedOn}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('feeCounter.charge.outstanding'),
      key: 'outstanding',
      align: 'right' as const,
      render: (_: unknown, c: FeeCharge) => money(c.outstanding, currency),
    },
    {
      title: t('feeCounter.pay.allocated'),
      key: 'allocated',
      align: 'right' as const,
      render: (_: unknown, c: FeeCharge) =>
        choosing ? (
          <InputNumber
            min={0}
            max={toMajor(c.outstanding, currency)}
            step={step}
            precision={minorDigits(currency)}
            value={chosen[c.id] ?? null}
            onChange={(v) => setChosen((prev) => ({ ...prev, [c.id]: v }))}
            aria-label={t('feeCounter.pay.allocatedTo', { charge: c.description })}
            data-testid="fee-pay-choose-amount"
          />
        ) : (
          <span data-testid="fee-pay-allocated">{allocation.get(c.id) ? money(allocation.get(c.id) ?? 0, currency) : '—'}</span>
        ),
    },
  ];

  return (
    <>
      <Form<PaymentValues>
        form={form}
        name="fee-pay"
        layout="vertical"
        requiredMark="optional"
        initialValues={{ amount: toMajor(owed, currency), method: 'cash', payer: defaultPayer }}
        onFinish={(values) => {
          if (amountMinor <= 0) {
            form.setFields([{ name: 'amount', errors: [t('feeCounter.pay.amountPositive')] }]);
            return;
          }
          setPending(values);
        }}
        onKeyDown={enterKeys({ numbered: true, submit: () => form.submit() })}
        data-testid="fee-pay-form"
      >
        <Space wrap align="start" size={16}>
          <Form.Item
            name="amount"
            label={labels.amount}
            extra={t('feeCounter.pay.amountHelp', { owed: money(owed, currency) })}
            rules={choosing ? [] : [{ required: true, message: t('form.required', { field: labels.amount }) }]}
          >
            <InputNumber
              ref={amountRef as never}
              min={0}
              step={step}
              precision={minorDigits(currency)}
              disabled={choosing}
              style={{ width: 180 }}
              data-testid="fee-pay-amount"
            />
          </Form.Item>
          <Form.Item
            name="method"
            label={labels.method}
            rules={[{ required: true, message: t('form.required', { field: labels.method }) }]}
          >
            <Select
              style={{ width: 200 }}
              options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`feeCounter.methods.${m}`) }))}
              data-testid="fee-pay-method"
            />
          </Form.Item>
          <Form.Item
            name="payer"
            label={labels.payer}
            rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.payer }) }]}
          >
            <Input maxLength={100} style={{ width: 220 }} data-testid="fee-pay-payer" />
          </Form.Item>
          <Form.Item name="reference" label={labels.reference} extra={t('feeCounter.pay.referenceHelp')}>
            <Input maxLength={100} style={{ width: 220 }} data-testid="fee-pay-reference" />
          </Form.Item>
        </Space>
        <Checkbox
          checked={choosing}
          onChange={(e) => {
            setChoosing(e.target.checked);
            setChosen({});
          }}
          data-testid="fee-pay-choose"
        >
          {t('feeCounter.pay.choose')}
        </Checkbox>
        <Table<FeeCharge>
          size="small"
          rowKey="id"
          style={{ marginTop: 8, marginBottom: 12 }}
          pagination={false}
          columns={columns}
          dataSource={account.outstanding}
          data-testid="fee-pay-allocation"
          locale={{ emptyText: t('feeCounter.account.nothingOwed') }}
        />
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 12 }} data-testid="fee-pay-error" />}
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }} wrap>
          <Typography.Text type="secondary">{t('numbered.keys')}</Typography.Text>
          <Typography.Text strong data-testid="fee-pay-total">
            {t('feeCounter.pay.total', { amount: money(amountMinor, currency) })}
          </Typography.Text>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="fee-pay-submit">
            {t('feeCounter.pay.submit')}
          </Button>
        </Space>
      </Form>
      <NumberedConfirm
        testId="fee-pay-confirm"
        loading={submitting}
        confirmation={
          pending
            ? {
                title: t('feeCounter.pay.confirmTitle'),
                content: (
                  <>
                    <Typography.Paragraph data-testid="fee-pay-confirm-text">
                      {t('feeCounter.pay.confirmBody', {
                        unit: feeUnitText(account.unit),
                        amount: money(amountMinor, currency),
                        method: t(`feeCounter.methods.${pending.method}`),
                        payer: pending.payer,
                      })}
                    </Typography.Paragraph>
                    <Typography.Paragraph strong>{capitalAmount(amountMinor, currency)}</Typography.Paragraph>
                    <Typography.Paragraph type="secondary">{t('feeCounter.pay.confirmHelp')}</Typography.Paragraph>
                  </>
                ),
                okText: t('feeCounter.pay.confirmOk'),
              }
            : null
        }
        onCancel={() => setPending(null)}
        onOk={() => {
          if (pending) void submit(pending);
        }}
      />
    </>
  );
}
