import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeeAccount } from '../../../contract/fees';
import { minorDigits } from '../../../contract/money';
import { useCan } from '../../app/session';
import { useEstateTime } from '../../app/time';
import { FormModal } from '../../components/FormModal';
import { useChargeableItems, useFeeActions } from './api';
import { toMinor, useMoney } from './money';

interface ChargeValues {
  feeItemId?: string;
  quantity?: number;
  amount?: number | null;
  description?: string;
}

/**
 * R-FE-3: a one-off charge at the counter: a per-use item (a parking card, a key copy) times a
 * quantity. A manager (fee.charge) may also charge a fixed item or an amount of its own, such as
 * a paid repair, with what it is for.
 */
export function OneOffChargeButton({ account }: { account: FeeAccount }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const time = useEstateTime();
  const money = useMoney();
  const actions = useFeeActions();
  const [open, setOpen] = useState(false);
  const manager = can('fee.charge');
  const today = time.format(new Date().toISOString(), 'YYYY-MM-DD');
  const items = useChargeableItems(today, open);
  if (!can('fee.charge.oneoff')) return null;
  const chargeable = (items.data?.items ?? []).filter((i) => !i.retired && (i.basis === 'per_use' || (manager && i.basis === 'fixed')));
  const labels = {
    feeItemId: t('feeCounter.oneOff.item'),
    quantity: t('feeCounter.oneOff.quantity'),
    amount: t('feeCounter.oneOff.amount'),
    description: t('feeCounter.oneOff.description'),
  };
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="fee-oneoff">
        {t('feeCounter.oneOff.button')}
      </Button>
      <FormModal<ChargeValues>
        open={open}
        onClose={() => setOpen(false)}
        title={t('feeCounter.oneOff.title')}
        testId="fee-oneoff-form"
        labels={labels}
        codeFields={{ 'fee.item_not_in_force': 'feeItemId', 'fee.monthly_item': 'feeItemId' }}
        initialValues={{ quantity: 1 }}
        submitText={t('feeCounter.oneOff.submit')}
        onSubmit={async (v) => {
          const ownAmount = manager && v.amount ? toMinor(v.amount, account.currency) : undefined;
          const charge = await actions.addCharge({
            unitId: account.unit.id,
            feeItemId: ownAmount === undefined ? v.feeItemId : undefined,
            quantity: v.quantity ?? 1,
            amount: ownAmount,
            description: v.description?.trim() ? v.description.trim() : undefined,
          });
          message.success(t('feeCounter.oneOff.done', { description: charge.description, amount: money(charge.amount, charge.currency) }));
        }}
      >
        <Form.Item name="feeItemId" label={labels.feeItemId}>
          <Select
            allowClear
            loading={items.isPending}
            options={chargeable.map((i) => ({
              value: i.id,
              label: `${i18n.language === 'en' && i.nameEn ? i.nameEn : i.name} · ${money(i.rate, i.currency)}`,
            }))}
            data-testid="fee-oneoff-item"
          />
        </Form.Item>
        <Form.Item name="quantity" label={labels.quantity}>
          <InputNumber min={1} max={1000} precision={0} data-testid="fee-oneoff-quantity" />
        </Form.Item>
        {manager && (
          <Form.Item name="amount" label={labels.amount} extra={t('feeCounter.oneOff.amountHelp')}>
            <InputNumber min={0} precision={minorDigits(account.currency)} data-testid="fee-oneoff-amount" />
          </Form.Item>
        )}
        <Form.Item name="description" label={labels.description}>
          <Input maxLength={200} data-testid="fee-oneoff-description" />
        </Form.Item>
      </FormModal>
    </>
  );
}
