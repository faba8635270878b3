import { Tag } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgeBand, FeeUnit, PaymentMethod } from '../../../contract/fees';
import { figuresAmount, minorDigits } from '../../../contract/money';

export const AGE_BANDS: readonly AgeBand[] = ['d0_30', 'd31_90', 'd91_180', 'd181_plus'];
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['cash', 'card', 'bank_transfer', 'fps', 'ewallet'];

/** Integer minor units from an amount typed in major units (120.5 → 12050 for HKD). */
export const toMinor = (amount: number, currency: string) => Math.round(amount * 10 ** minorDigits(currency));
/** Major units of an amount in minor units, for a number field. */
export const toMajor = (minor: number, currency: string) => minor / 10 ** minorDigits(currency);

/** Money in figures in the page's language, from integer minor units of its currency (HK$1,234.56). */
export function useMoney(): (minor: number, currency: string) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (minor: number, currency: string) => {
      try {
        return figuresAmount(minor, currency, i18n.language);
      } catch {
        return figuresAmount(minor, currency, 'en');
      }
    },
    [i18n.language],
  );
}

/** A unit as the desk names it. */
export const feeUnitText = (unit: Pick<FeeUnit, 'buildingName' | 'number'>) => `${unit.buildingName} ${unit.number}`;

/** A voided receipt, wherever a receipt is listed. */
export function VoidTag({ voided }: { voided: boolean }) {
  const { t } = useTranslation();
  if (!voided) return null;
  return (
    <Tag color="error" data-testid="receipt-void-tag">
      {t('feeCounter.void.tag')}
    </Tag>
  );
}
