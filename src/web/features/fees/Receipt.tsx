import { FilePdfOutlined, PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FeePayment } from '../../../contract/fees';
import { capitalAmount } from '../../../contract/money';
import { useCan, useEstate } from '../../app/session';
import { useEstateTime } from '../../app/time';
import { FormModal } from '../../components/FormModal';
import { PlanWordsBox, usePlanWords, WordsLine } from '../frontdesk/PlanWords';
import { feeFiles, useFeeActions } from './api';
import { feeUnitText, useMoney, VoidTag } from './money';

/**
 * R-FE-2: the receipt as it prints, one A5 page: estate, unit, payer, the charges paid, the
 * amount in figures and in Chinese capital numerals, the cashier and the time. A voided receipt
 * keeps its number and says VOID across it.
 */
export function ReceiptSheet({ payment }: { payment: FeePayment }) {
  const { t } = useTranslation();
  const money = useMoney();
  const time = useEstateTime();
  return (
    <article className="ed-print-sheet ed-receipt-sheet" data-testid="receipt-sheet" data-voided={payment.voided}>
      {payment.voided && <div className="ed-print-void">{t('feeCounter.void.tag')}</div>}
      <header className="ed-print-head">
        <div className="ed-print-estate" data-testid="receipt-estate">
          {payment.estateName}
        </div>
        <h1>{t('feeCounter.receipt.title')}</h1>
        <div className="ed-print-code">
          {t('feeCounter.receipt.number')} <strong data-testid="receipt-number">{payment.receiptNumber}</strong>
        </div>
      </header>
      <table className="ed-print-table">
        <tbody>
          <tr>
            <th scope="row">{t('feeCounter.receipt.unit')}</th>
            <td data-testid="receipt-unit">{feeUnitText(payment.unit)}</td>
            <th scope="row">{t('feeCounter.pay.payer')}</th>
            <td data-testid="receipt-payer">{payment.payer}</td>
          </tr>
          {payment.allocations.map((a) => (
            <tr key={a.chargeId}>
              <th scope="row">{a.period ?? a.chargedOn}</th>
              <td colSpan={2}>{a.description}</td>
              <td className="ed-print-amount">{money(a.amount, payment.currency)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('feeCounter.receipt.amount')}</th>
            <td colSpan={3}>
              <strong data-testid="receipt-amount">{money(payment.amount, payment.currency)}</strong>
              <div data-testid="receipt-amount-words">{capitalAmount(payment.amount, payment.currency)}</div>
            </td>
          </tr>
          <tr>
            <th scope="row">{t('feeCounter.pay.method')}</th>
            <td data-testid="receipt-method">
              {t(`feeCounter.methods.${payment.method}`)}
              {payment.reference ? ` · ${payment.reference}` : ''}
            </td>
            <th scope="row">{t('feeCounter.receipt.receivedAt')}</th>
            <td data-testid="receipt-time">{time.format(payment.receivedAt)}</td>
          </tr>
          <tr>
            <th scope="row">{t('feeCounter.receipt.cashier')}</th>
            <td colSpan={3} data-testid="receipt-cashier">
              {payment.cashierName}
            </td>
          </tr>
          {payment.void && (
            <tr>
              <th scope="row">{t('feeCounter.void.reason')}</th>
              <td colSpan={3} data-testid="receipt-void-reason">
                {t('feeCounter.void.voidedBy', {
                  name: payment.void.voidedByName,
                  time: time.format(payment.void.voidedAt),
                  reason: payment.void.reason,
                })}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <footer className="ed-print-foot">{t('feeCounter.receipt.footer', { zone: time.zoneName })}</footer>
    </article>
  );
}

/** Print (the receipt page) and the server's PDF of a receipt. */
export function ReceiptButtons({ payment, print }: { payment: FeePayment; print?: boolean }) {
  const { t } = useTranslation();
  const estate = useEstate();
  return (
    <Space wrap>
      {print ? (
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="receipt-print">
          {t('feeCounter.receipt.print')}
        </Button>
      ) : (
        <Link to={`/fees/receipts/${payment.id}`} data-testid="receipt-open">
          <Button icon={<PrinterOutlined />}>{t('feeCounter.receipt.print')}</Button>
        </Link>
      )}
      <Button
        icon={<FilePdfOutlined />}
        href={feeFiles.receiptPdf(estate.id, payment.id)}
        target="_blank"
        rel="noopener"
        data-testid="receipt-pdf"
      >
        {t('feeCounter.receipt.pdf')}
      </Button>
    </Space>
  );
}

/**
 * The receipt just taken: its number, the amount in figures and in capital numerals, print and
 * PDF, and the plan's thanks to say to the resident (part 3, item 13).
 */
export function ReceiptTaken({ payment, onNext }: { payment: FeePayment; onNext: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const words = usePlanWords();
  const reply = words('reply_to_thanks', { addressee: { name: payment.payer } });
  return (
    <div data-testid="receipt-taken">
      <Typography.Title level={4}>{t('feeCounter.receipt.taken', { number: payment.receiptNumber })}</Typography.Title>
      <Typography.Paragraph>
        <span data-testid="receipt-taken-number">{payment.receiptNumber}</span>
        {' · '}
        <strong data-testid="receipt-taken-amount">{money(payment.amount, payment.currency)}</strong>
        {' · '}
        <span data-testid="receipt-taken-words" lang="zh-Hant">
          {capitalAmount(payment.amount, payment.currency)}
        </span>
      </Typography.Paragraph>
      <PlanWordsBox testId="fee-thanks">
        <WordsLine
          label={t('feeCounter.thanksLabel')}
          words={t('feeCounter.thanks', { addressee: payment.payer })}
          testId="fee-thanks-line"
        />
        <WordsLine label={t('deskWords.replyToThanks')} words={reply} testId="fee-thanks-reply" />
      </PlanWordsBox>
      <Space wrap>
        <ReceiptButtons payment={payment} />
        <Button onClick={onNext} data-testid="receipt-next">
          {t('feeCounter.receipt.next')}
        </Button>
      </Space>
    </div>
  );
}

/** R-FE-2: a manager voids a receipt with a reason; it keeps its number and its charges are owed again. */
export function VoidReceiptButton({ payment, onVoided }: { payment: FeePayment; onVoided?: (p: FeePayment) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const actions = useFeeActions();
  const [open, setOpen] = useState(false);
  if (!can('fee.void') || payment.voided) return null;
  const label = t('feeCounter.void.reason');
  return (
    <>
      <Button size="small" danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="receipt-void">
        {t('feeCounter.void.action')}
      </Button>
      <FormModal<{ reason: string }>
        open={open}
        onClose={() => setOpen(false)}
        title={t('feeCounter.void.title', { number: payment.receiptNumber })}
        testId="receipt-void-form"
        labels={{ reason: label }}
        codeFields={{ 'fee.already_void': 'reason' }}
        submitText={t('feeCounter.void.submit')}
        numbered={() => ({
          title: t('feeCounter.void.confirmTitle', { number: payment.receiptNumber }),
          content: (
            <Typography.Paragraph data-testid="receipt-void-confirm-text">
              {t('feeCounter.void.confirmBody', {
                number: payment.receiptNumber,
                unit: feeUnitText(payment.unit),
              })}
            </Typography.Paragraph>
          ),
          okText: t('feeCounter.void.confirmOk'),
        })}
        onSubmit={async (v) => {
          const voided = await actions.voidPayment(payment.id, { reason: v.reason.trim() });
          message.success(t('feeCounter.void.done', { number: voided.receiptNumber }));
          onVoided?.(voided);
        }}
      >
        <Typography.Paragraph type="secondary">{t('feeCounter.void.help')}</Typography.Paragraph>
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: label }) }]}
        >
          <Input.TextArea rows={3} maxLength={500} autoFocus data-testid="receipt-void-reason-input" />
        </Form.Item>
      </FormModal>
    </>
  );
}

export { VoidTag };
